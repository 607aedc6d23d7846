package io.snapshotbatch.input;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads pairs from a SELECT that returns the same columns as the CSV input; each row's line is its
 * position in the result, from 1. Only queries are accepted, and they run read-only.
 */
public final class SqlPairSource implements PairSource {

    private final DataSource dataSource;

    private final String sql;

    private final String databaseName;

    public SqlPairSource(DataSource dataSource, String sql, String databaseName) {
        String trimmed = sql.strip();
        String head = trimmed.toLowerCase(Locale.ROOT);
        if (!(head.startsWith("select") || head.startsWith("with") || head.startsWith("values")
                || head.startsWith("table"))) {
            throw new InputException("--source-sql must be a SELECT query, got: " + abbreviate(trimmed));
        }
        if (hasSecondStatement(trimmed)) {
            // Drivers such as H2's run every statement of the string: "select ...; delete ..." would write.
            throw new InputException("--source-sql must be a single SELECT query, got: " + abbreviate(trimmed));
        }
        this.dataSource = dataSource;
        this.sql = trimmed;
        this.databaseName = databaseName;
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        jdbc.setFetchSize(1000);
        // A read-only transaction of its own: PostgreSQL then refuses any write the query might hide
        // (e.g. a data-modifying CTE), and the ledger's staging transaction is not involved.
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
        readOnly.setReadOnly(true);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            readOnly.executeWithoutResult((status) -> jdbc.query(this.sql, (ResultSetExtractor<Void>) (rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    names.add(meta.getColumnLabel(i));
                }
                ColumnMapping mapping = ColumnMapping.of(names, "The --source-sql result");
                int position = 0;
                while (rs.next()) {
                    position++;
                    String[] values = new String[names.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getString(i + 1);
                    }
                    sink.accept(mapping.toRecord(position, (i) -> values[i]));
                }
                return null;
            }));
        }
        catch (DataAccessException | TransactionException ex) {
            throw new InputException("--source-sql failed on " + this.databaseName + ": "
                    + ex.getMostSpecificCause().getMessage(), ex);
        }
    }

    @Override
    public String describe() {
        return "sql:" + abbreviate(this.sql);
    }

    /** Whether anything but blanks and comments follows a {@code ;} outside literals, quoted names and comments. */
    static boolean hasSecondStatement(String sql) {
        boolean separated = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int next;
            if (c == '-' && sql.startsWith("--", i)) {
                next = sql.indexOf('\n', i);
                next = (next < 0) ? sql.length() : next + 1;
            }
            else if (c == '/' && sql.startsWith("/*", i)) {
                next = sql.indexOf("*/", i + 2);
                next = (next < 0) ? sql.length() : next + 2;
            }
            else if (Character.isWhitespace(c) || c == ';') {
                separated |= (c == ';');
                next = i + 1;
            }
            else if (separated) {
                return true;
            }
            else if (c == '\'' || c == '"') {
                next = sql.indexOf(c, i + 1);
                next = (next < 0) ? sql.length() : next + 1;
            }
            else {
                next = i + 1;
            }
            i = next;
        }
        return false;
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return (oneLine.length() > 500) ? oneLine.substring(0, 500) + "..." : oneLine;
    }

}
