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
import io.snapshotbatch.throttle.CallLatency;

/**
 * Logs where a long run stands every {@code interval}: rows answered out of those pending when the
 * snapshot step started, the call rate, the current pace, an estimate of the time left, the calls in flight
 * and the service's latency (and whether it, rather than the pace, limits the run). Listens to the snapshot
 * (manager) step and reads the Micrometer counters the processor keeps, so it costs no database
 * query while the run goes on and counts rows whose chunk is not committed yet.
 */
public class ProgressReporter implements StepExecutionListener {

    private static final Logger logger = LoggerFactory.getLogger(ProgressReporter.class);

    private final MeterRegistry meters;

    private final LedgerRepository ledger;

    private final Duration interval;

    private final DoubleSupplier pace;

    private final CallLatency latency;

    private final CallsInFlight inFlight;

    private boolean readsFirst;

    private ScheduledExecutorService scheduler;

    private double callsAtLastReport;

    private long lastReportNanos;

    public ProgressReporter(MeterRegistry meters, LedgerRepository ledger, Duration interval, DoubleSupplier pace) {
        this(meters, ledger, interval, pace, new CallLatency(), CallsInFlight.unbounded());
    }

    public ProgressReporter(MeterRegistry meters, LedgerRepository ledger, Duration interval, DoubleSupplier pace,
            CallLatency latency, CallsInFlight inFlight) {
        this.meters = meters;
        this.ledger = ledger;
        this.interval = interval;
        this.pace = pace;
        this.latency = latency;
        this.inFlight = inFlight;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long runId = stepExecution.getJobParameters().getLong(SnapshotJobConfiguration.RUN_ID);
        long pendingAtStart = this.ledger.counts(runId).pending();
        long startNanos = System.nanoTime();
        double callsAtStart = calls();
        double answeredAtStart = answered();
        this.callsAtLastReport = callsAtStart;
        this.lastReportNanos = startNanos;
        this.latency.sinceLastLook();
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
            double pace = this.pace.getAsDouble();
            long now = System.nanoTime();
            double calls = calls();
            double recentCallsPerSecond = (calls - this.callsAtLastReport) / Math.max(1e-3, (now - this.lastReportNanos) / 1e9);
            this.callsAtLastReport = calls;
            this.lastReportNanos = now;
            logger.info("Progress: {} rows answered in {} ({} created, {} failed, {} unchanged), {} still pending; {} calls/s at a pace "
                    + "of {} calls/s; about {} left; {}", (long) answered, format(Duration.ofSeconds((long) seconds)),
                    (long) rows(Outcome.CREATED), (long) rows(Outcome.FAILED), (long) rows(Outcome.UNCHANGED), pending,
                    "%.1f".formatted((calls - callsAtStart) / seconds), PaceStepListener.format(pace), left,
                    inFlight(recentCallsPerSecond, pace, pending));
        }
        catch (RuntimeException ex) {
            logger.warn("Progress unavailable: {}", ex.getMessage());
        }
    }

    /**
     * Calls under way and the service's latency since the last line; when the calls made fell well short of
     * the pace while rows were waiting, says that latency, not the limiter, held the pace back.
     */
    String inFlight(double recentCallsPerSecond, double pace, long pending) {
        CallLatency.Percentiles recent = this.latency.sinceLastLook();
        String line = "%d calls in flight (at most %s), service latency %s".formatted(this.inFlight.now(),
                (this.inFlight.cap() == Integer.MAX_VALUE) ? "unbounded" : String.valueOf(this.inFlight.cap()),
                describe(recent));
        boolean latencyBound = pending > 0 && recent.count() > 0
                && recentCallsPerSecond < PaceStepListener.LATENCY_BOUND * pace;
        if (latencyBound && this.readsFirst) {
            // With --skip-unchanged the writes wait for each row's reads, and UNCHANGED rows need none: more calls
            // in flight would not help, so do not send the user to --max-in-flight.
            return line + " - fewer calls than the pace: with --skip-unchanged each row is read first (--read-rate) "
                    + "and UNCHANGED rows need no call";
        }
        return latencyBound ? line + " - held back by latency, not by the pace: " + hint(pace, recent) : line;
    }

    /** With --skip-unchanged: rows are read before they are sent (see {@link #inFlight}). */
    public ProgressReporter withReadsFirst(boolean readsFirst) {
        this.readsFirst = readsFirst;
        return this;
    }

    /** Little's law: the pace times the slow answers' latency is how many calls must be under way. */
    private String hint(double pace, CallLatency.Percentiles recent) {
        long needed = Math.round(pace * recent.p95Ms() / 1000 * 1.25);
        if (this.inFlight.cap() == Integer.MAX_VALUE || needed <= this.inFlight.cap()) {
            return "the partitions' chunks could not keep enough calls under way";
        }
        return "this pace needs about " + needed + " calls under way (--max-in-flight, now " + this.inFlight.cap() + ")";
    }

    /** {@code p50 402 ms, p95 571 ms}, or {@code unknown} before the first answer. */
    static String describe(CallLatency.Percentiles latency) {
        if (latency.count() == 0) {
            return "unknown (no answer yet)";
        }
        return "p50 %d ms, p95 %d ms".formatted(Math.round(latency.p50Ms()), Math.round(latency.p95Ms()));
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
