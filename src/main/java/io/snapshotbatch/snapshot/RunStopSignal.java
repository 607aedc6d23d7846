package io.snapshotbatch.snapshot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Set once when the run must stop taking new rows (SIGTERM, budget spent, quota exhausted, access
 * denied, service unreachable). Partitions then leave the remaining rows PENDING, in-flight calls are
 * recorded, the report is written and the job ends STOPPED: the same command resumes it.
 */
public final class RunStopSignal {

    private final AtomicReference<String> reason = new AtomicReference<>();

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The first reason wins; later ones are consequences. Wakes whoever waits (e.g. for a rate permit). */
    public void stop(String why) {
        if (this.reason.compareAndSet(null, why)) {
            this.listeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} when the run starts stopping (at once if it already is). */
    public void onStop(Runnable listener) {
        this.listeners.add(listener);
        if (isStopped()) {
            listener.run();
        }
    }

    public boolean isStopped() {
        return this.reason.get() != null;
    }

    /** Why the run stopped, or {@code null}. */
    public String reason() {
        return this.reason.get();
    }

}
