package io.snapshotbatch.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per operation, like the service's per-operation "N per second" quotas. The bucket holds one
 * second's worth of calls (at least one), so a client that spreads N calls over a second is never throttled.
 * The rate can move while the emulator runs ({@link #setRate}, a {@link RateSchedule} or
 * {@code POST /_emulator/rate}): a lower rate also shrinks what the buckets hold, as a real quota change would.
 */
final class RateLimiter {

    private volatile double ratePerSecond;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    RateLimiter(double ratePerSecond, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.nanoClock = nanoClock;
    }

    /** Calls per second per operation from now on; 0 = unlimited. */
    void setRate(double ratePerSecond) {
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be >= 0: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    double rate() {
        return ratePerSecond;
    }

    /** Takes one call's token for the operation; false means "throttle this call". Always true when unlimited. */
    boolean tryAcquire(String operation) {
        double rate = ratePerSecond;
        if (rate <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(operation, op -> new Bucket(Math.max(1, rate), nanoClock.getAsLong())).take(rate);
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take(double rate) {
            long now = nanoClock.getAsLong();
            double capacity = Math.max(1, rate);
            tokens = Math.min(capacity, tokens + (now - refilledAt) * rate / 1e9);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
