package io.snapshotbatch.snapshot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.progress.ProgressMode;
import io.snapshotbatch.progress.RowProgress;

/**
 * The live progress bar of the snapshot step on a terminal, in place of {@link ProgressReporter}'s log
 * line: rows answered of those pending when the step started, read twice a second from the same
 * Micrometer counters, so it costs no database query while the run goes on.
 */
public class ProgressBarReporter implements StepExecutionListener {

    private final MeterRegistry meters;

    private final LedgerRepository ledger;

    private RowProgress bar;

    private ScheduledExecutorService scheduler;

    private Runnable refresh;

    public ProgressBarReporter(MeterRegistry meters, LedgerRepository ledger) {
        this.meters = meters;
        this.ledger = ledger;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        long pendingAtStart = this.ledger.counts(runId).pending();
        this.bar = RowProgress.open(ProgressMode.BAR, "Sending", "answered", pendingAtStart, java.time.Duration.ZERO);
        // Taken once the bar (and its terminal) is set up, so both paces count from the same moment.
        double answeredAtStart = answered();
        double callsAtStart = calls();
        long startNanos = System.nanoTime();
        this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "progress-bar");
            thread.setDaemon(true);
            return thread;
        });
        this.refresh = () -> {
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            this.bar.update((long) (answered() - answeredAtStart), (calls() - callsAtStart) / seconds);
        };
        this.scheduler.scheduleAtFixedRate(this.refresh, 0, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
        }
        if (this.bar != null) {
            this.refresh.run();
            this.bar.close();
        }
        return null;
    }

    private double answered() {
        return this.meters.counter("snapshot.rows", "outcome", Outcome.CREATED.name()).count()
                + this.meters.counter("snapshot.rows", "outcome", Outcome.FAILED.name()).count()
                + this.meters.counter("snapshot.rows", "outcome", Outcome.UNCHANGED.name()).count();
    }

    private double calls() {
        return this.meters.counter("snapshot.calls").count();
    }

}
