package io.snapshotbatch.snapshot;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many rows have their CreateResourceSnapshot call under way right now (waiting for a permit, on the
 * wire, or in an SDK retry), out of the cap ({@link SnapshotSettings#inFlightCap()}). Read by the progress
 * line; the cap itself is enforced by the call threads' pool.
 */
public final class CallsInFlight {

    private final int cap;

    private final AtomicInteger now = new AtomicInteger();

    public CallsInFlight(int cap) {
        this.cap = cap;
    }

    public static CallsInFlight unbounded() {
        return new CallsInFlight(Integer.MAX_VALUE);
    }

    public int cap() {
        return this.cap;
    }

    public int now() {
        return this.now.get();
    }

    void started() {
        this.now.incrementAndGet();
    }

    void ended() {
        this.now.decrementAndGet();
    }

}
