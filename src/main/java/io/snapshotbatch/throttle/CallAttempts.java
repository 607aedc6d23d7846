package io.snapshotbatch.throttle;

import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * Counts the HTTP attempts of one API call, SDK retries included, so the ledger's {@code attempts}
 * tells how many calls a row really cost. Attached to a request as an execution attribute.
 */
public final class CallAttempts {

    public static final ExecutionAttribute<CallAttempts> ATTRIBUTE = new ExecutionAttribute<>("snapshot-batch.attempts");

    private final AtomicInteger sent = new AtomicInteger();

    private final AtomicInteger throttled = new AtomicInteger();

    void countSent() {
        this.sent.incrementAndGet();
    }

    void countThrottled() {
        this.throttled.incrementAndGet();
    }

    /** Attempts that went out on the wire. */
    public int sent() {
        return this.sent.get();
    }

    /** Attempts the service answered with throttling. */
    public int throttled() {
        return this.throttled.get();
    }

}
