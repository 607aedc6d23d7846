package io.snapshotbatch.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Rolling-window budget of new snapshots ("daily quotas reset on a rolling 24 hour period", quotas page).
 * Only calls that create a revision spend it; once spent, every CreateResourceSnapshot is throttled, replays
 * included, until old spends fall out of the window. Spends are kept per second, so memory stays bounded
 * (at most one entry per second of the window) whatever the quota.
 */
final class DailyQuota {

    private final long limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<long[]> spentPerSecond = new ArrayDeque<>(); // {second, count}, oldest first
    private long spent;

    DailyQuota(long limit) {
        this(limit, Duration.ofHours(24), System::nanoTime);
    }

    DailyQuota(long limit, Duration window, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    boolean unlimited() {
        return limit <= 0;
    }

    synchronized boolean exhausted() {
        if (unlimited()) {
            return false;
        }
        evict(nanoClock.getAsLong());
        return spent >= limit;
    }

    /** Spends one unit if any is left. */
    synchronized boolean tryConsume() {
        if (unlimited()) {
            return true;
        }
        long now = nanoClock.getAsLong();
        evict(now);
        if (spent >= limit) {
            return false;
        }
        long second = Math.floorDiv(now, 1_000_000_000L);
        long[] last = spentPerSecond.peekLast();
        if (last != null && last[0] == second) {
            last[1]++;
        } else {
            spentPerSecond.addLast(new long[] {second, 1});
        }
        spent++;
        return true;
    }

    synchronized long spent() {
        evict(nanoClock.getAsLong());
        return spent;
    }

    private void evict(long now) {
        // A second's spends leave only once all of that second is older than the window: never early.
        long windowStart = now - windowNanos;
        while (!spentPerSecond.isEmpty() && (spentPerSecond.peekFirst()[0] + 1) * 1_000_000_000L <= windowStart) {
            spent -= spentPerSecond.pollFirst()[1];
        }
    }
}
