package io.snapshotbatch.cli;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.SnapshotBatchApplication;
import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.EmbeddedLedger;
import io.snapshotbatch.snapshot.RunStopSignal;

/**
 * Opens the Spring context of one command against the given database (migrating it with Flyway),
 * and turns an unreachable database into a clear usage error.
 */
final class BatchContext {

    /** How long a command that hosts the embedded ledger waits for a {@code status} or {@code report} to end. */
    static final Duration WAIT_FOR_VISITS = Duration.ofMinutes(2);

    private BatchContext() {
    }

    /**
     * For the commands that only read a run ({@code status}, {@code report}): the ledger must exist (an
     * embedded H2 file is never created by reading it), and its file is marked open while they read it.
     */
    static LedgerContext openForReading(DatabaseTarget database, Map<String, Object> settings) {
        requireExisting(database);
        EmbeddedLedger ledger;
        try {
            ledger = EmbeddedLedger.visit(database);
        }
        catch (IllegalStateException ex) {
            throw new UsageException(database.redact(ex.getMessage()));
        }
        return LedgerContext.open(ledger, () -> open(database, settings, new RunStopSignal()));
    }

    /**
     * For a long command that writes to an existing ledger without a run date guard ({@code verify}): on an
     * embedded H2 file it serves the database itself, like a run (see {@link EmbeddedLedger}).
     */
    static LedgerContext openHosting(DatabaseTarget database, String purpose, Map<String, Object> settings) {
        requireExisting(database);
        EmbeddedLedger ledger = host(database, purpose, () -> false);
        return LedgerContext.open(ledger, () -> open(database, settings, new RunStopSignal()));
    }

    /** Serves the embedded ledger from this process (see {@link EmbeddedLedger}); a no-op for other databases. */
    static EmbeddedLedger host(DatabaseTarget database, String purpose, java.util.function.BooleanSupplier stopped) {
        try {
            return EmbeddedLedger.host(database, purpose, WAIT_FOR_VISITS, stopped);
        }
        catch (IllegalStateException ex) {
            throw new UsageException(database.redact(ex.getMessage()));
        }
    }

    /** A usage error naming the file looked for, when an embedded ledger does not exist. */
    static void requireExisting(DatabaseTarget database) {
        if (!database.exists()) {
            throw new UsageException("no ledger database at " + database.h2DataFile() + " (--db " + database.redactedUrl()
                    + ", relative to the current directory " + java.nio.file.Path.of("").toAbsolutePath()
                    + "); run the command from the directory the run was launched from, or give its --db");
        }
    }

    /**
     * The bare context, without the hold on an embedded ledger that {@link #openForReading} and
     * {@link #openHosting} take: only for a command that must not wait for, or exclude, another process.
     */
    static ConfigurableApplicationContext open(DatabaseTarget database, Map<String, Object> settings) {
        return open(database, settings, new RunStopSignal());
    }

    /**
     * Opens the context with the run's stop signal given from outside, so a SIGTERM that arrives while
     * the context is still starting is not lost.
     */
    static ConfigurableApplicationContext open(DatabaseTarget database, Map<String, Object> settings,
            RunStopSignal stopSignal) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.putAll(settings);
        try {
            return new SpringApplicationBuilder(SnapshotBatchApplication.class).web(WebApplicationType.NONE)
                .initializers((context) -> context.getBeanFactory().registerSingleton("runStopSignal", stopSignal))
                // The command closes the context itself, after a SIGTERM has been handled (GracefulStop).
                .registerShutdownHook(false)
                // As command-line properties they outrank application.properties (defaults would not).
                .run(properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        }
        catch (RuntimeException ex) {
            if (isDatabaseUnreachable(ex)) {
                throw new UsageException("Cannot use the database " + database + ": " + database.redact(rootMessage(ex)));
            }
            throw ex;
        }
    }

    /** At start-up any SQL or migration failure (wrong password, no such database, Flyway refuses) is configuration. */
    static boolean isDatabaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || DatabaseFailures.isConnectionLoss(cause)
                    || cause instanceof org.flywaydb.core.api.FlywayException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
    }

}
