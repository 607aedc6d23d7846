package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.PaceRepository;
import io.snapshotbatch.ledger.RunPace;
import io.snapshotbatch.throttle.CallLatency;
import io.snapshotbatch.throttle.PaceController;
import io.snapshotbatch.throttle.RollingQuota;

/**
 * Around the snapshot step: starts the pace from what an earlier launch learned for the run's catalog
 * (never above {@code --rate}), and afterwards keeps what this launch learned, for the next launch and
 * for the run's summary ({@code rate_ceiling}, {@code rate_end}, {@code pace_limited_by}).
 */
public class PaceStepListener implements StepExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(PaceStepListener.class);

    /**
     * Below this share of the pace actually used, the service's latency held it back: not enough calls could
     * be under way ({@code --max-in-flight}, {@code --partitions}) to use every permit.
     */
    static final double LATENCY_BOUND = 0.8;

    private final PaceController controller;

    private final PaceRepository paces;

    private final RollingQuota quota;

    private final RunStopSignal stopSignal;

    private final MeterRegistry meters;

    private final Clock clock;

    private final CallLatency latency;

    private String catalog;

    private double callsAtStart;

    private long startedAt;

    public PaceStepListener(PaceController controller, PaceRepository paces, RollingQuota quota,
            RunStopSignal stopSignal, MeterRegistry meters, Clock clock) {
        this(controller, paces, quota, stopSignal, meters, clock, new CallLatency());
    }

    public PaceStepListener(PaceController controller, PaceRepository paces, RollingQuota quota,
            RunStopSignal stopSignal, MeterRegistry meters, Clock clock, CallLatency latency) {
        this.latency = latency;
        this.controller = controller;
        this.paces = paces;
        this.quota = quota;
        this.stopSignal = stopSignal;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        this.catalog = this.paces.mainCatalogOfPendingRows(runId).orElse(null);
        Optional<Double> learned = (this.catalog != null) ? this.paces.learned(this.catalog) : Optional.empty();
        this.controller.startFrom(learned.orElse(null));
        double ceiling = this.controller.settings().ceiling();
        logger.info("Pace: starting at {} calls/s ({}; --rate {} is the ceiling)", format(this.controller.rate()),
                learned.map((pace) -> "learned earlier for catalog " + this.catalog + ": " + format(pace))
                    .orElse("nothing learned yet for this catalog"),
                format(ceiling));
        this.callsAtStart = calls();
        this.startedAt = System.nanoTime();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        try {
            this.quota.flush();
            double calls = calls() - this.callsAtStart;
            double seconds = Math.max(1e-3, (System.nanoTime() - this.startedAt) / 1e9);
            double learned = this.controller.learnedPace();
            String limitedBy = limitedBy(calls, calls / seconds, learned);
            if (this.catalog != null && calls > 0) {
                this.paces.saveLearned(this.catalog, learned, this.clock.instant());
            }
            CallLatency.Percentiles observed = this.latency.launch();
            this.paces.saveRunPace(runId, new RunPace(this.controller.settings().ceiling(), learned, limitedBy,
                    observed.p50Ms(), observed.p95Ms()));
            logger.info("Pace: ended at {} calls/s (ceiling {}), held back by {}; {} throttled calls lowered it {} times; "
                    + "{} calls/s made; service latency {}", format(learned), format(this.controller.settings().ceiling()),
                    (limitedBy != null) ? limitedBy : "nothing (no call made)", this.controller.throttledCalls(), this.controller.decreases(),
                    format(calls / seconds), ProgressReporter.describe(observed));
        }
        catch (RuntimeException ex) {
            // The pace is an optimisation: losing it must not fail a run whose rows are recorded.
            logger.warn("Could not record the pace of run {}: {}", runId, ex.getMessage());
        }
        return null;
    }

    /** What held the pace back: the budget, the service's quota, the partitions (latency), or the ceiling. */
    private String limitedBy(double calls, double achievedCallsPerSecond, double learned) {
        String reason = this.stopSignal.reason();
        if (reason != null && (reason.contains("--daily-budget") || reason.contains("--quota-24h"))) {
            return "budget";
        }
        if (calls == 0) {
            // Nothing was sent: nothing held the pace back.
            return null;
        }
        if (this.controller.decreases() > 0 && learned < this.controller.settings().ceiling()) {
            return "quota";
        }
        if (achievedCallsPerSecond < LATENCY_BOUND * learned) {
            return "latency";
        }
        return "ceiling";
    }

    private double calls() {
        return this.meters.counter("snapshot.calls").count();
    }

    static String format(double callsPerSecond) {
        return "%.2f".formatted(callsPerSecond).replaceAll("\\.?0+$", "");
    }

}
