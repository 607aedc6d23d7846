package io.snapshotbatch.snapshot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.Outcome;

/**
 * Logs where a long run stands every {@code interval}: rows answered out of those pending when the
 * snapshot step started, the call rate, the current pace, and an estimate of the time left. Listens to the snapshot
 * (manager) step and reads the Micrometer counters the processor keeps, so it costs no database
 * query while the run goes on and counts rows whose chunk is not committed yet.
 */
public class ProgressReporter implements StepExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(ProgressReporter.class);

    private final MeterRegistry meters;

    private final LedgerRepository ledger;

    private final Duration interval;

    private final DoubleSupplier pace;

    private ScheduledExecutorService scheduler;

    public ProgressReporter(MeterRegistry meters, LedgerRepository ledger, Duration interval, DoubleSupplier pace) {
        this.meters = meters;
        this.ledger = ledger;
        this.interval = interval;
        this.pace = pace;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        long pendingAtStart = this.ledger.counts(runId).pending();
        long startNanos = System.nanoTime();
        double callsAtStart = calls();
        double answeredAtStart = answered();
        this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.scheduleAtFixedRate(() -> report(pendingAtStart, startNanos, callsAtStart, answeredAtStart),
                this.interval.toMillis(), this.interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
        }
        return null;
    }

    private void report(long pendingAtStart, long startNanos, double callsAtStart, double answeredAtStart) {
        try {
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            double answered = answered() - answeredAtStart;
            double rowsPerSecond = answered / seconds;
            long pending = Math.max(0, pendingAtStart - (long) answered);
            String left = (rowsPerSecond > 0) ? format(Duration.ofSeconds((long) (pending / rowsPerSecond))) : "unknown";
            logger.info("Progress: {} rows answered in {} ({} created, {} failed), {} still pending; {} calls/s at a pace "
                    + "of {} calls/s; about {} left", (long) answered, format(Duration.ofSeconds((long) seconds)),
                    (long) rows(Outcome.CREATED), (long) rows(Outcome.FAILED), pending,
                    "%.1f".formatted((calls() - callsAtStart) / seconds), PaceStepListener.format(this.pace.getAsDouble()),
                    left);
        }
        catch (RuntimeException ex) {
            logger.warn("Progress unavailable: {}", ex.getMessage());
        }
    }

    private double answered() {
        return rows(Outcome.CREATED) + rows(Outcome.FAILED) + rows(Outcome.UNCHANGED);
    }

    private double rows(Outcome outcome) {
        return this.meters.counter("snapshot.rows", "outcome", outcome.name()).count();
    }

    private double calls() {
        return this.meters.counter("snapshot.calls").count();
    }

    private static String format(Duration duration) {
        return "%dh%02dm%02ds".formatted(duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }

}
