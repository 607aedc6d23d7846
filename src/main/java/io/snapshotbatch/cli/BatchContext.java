package io.snapshotbatch.cli;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.SnapshotBatchApplication;
import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.snapshot.RunStopSignal;

/**
 * Opens the Spring context of one command against the given database (migrating it with Flyway),
 * and turns an unreachable database into a clear usage error.
 */
final class BatchContext {

    private BatchContext() {
    }

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
                throw new UsageException("Cannot use the database " + database + ": " + rootMessage(ex));
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
