package io.snapshotbatch.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per operation, like the service's per-operation "N per second" quotas. The bucket holds one
 * second's worth of calls (at least one), so a client that spreads N calls over a second is never throttled.
 */
final class RateLimiter {

    private final double ratePerSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double ratePerSecond) {
        this(ratePerSecond, System::nanoTime);
    }

    RateLimiter(double ratePerSecond, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.nanoClock = nanoClock;
    }

    /** Takes one call's token for the operation; false means "throttle this call". Always true when unlimited. */
    boolean tryAcquire(String operation) {
        if (ratePerSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(operation, op -> new Bucket(capacity, nanoClock.getAsLong())).take();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean take() {
            long now = nanoClock.getAsLong();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerSecond / 1e9);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
