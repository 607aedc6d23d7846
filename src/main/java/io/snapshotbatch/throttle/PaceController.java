package io.snapshotbatch.throttle;

import java.util.function.LongSupplier;

/**
 * The run's one pace: how many calls per second the partitions may send, learned from the service's
 * answers. It decides; {@link Pacer} enforces. It knows nothing of threads or partitions, only of
 * calls sent, accepted and throttled, on the clock it is given (a fake one in tests).
 *
 * <ul>
 * <li>Never above the ceiling ({@code --rate}), never below the floor.</li>
 * <li>A throttled call lowers the pace to 0.7 of the <em>throttling point</em>, at most once per
 * cooldown: calls sent before the decrease took effect, or within the cooldown after it, are the same
 * signal (four partitions throttled at one moment are one signal, not four). The throttling point is
 * the pace at that moment, or the rate the service actually accepted lately if that is lower — when the
 * job sends above the quota, the service accepts about its quota, which is the best estimate there is.</li>
 * <li>After the cooldown it climbs back fast (doubling per second) to just below the throttling point
 * (0.95 of it), holds there, then probes above it: +3 %, then +6 %, +12 %... each probe held briefly.
 * A quota that moved up is found in seconds; one that did not costs a throttled call or two per
 * probe.</li>
 * <li>Every call refused for {@code quotaSpentAfter} at the floor means the quota is spent.</li>
 * </ul>
 */
public final class PaceController {

    private static final double DECREASE = 0.7;

    private static final double JUST_BELOW = 0.95;

    private static final double CLIMB_PER_SECOND = 2.0;

    private static final double FIRST_PROBE = 0.03;

    /** A probe lasts until this many calls were accepted at it, so a slow pace is judged on evidence. */
    private static final int EVIDENCE_CALLS = 3;

    /** The pace just below the throttling point is held for this many calls at least (or {@code hold}). */
    private static final int HOLD_CALLS = 16;

    private static final long SECOND = 1_000_000_000L;

    private final PaceSettings settings;

    private final LongSupplier nanoClock;

    private final SlidingCount accepted = new SlidingCount();

    private double rate;

    private double target;

    private double throttlePoint = Double.NaN;

    private double sustained = Double.NaN;

    private boolean decreasedSinceSustained;

    private long startedAt;

    private boolean decreased;

    private long lastDecrease;

    private long lastChange;

    private long lastAdvance;

    private int probes;

    private long acceptedSinceChange;

    private long lastSuccess;

    private long floorSince = -1;

    private long refusedAtFloor;

    private long throttledCalls;

    private long decreases;

    public PaceController(PaceSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        startFrom(null);
    }

    /** Starts a launch from the pace an earlier one learned (null: from the ceiling), never above the ceiling. */
    public synchronized void startFrom(Double learned) {
        long now = this.nanoClock.getAsLong();
        double start = (learned == null || !(learned > 0)) ? this.settings.ceiling() : learned;
        this.rate = clamp(start);
        this.target = this.rate;
        this.startedAt = now;
        this.lastChange = now;
        this.lastAdvance = now;
        this.lastSuccess = now;
        this.decreased = false;
        this.probes = 0;
        this.acceptedSinceChange = 0;
        this.floorSince = -1;
        this.refusedAtFloor = 0;
    }

    /** The pace now, in calls per second. */
    public synchronized double rate() {
        advance(this.nanoClock.getAsLong());
        return this.rate;
    }

    /** A call was accepted by the service. */
    public synchronized void onAccepted() {
        long now = this.nanoClock.getAsLong();
        advance(now);
        this.accepted.add(now);
        this.lastSuccess = now;
        this.acceptedSinceChange++;
        this.refusedAtFloor = 0;
    }

    /**
     * A call sent at {@code sentAt} (this controller's clock) was throttled.
     * @return whether this lowered the pace (a new signal, not an echo of the last one)
     */
    public synchronized boolean onThrottled(long sentAt) {
        long now = this.nanoClock.getAsLong();
        advance(now);
        this.throttledCalls++;
        if (this.rate <= this.settings.floor()) {
            this.refusedAtFloor++;
        }
        if (this.decreased && sentAt < this.lastDecrease + this.settings.cooldown().toNanos()) {
            return false;
        }
        double acceptedRate = acceptedRate(now);
        this.throttlePoint = Double.isNaN(acceptedRate) ? this.rate : Math.min(this.rate, acceptedRate);
        this.rate = clamp(DECREASE * this.throttlePoint);
        this.target = Math.max(this.rate, clamp(JUST_BELOW * this.throttlePoint));
        this.decreased = true;
        this.decreasedSinceSustained = true;
        this.lastDecrease = now;
        this.lastChange = now;
        this.lastAdvance = now;
        this.probes = 0;
        this.acceptedSinceChange = 0;
        this.decreases++;
        trackFloor(now);
        return true;
    }

    /** Whether the service has refused every call for {@code quotaSpentAfter} while the pace was at its floor. */
    public synchronized boolean quotaLooksSpent() {
        long now = this.nanoClock.getAsLong();
        advance(now);
        return this.floorSince >= 0 && this.refusedAtFloor >= 2
                && now - Math.max(this.floorSince, this.lastSuccess) >= this.settings.quotaSpentAfter().toNanos();
    }

    /**
     * The pace to start the next launch from: the last pace held without throttling, or, when the service
     * throttled since, the pace just below that throttling point. A quota spent at the floor says nothing
     * about the service's rate, so it does not replace what was learned before.
     */
    public synchronized double learnedPace() {
        advance(this.nanoClock.getAsLong());
        if (Double.isNaN(this.sustained)) {
            return this.target;
        }
        if (this.decreasedSinceSustained && this.target > this.settings.floor()) {
            return this.target;
        }
        return this.sustained;
    }

    /** The last throttling point, or NaN when the service has not throttled this launch. */
    public synchronized double throttlePoint() {
        return this.throttlePoint;
    }

    /** How many times throttling lowered the pace. */
    public synchronized long decreases() {
        return this.decreases;
    }

    public synchronized long throttledCalls() {
        return this.throttledCalls;
    }

    public PaceSettings settings() {
        return this.settings;
    }

    private void advance(long now) {
        long elapsed = now - this.lastAdvance;
        this.lastAdvance = now;
        if (this.decreased && now - this.lastDecrease < this.settings.cooldown().toNanos()) {
            return;
        }
        if (this.rate < this.target) {
            this.rate = Math.min(this.target, this.rate * Math.pow(CLIMB_PER_SECOND, elapsed / (double) SECOND));
            if (this.rate >= this.target) {
                this.lastChange = now;
                this.acceptedSinceChange = 0;
            }
            trackFloor(now);
            return;
        }
        long needed = (this.probes == 0)
                ? Math.max(this.settings.hold().toNanos(), (long) (HOLD_CALLS * SECOND / this.rate))
                : Math.max(this.settings.probeStep().toNanos(), (long) (EVIDENCE_CALLS * SECOND / this.rate));
        if (now - this.lastChange < needed || this.acceptedSinceChange < EVIDENCE_CALLS) {
            return;
        }
        this.sustained = this.rate;
        this.decreasedSinceSustained = false;
        this.lastChange = now;
        this.acceptedSinceChange = 0;
        if (this.rate < this.settings.ceiling()) {
            this.rate = clamp(this.rate * (1 + FIRST_PROBE * Math.pow(2, this.probes)));
            this.target = this.rate;
            this.probes = Math.min(this.probes + 1, 10);
        }
        trackFloor(now);
    }

    /** Accepted calls per second lately: over the last 2 s (or 4 calls' time), since the last decrease if long enough. */
    private double acceptedRate(long now) {
        long perCall = (long) (SECOND / this.rate);
        long window = Math.min(SlidingCount.spanNanos(), Math.max(2 * SECOND, 4 * perCall));
        long from = Math.max(now - window, this.startedAt);
        if (this.decreased && this.lastDecrease > from && now - this.lastDecrease >= Math.max(SECOND, 2 * perCall)) {
            from = this.lastDecrease;
        }
        if (now - from < SECOND / 2) {
            return Double.NaN;
        }
        return this.accepted.between(from, now) * (double) SECOND / (now - from);
    }

    private void trackFloor(long now) {
        if (this.rate > this.settings.floor()) {
            this.floorSince = -1;
            this.refusedAtFloor = 0;
        }
        else if (this.floorSince < 0) {
            this.floorSince = now;
        }
    }

    private double clamp(double pace) {
        return Math.max(this.settings.floor(), Math.min(this.settings.ceiling(), pace));
    }

}
