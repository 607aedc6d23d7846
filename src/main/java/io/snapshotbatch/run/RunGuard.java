package io.snapshotbatch.run;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Proof that this process is the only one working on a run date. It must die with its process, so
 * a crash can never leave a run date locked: a PostgreSQL advisory lock held on a dedicated
 * connection, or an OS file lock next to an embedded database.
 */
public interface RunGuard extends AutoCloseable {

    @Override
    void close();

    /**
     * Takes the guard of {@code runDate}, or returns empty at once when another process holds it.
     * @throws IllegalStateException when the database cannot be reached to take it
     */
    static Optional<RunGuard> tryAcquire(DatabaseTarget database, LocalDate runDate) {
        if (database.isPostgres()) {
            return PostgresAdvisoryGuard.tryAcquire(database, runDate);
        }
        return FileLockGuard.tryAcquire(database, runDate);
    }

    /**
     * Whether a live process holds the guard of {@code runDate} now, without taking it: a run the ledger
     * still calls RUNNING while nobody holds its guard was left by a process that died.
     * @throws IllegalStateException when the database cannot be reached to find out
     */
    static boolean isHeld(DatabaseTarget database, LocalDate runDate) {
        if (database.isPostgres()) {
            return PostgresAdvisoryGuard.isHeld(database, runDate);
        }
        return FileLockGuard.isHeld(database, runDate);
    }

}
