package io.snapshotbatch.ledger;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a lost or unreachable database (a restart, a failover, a network cut) from a genuine error:
 * the first stops a run, which the same command continues once the database is back; only the
 * second is an internal error.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether the error, its causes, suppressed exceptions, or the application exception that a failed
     * rollback replaced (Spring's {@link TransactionSystemException}) show a lost database connection.
     */
    public static boolean isConnectionLoss(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (error != null) {
            pending.add(error);
        }
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (isConnectionLossItself(current)) {
                return true;
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
            if (current instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
            if (current instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                pending.add(tx.getApplicationException());
            }
            Collections.addAll(pending, current.getSuppressed());
        }
        return false;
    }

    /**
     * Only evidence of a connection that broke or could not be made counts. Wrappers such as Hikari's
     * "Connection is not available" or Spring's resource-failure exceptions count through their causes:
     * without one (an exhausted pool, a misconfiguration) they are not a lost database.
     */
    private static boolean isConnectionLossItself(Throwable error) {
        if (error instanceof SQLNonTransientConnectionException || error instanceof SQLRecoverableException
                || error instanceof SocketException) {
            return true;
        }
        if (error instanceof SQLException sql && sql.getSQLState() != null) {
            // 08: connection exception; 57P01-57P03: the server shut down or is not accepting connections.
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        return false;
    }
}
