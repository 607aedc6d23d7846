package io.snapshotbatch.snapshot;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Set once when the run must stop taking new rows (SIGTERM, budget spent, quota exhausted, access
 * denied, service unreachable). Partitions then leave the remaining rows PENDING, in-flight calls are
 * recorded, the report is written and the job ends STOPPED: the same command resumes it.
 */
public final class RunStopSignal {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** The first reason wins; later ones are consequences. */
    public void stop(String why) {
        this.reason.compareAndSet(null, why);
    }

    public boolean isStopped() {
        return this.reason.get() != null;
    }

    /** Why the run stopped, or {@code null}. */
    public String reason() {
        return this.reason.get();
    }

}
