package io.snapshotbatch.throttle;

import java.time.Duration;

/**
 * How the {@link PaceController} reacts. Only {@code ceiling} comes from the user ({@code --rate}); the
 * rest are tuned against the emulator (docs/benchmarks.md) and may be overridden for tests.
 *
 * @param ceiling the most calls per second ({@code --rate}): the pace never goes above it
 * @param floor the lowest pace; a service that refuses every call for {@code quotaSpentAfter} at this
 * pace has spent its daily quota
 * @param cooldown after a decrease, throttles of calls sent within this window are the same signal
 * @param hold how long a pace just below the last throttling point is held before probing above it
 * @param probeStep how long each probe above the held pace lasts before the next, larger one
 * @param quotaSpentAfter how long every call may be refused at the floor before the run stops
 */
public record PaceSettings(double ceiling, double floor, Duration cooldown, Duration hold, Duration probeStep,
        Duration quotaSpentAfter) {

    /** The floor unless set: one call every 10 s, or the ceiling when that is lower. */
    public static final double DEFAULT_FLOOR = 0.1;

    public PaceSettings {
        if (!(ceiling > 0) || Double.isInfinite(ceiling)) {
            throw new IllegalArgumentException("--rate must be greater than 0, got " + ceiling);
        }
        floor = Math.min(ceiling, (floor > 0) ? floor : DEFAULT_FLOOR);
    }

    public static PaceSettings of(double ceiling) {
        return new PaceSettings(ceiling, DEFAULT_FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public PaceSettings withFloor(double floor) {
        return new PaceSettings(this.ceiling, floor, this.cooldown, this.hold, this.probeStep, this.quotaSpentAfter);
    }

    public PaceSettings withQuotaSpentAfter(Duration quotaSpentAfter) {
        return new PaceSettings(this.ceiling, this.floor, this.cooldown, this.hold, this.probeStep, quotaSpentAfter);
    }

}
