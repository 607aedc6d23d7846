package io.snapshotbatch.cli;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.metrics.MetricsPusher;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.RunEnd;
import io.snapshotbatch.run.RunGuard;
import io.snapshotbatch.snapshot.PartnerCentralClientConfiguration.CredentialsCheck;
import io.snapshotbatch.snapshot.RunStopSignal;

/**
 * What the commands that send calls ({@code run}, {@code rerun-failed}) share, in order: the run
 * date's guard (before anything else, so a second launch is refused at once), the Spring context,
 * credentials checked before any row is touched, and a graceful stop on SIGTERM.
 */
final class GuardedLaunch implements AutoCloseable {

    private final RunGuard guard;

    private final ConfigurableApplicationContext context;

    private final GracefulStop stop;

    private GuardedLaunch(RunGuard guard, ConfigurableApplicationContext context, GracefulStop stop) {
        this.guard = guard;
        this.context = context;
        this.stop = stop;
    }

    /** Empty when another process holds the run date: the caller exits 5. */
    static Optional<GuardedLaunch> open(DatabaseTarget database, LocalDate runDate, Map<String, Object> settings) {
        Optional<RunGuard> guard = RunGuard.tryAcquire(database, runDate);
        if (guard.isEmpty()) {
            System.err.println("snapshot-batch: run " + runDate + " is already running in another process; "
                    + "not starting a second one");
            return Optional.empty();
        }
        // The stop is armed before the (slow) start-up, so a SIGTERM at any moment ends with exit 4.
        RunStopSignal stopSignal = new RunStopSignal();
        GracefulStop stop = new GracefulStop(stopSignal);
        ConfigurableApplicationContext context = null;
        try {
            context = BatchContext.open(database, settings, stopSignal);
            String credentialsProblem = context.getBean(CredentialsCheck.class).problem();
            if (credentialsProblem != null) {
                throw new UsageException(credentialsProblem);
            }
            context.getBean(MetricsPusher.class).start(runDate);
            return Optional.of(new GuardedLaunch(guard.get(), context, stop));
        }
        catch (RuntimeException ex) {
            stop.finish(ExitCodes.USAGE);
            stop.close();
            if (context != null) {
                context.close();
            }
            guard.get().close();
            throw ex;
        }
    }

    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    /** Prints the outcome and hands the exit code to a SIGTERM that may be under way. */
    int finish(RunEnd end, java.nio.file.Path reportDir) {
        Reports.print(end, reportDir);
        // Pushed before a SIGTERM under way may end the process with this code.
        this.context.getBean(MetricsPusher.class).finish(end.exitCode());
        this.stop.finish(end.exitCode());
        return end.exitCode();
    }

    @Override
    public void close() {
        try {
            this.stop.close();
            this.context.close();
        }
        finally {
            this.guard.close();
        }
    }

}
