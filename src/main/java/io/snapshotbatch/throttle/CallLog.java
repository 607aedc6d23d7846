package io.snapshotbatch.throttle;

import java.time.Instant;
import java.util.SortedMap;

/**
 * Where the CreateResourceSnapshot calls of every launch are counted per minute (the ledger's
 * {@code call_log}), so that {@code --quota-24h} sees the calls of every run and command.
 */
public interface CallLog {

    /** Calls per minute from {@code from} on, every launch together, oldest minute first. */
    SortedMap<Instant, Long> callsPerMinuteSince(Instant from);

    /** Sets this launch's count of calls in one minute. */
    void record(String launchId, Instant minute, long calls);

    /** Forgets minutes long out of any window. */
    void forgetBefore(Instant before);

}
