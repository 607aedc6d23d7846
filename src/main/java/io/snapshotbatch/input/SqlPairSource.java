package io.snapshotbatch.input;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Reads pairs from a SELECT that returns the same columns as the CSV input; each row's line is its
 * position in the result, from 1. Only queries are accepted, and they run read-only.
 * <p>
 * The query runs on a connection of its own, opened from {@code dataSource} for this read and closed after
 * it, never the ledger's: the staging writes stay in the ledger's transaction however many rows the cursor
 * fetches, also when the source table lives in the ledger's database (issue 11: a Spring-managed read-only
 * transaction on the ledger's data source took over the staging inserts once a second batch was fetched).
 * The result is streamed: PostgreSQL's driver uses a cursor only with auto-commit off and a fetch size.
 */
public final class SqlPairSource implements PairSource {

    /** Rows per round trip of the cursor: memory stays flat, however large the source. */
    static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;

    private final String sql;

    private final String databaseName;

    /**
     * @param dataSource opens a connection of the source's own (e.g. a {@code DriverManagerDataSource}), not the
     * ledger's pool: a pooled connection would do, but the pool is the ledger's and is sized for it
     * @param databaseName for messages (never a credential)
     */
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

    /**
     * Compiles the query without running it and checks its columns: a typo, a missing table or column is
     * found before a run is created or anything staged.
     * @throws InputException when the query or its columns are wrong, or the database cannot be reached
     */
    @Override
    public void check() {
        try (Connection connection = open(); PreparedStatement statement = prepare(connection)) {
            try {
                ResultSetMetaData meta = statement.getMetaData();
                if (meta != null) {
                    mapping(meta);
                }
            }
            catch (SQLException ex) {
                throw failure(ex);
            }
            finally {
                rollbackQuietly(connection);
            }
        }
        catch (SQLException ex) {
            throw failure(ex);
        }
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        // The sink (the staging writes) may throw; its exceptions pass through untouched: they are not the query's.
        try (Connection connection = open(); PreparedStatement statement = prepare(connection)) {
            try (ResultSet rs = statement.executeQuery()) {
                ColumnMapping mapping = mapping(rs.getMetaData());
                int columns = rs.getMetaData().getColumnCount();
                int position = 0;
                while (rs.next()) {
                    position++;
                    String[] values = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = rs.getString(i + 1);
                    }
                    sink.accept(mapping.toRecord(position, (i) -> values[i]));
                }
            }
            finally {
                // Read-only: nothing to commit; ends the transaction that held the cursor.
                rollbackQuietly(connection);
            }
        }
        catch (SQLException ex) {
            throw failure(ex);
        }
    }

    private Connection open() {
        Connection connection;
        try {
            connection = this.dataSource.getConnection();
        }
        catch (SQLException ex) {
            throw new InputException("--source-sql cannot connect to " + this.databaseName + ": "
                    + SourceQueryFailures.oneLine(ex), ex);
        }
        try {
            // Read-only before the transaction begins (PostgreSQL then refuses a write the query might hide, e.g.
            // a data-modifying CTE), and auto-commit off, without which PostgreSQL's driver fetches every row at once.
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        }
        catch (SQLException ex) {
            closeQuietly(connection, ex);
            throw failure(ex);
        }
    }

    private PreparedStatement prepare(Connection connection) throws SQLException {
        try {
            PreparedStatement statement = connection.prepareStatement(this.sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }
        catch (SQLException ex) {
            closeQuietly(connection, ex);
            throw ex;
        }
    }

    private static ColumnMapping mapping(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i));
        }
        return ColumnMapping.of(names, "The --source-sql result");
    }

    /**
     * The query's own errors are the user's (exit 2, the database's message, no trace); a lost connection
     * keeps its cause so that the run stops and resumes like any lost database; the rest is internal.
     */
    private RuntimeException failure(SQLException ex) {
        String where = "--source-sql failed on " + this.databaseName + ": " + SourceQueryFailures.oneLine(ex);
        if (SourceQueryFailures.isQueryError(ex)) {
            return new InputException(where, ex);
        }
        return new IllegalStateException(where, ex);
    }

    /** A failed rollback must not hide the failure (perhaps the sink's) that ended the read. */
    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        }
        catch (SQLException ex) {
            // The connection is closed next; a read-only transaction has nothing to lose.
        }
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        try {
            connection.close();
        }
        catch (SQLException ex) {
            failure.addSuppressed(ex);
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
