package io.snapshotbatch.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.metrics.MetricsPusher;
import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.EmbeddedLedger;
import io.snapshotbatch.run.RunEnd;
import io.snapshotbatch.run.RunGuard;
import io.snapshotbatch.snapshot.PartnerCentralClientConfiguration.CredentialsCheck;
import io.snapshotbatch.snapshot.RunStopSignal;

/**
 * What the commands that send calls ({@code run}, {@code rerun-failed}) share, in order: the run
 * date's guard (before anything else, so a second launch is refused at once), the embedded ledger
 * (one run at a time on an H2 file), a graceful stop on SIGTERM/SIGINT, the Spring context (the
 * database reachable and migrated), and credentials checked before any row is touched. Closing it
 * closes the context, and with it the data source, before the process exits.
 */
final class GuardedLaunch implements AutoCloseable {

    private final RunGuard guard;

    private final EmbeddedLedger ledger;

    private final ConfigurableApplicationContext context;

    private final GracefulStop stop;

    private GuardedLaunch(RunGuard guard, EmbeddedLedger ledger, ConfigurableApplicationContext context, GracefulStop stop) {
        this.guard = guard;
        this.ledger = ledger;
        this.context = context;
        this.stop = stop;
    }

    /** Empty when another process holds the run date: the caller exits 5. */
    static Optional<GuardedLaunch> open(DatabaseTarget database, LocalDate runDate, Map<String, Object> settings) {
        Optional<RunGuard> guard = acquire(database, runDate);
        if (guard.isEmpty()) {
            System.err.println("snapshot-batch: run " + runDate + " is already running in another process; "
                    + "not starting a second one");
            return Optional.empty();
        }
        EmbeddedLedger ledger = null;
        GracefulStop stop = null;
        ConfigurableApplicationContext context = null;
        try {
            // The stop is armed before the (slow) start-up, so a SIGTERM at any moment ends with exit 4.
            RunStopSignal stopSignal = new RunStopSignal();
            stop = new GracefulStop(stopSignal);
            ledger = BatchContext.host(database, "run " + runDate, stopSignal::isStopped);
            context = BatchContext.open(database, settings, stopSignal);
            String credentialsProblem = context.getBean(CredentialsCheck.class).problem();
            if (credentialsProblem != null) {
                throw new UsageException(credentialsProblem);
            }
            context.getBean(MetricsPusher.class).start(runDate);
            return Optional.of(new GuardedLaunch(guard.get(), ledger, context, stop));
        }
        catch (RuntimeException ex) {
            if (context != null) {
                context.close();
            }
            if (stop != null) {
                stop.close();
            }
            if (ledger != null) {
                ledger.close();
            }
            guard.get().close();
            throw ex;
        }
    }

    /** A database that cannot be reached to take the guard is a configuration error (exit 2), not a lost one. */
    private static Optional<RunGuard> acquire(DatabaseTarget database, LocalDate runDate) {
        try {
            return RunGuard.tryAcquire(database, runDate);
        }
        catch (IllegalStateException ex) {
            throw new UsageException(database.redact(ex.getMessage()));
        }
    }

    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    /** Prints the outcome and where its report is, pushes the last metrics, and returns the exit code. */
    int finish(RunEnd end, Path reportDir) {
        Reports.print(end, reportDir, bean(ReconciliationReport.class));
        bean(MetricsPusher.class).finish(end.exitCode());
        return end.exitCode();
    }

    @Override
    public void close() {
        try {
            // The data source closes with the context, after the job, its stop and its report are done.
            this.context.close();
        }
        finally {
            this.stop.close();
            this.ledger.close();
            this.guard.close();
        }
    }

}
