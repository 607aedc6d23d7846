package io.snapshotbatch.metrics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.run.ExitCodes;

/**
 * The run's gauges under the contract's names ({@code snapshot_batch_*} once Prometheus has named them).
 * Gauges, not counters: each launch is a new process, so a counter would restart at zero, while the
 * ledger knows the run's totals across launches. The exit code and the last success appear only when
 * the command ends; the last success only when it finished (exit 0 or 3), so an alert on its age fires
 * after nights that stopped or failed.
 */
public class RunMetrics {

    /** Micrometer's name of the pace gauge the pacing controller keeps (calls per second), when there is one. */
    public static final String PACE_GAUGE = "snapshot.pace";

    private final MeterRegistry registry;

    private final Map<Outcome, AtomicLong> rows = new EnumMap<>(Outcome.class);

    private final AtomicLong apiCalls = new AtomicLong();

    private final AtomicLong throttledCalls = new AtomicLong();

    private final AtomicLong readCalls = new AtomicLong();

    private final AtomicLong exitCode = new AtomicLong();

    private final AtomicLong lastSuccessSeconds = new AtomicLong();

    public RunMetrics(MeterRegistry registry, double rateCeiling) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            AtomicLong count = new AtomicLong();
            this.rows.put(outcome, count);
            Gauge.builder("snapshot.batch.rows", count, AtomicLong::get)
                .description("The run's rows by outcome (the ledger's counts across all launches of the run)")
                .tag("outcome", outcome.name())
                .strongReference(true)
                .register(registry);
        }
        gauge("snapshot.batch.api.calls", this.apiCalls, "CreateResourceSnapshot HTTP calls the run has spent");
        gauge("snapshot.batch.throttled.calls", this.throttledCalls, "Calls the service answered with throttling");
        gauge("snapshot.batch.read.calls", this.readCalls, "Read calls the run has spent");
        DoubleSupplier pace = () -> pace(rateCeiling);
        Gauge.builder("snapshot.batch.rate.calls.per.second", pace, DoubleSupplier::getAsDouble)
            .description("The pace the job sends at (calls per second): the pacing controller's, or the --rate ceiling")
            .strongReference(true)
            .register(registry);
    }

    /** Updates the gauges from the ledger's counts. */
    public void update(Map<Outcome, Long> rowsByOutcome, long apiCalls, long throttledCalls, long readCalls) {
        this.rows.forEach((outcome, count) -> count.set(rowsByOutcome.getOrDefault(outcome, 0L)));
        this.apiCalls.set(apiCalls);
        this.throttledCalls.set(throttledCalls);
        this.readCalls.set(readCalls);
    }

    /** The command ended with {@code code}: from now on the exit code (and, on success, its time) is pushed too. */
    public void ended(int code, Instant now) {
        this.exitCode.set(code);
        gauge("snapshot.batch.exit.code", this.exitCode, "Exit code of the command's last launch");
        if (code == ExitCodes.OK || code == ExitCodes.FINISHED_WITH_PROBLEMS) {
            this.lastSuccessSeconds.set(now.getEpochSecond());
            gauge("snapshot.batch.last.success.timestamp.seconds", this.lastSuccessSeconds,
                    "When the command last finished (exit 0 or 3), in seconds since the epoch");
        }
    }

    private double pace(double rateCeiling) {
        Gauge pace = this.registry.find(PACE_GAUGE).gauge();
        return (pace != null && !Double.isNaN(pace.value())) ? pace.value() : rateCeiling;
    }

    private void gauge(String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).strongReference(true).register(this.registry);
    }

}
