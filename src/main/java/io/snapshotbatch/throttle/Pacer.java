package io.snapshotbatch.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.local.LocalBucket;

/**
 * Hands out call permits at the {@link PaceController}'s pace through a Bucket4j token bucket, whose
 * configuration is replaced whenever the pace changes. A waiting caller wakes up when the pace changes
 * and at once when the run is stopping ({@link #wakeAll()}): a SIGTERM never waits for a permit.
 * Whoever asks (a partition thread, or several calls of one) gets permits evenly spread.
 */
public final class Pacer {

    /** A waiting caller looks at the pace again at least this often (a climbing pace shortens the wait). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private static final double CATCH_UP_SECONDS = 0.2;

    private final PaceController controller;

    private final LongSupplier nanoClock;

    private final LocalBucket bucket;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private double configuredRate;

    public Pacer(PaceController controller, LongSupplier nanoClock) {
        this.controller = controller;
        this.nanoClock = nanoClock;
        this.configuredRate = controller.rate();
        this.bucket = Bucket.builder()
            .addLimit(configuration(this.configuredRate).getBandwidths()[0])
            .withCustomTimePrecision(new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanoClock.getAsLong();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            })
            .build();
    }

    /**
     * One permit per {@code 1/rate} seconds, so calls are spread evenly instead of sent in bursts. Above
     * 1,000 calls/s it grants {@code k} permits per {@code k/rate} seconds, so a refill period is never
     * shorter than 1 ms. The bucket holds 200 ms worth of permits (at least one): a partition that
     * stalls for a moment (a commit, a pause of the JVM) is caught up instead of losing its permits,
     * while the long-run rate never exceeds the pace.
     */
    static BucketConfiguration configuration(double callsPerSecond) {
        long permits = (long) Math.max(1, Math.ceil(callsPerSecond / 1000));
        long periodNanos = Math.max(1, (long) Math.ceil(permits * 1e9 / callsPerSecond));
        long capacity = Math.max(permits, (long) Math.floor(callsPerSecond * CATCH_UP_SECONDS));
        return BucketConfiguration.builder()
            .addLimit((limit) -> limit.capacity(capacity).refillGreedy(permits, Duration.ofNanos(periodNanos)))
            .build();
    }

    /**
     * Waits for a permit and returns when it was granted (this pacer's clock).
     * @param stopReason why the run is stopping, or null; checked before every wait
     * @throws CallAbortedException when the run is stopping (the call must not be sent)
     */
    public long acquire(Supplier<String> stopReason) {
        while (true) {
            abortIfStopping(stopReason);
            long wait = tryAcquire();
            if (wait == 0) {
                return this.nanoClock.getAsLong();
            }
            this.lock.lock();
            try {
                // Checked under the lock that wakeAll takes: a stop cannot slip in between and be missed.
                abortIfStopping(stopReason);
                this.changed.awaitNanos(Math.min(wait, RECHECK_NANOS));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new CallAbortedException("interrupted while waiting for a rate permit");
            }
            finally {
                this.lock.unlock();
            }
        }
    }

    /** Takes a permit if one is there (returns 0), or returns how many nanoseconds until one may be. */
    public long tryAcquire() {
        followPace();
        ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Wakes every waiting caller: the run is stopping, or the pace changed. */
    public void wakeAll() {
        this.lock.lock();
        try {
            this.changed.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** The pace the bucket currently grants. */
    public synchronized double configuredRate() {
        return this.configuredRate;
    }

    private void followPace() {
        double rate = this.controller.rate();
        synchronized (this) {
            if (rate != this.configuredRate) {
                this.bucket.replaceConfiguration(configuration(rate), TokensInheritanceStrategy.AS_IS);
                this.configuredRate = rate;
            }
        }
    }

    private static void abortIfStopping(Supplier<String> stopReason) {
        String reason = stopReason.get();
        if (reason != null) {
            throw new CallAbortedException(reason);
        }
    }

}
