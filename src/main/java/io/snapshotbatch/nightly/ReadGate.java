package io.snapshotbatch.nightly;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucket;
import io.snapshotbatch.throttle.CallAbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every HTTP attempt of the read client passes here: it waits for a permit of its own Bucket4j bucket
 * ({@code --read-rate}, one permit per {@code 1/rate} seconds, no burst) and is counted as a read call. Reads
 * have their own quota at the service (10/s, 100,000 per 24 hours), so they never take a write permit, and
 * writes never wait behind reads. Counts are handed to the ledger with {@link #drain()}.
 */
public final class ReadGate implements ExecutionInterceptor {

    private static final Duration RECHECK = Duration.ofMillis(200);

    private final LocalBucket bucket;

    private final BooleanSupplier stopping;

    private final AtomicLong notYetRecorded = new AtomicLong();

    private final AtomicLong total = new AtomicLong();

    public ReadGate(double readsPerSecond, BooleanSupplier stopping) {
        if (!(readsPerSecond > 0) || Double.isInfinite(readsPerSecond)) {
            throw new IllegalArgumentException("read rate must be > 0: " + readsPerSecond);
        }
        long periodNanos = Math.max(1, Math.round(1e9 / readsPerSecond));
        this.bucket = Bucket.builder()
            .addLimit((limit) -> limit.capacity(1).refillGreedy(1, Duration.ofNanos(periodNanos)))
            .build();
        this.stopping = stopping;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        acquire();
        this.notYetRecorded.incrementAndGet();
        this.total.incrementAndGet();
    }

    /** Waits for a read permit; a stopping run ends the wait (the read is not sent). */
    void acquire() {
        try {
            while (!this.bucket.asBlocking().tryConsume(1, RECHECK)) {
                if (this.stopping.getAsBoolean()) {
                    throw new CallAbortedException("the run is stopping");
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CallAbortedException("interrupted while waiting for a read permit");
        }
    }

    /** Read calls sent since the last drain (for the ledger's running total). */
    public long drain() {
        return this.notYetRecorded.getAndSet(0);
    }

    /** Read calls sent by this launch. */
    public long total() {
        return this.total.get();
    }

}
