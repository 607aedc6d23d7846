package io.snapshotbatch.input;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells, from the SQLSTATE the database gave, whose fault a failing {@code --source-sql} is: an error in
 * the user's query (a typo, a missing table or column, no permission, a division by zero in a row) is
 * a usage error (exit 2); a broken connection stops the run like any lost database (exit 4); anything
 * else is an internal failure (exit 1, with its trace in the log).
 */
final class SourceQueryFailures {

    /**
     * SQLSTATE classes of errors in the query itself (SQL standard, as PostgreSQL and H2 use them): 42 syntax
     * or access rule (missing table, column, function; permission), 22 data (bad cast, division by zero),
     * 21 cardinality (a scalar subquery with two rows), 3F invalid schema, 0A feature not supported, 25 a
     * write in the read-only transaction, 38/39/P0 the user's own functions raising.
     */
    private static final Set<String> QUERY_CLASSES = Set.of("42", "22", "21", "3F", "0A", "25", "38", "39", "P0");

    /**
     * H2's own codes (class 90) for query errors: column not in GROUP BY, function not found, subquery not a
     * single column, misused aggregate, ambiguous column, ORDER BY not in a DISTINCT result, schema not found.
     */
    private static final Set<String> H2_QUERY_STATES = Set.of("90016", "90022", "90052", "90054", "90059", "90068",
            "90079");

    private SourceQueryFailures() {
    }

    /** Whether the failure is the query's: the user fixes the query and launches again. */
    static boolean isQueryError(SQLException ex) {
        String state = ex.getSQLState();
        if (state == null || state.length() < 2) {
            return false;
        }
        return QUERY_CLASSES.contains(state.substring(0, 2)) || H2_QUERY_STATES.contains(state);
    }

    /** The database's own message on one line (PostgreSQL adds a "Position:" line, H2 the SQL it parsed). */
    static String oneLine(SQLException ex) {
        String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

}
