package io.snapshotbatch.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.snapshotbatch.run.DatabaseTarget;

/** Plain SQL against a run's ledger and Spring Batch tables, to see what a killed process left behind. */
public final class LedgerQueries {

    private LedgerQueries() {
    }

    public static List<Map<String, Object>> rows(DatabaseTarget database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Runs each statement (updates, deletes) in one transaction, e.g. to build the state a killed process leaves. */
    public static void execute(DatabaseTarget database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    /** The single value of a query returning at most one row and one column; null when there is no row. */
    public static Object value(DatabaseTarget database, String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(database, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** Rows by outcome in {@code snapshot_row}, e.g. {@code {CREATED=160, PENDING=140}}. */
    public static Map<String, Long> outcomes(DatabaseTarget database) throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Map<String, Object> row : rows(database, "select outcome, count(*) as n from snapshot_row group by outcome")) {
            counts.put((String) row.get("outcome"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** Status of the newest Spring Batch job execution, or null when none was created yet. */
    public static String lastJobExecutionStatus(DatabaseTarget database) throws SQLException {
        return (String) value(database, "select status from batch_job_execution order by job_execution_id desc limit 1");
    }

}
