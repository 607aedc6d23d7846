package io.snapshotbatch.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code --quota-24h}: the account's rolling 24-hour quota of CreateResourceSnapshot calls, counted over
 * every call the ledger's {@link CallLog} recorded in the last 24 hours, whatever run or command made
 * it, plus this launch's calls not yet written. Calls are counted per minute (a million-row night
 * is at most 1,440 rows of the log per launch), and a minute counts in full as long as any of it is
 * inside the window, so the quota is never exceeded. Without a limit the calls are still counted, for
 * a later launch that has one. This launch's counts are written every 10 seconds and at its end, from a
 * thread of their own (never inside a partition's transaction), so another launch sees them.
 */
public final class RollingQuota implements AutoCloseable {

    private static final long FLUSH_SECONDS = 10;

    static final Duration WINDOW = Duration.ofHours(24);

    private final long limit;

    private final CallLog log;

    private final Clock clock;

    private final String launchId = UUID.randomUUID().toString();

    /** This launch's calls per minute, and how many of them the log already has. */
    private final Map<Instant, Long> counted = new HashMap<>();

    private final Map<Instant, Long> written = new HashMap<>();

    private long allowance = Long.MAX_VALUE;

    private Consumer<String> stop = (reason) -> {
    };

    private ScheduledExecutorService flusher;

    public RollingQuota(long limit, CallLog log, Clock clock) {
        this.limit = limit;
        this.log = log;
        this.clock = clock;
    }

    public boolean isLimited() {
        return this.limit > 0;
    }

    /** Where to say that the quota is reached (the run's stop signal). */
    public synchronized void onReached(Consumer<String> stop) {
        this.stop = stop;
    }

    /** Before a launch sends anything: how much of the quota the last 24 hours left. */
    public synchronized void start() {
        this.log.forgetBefore(this.clock.instant().minus(WINDOW.multipliedBy(2)));
        if (this.flusher == null) {
            this.flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
                Thread thread = new Thread(task, "call-log");
                thread.setDaemon(true);
                return thread;
            });
            this.flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
        }
        if (isLimited()) {
            refresh();
            if (this.allowance <= 0) {
                this.stop.accept(reachedReason());
            }
        }
    }

    /** Counts one call about to be sent, or throws when the quota has none left. */
    synchronized void spend() {
        if (isLimited() && this.allowance <= 0) {
            // Calls older than the window may have fallen out since the last look.
            refresh();
            if (this.allowance <= 0) {
                String reason = reachedReason();
                this.stop.accept(reason);
                throw new CallAbortedException(reason);
            }
        }
        this.counted.merge(minute(this.clock.instant()), 1L, Long::sum);
        if (isLimited() && --this.allowance <= 0) {
            refresh();
            if (this.allowance <= 0) {
                // This was the last call the quota allows: stop now, not at the next row.
                this.stop.accept(reachedReason());
            }
        }
    }

    /** Writes this launch's new counts to the log (periodically and at the end of a launch). */
    public synchronized void flush() {
        for (Map.Entry<Instant, Long> minute : this.counted.entrySet()) {
            if (!minute.getValue().equals(this.written.get(minute.getKey()))) {
                this.log.record(this.launchId, minute.getKey(), minute.getValue());
                this.written.put(minute.getKey(), minute.getValue());
            }
        }
    }

    /** Stops the periodic writes and writes what is left. */
    @Override
    public void close() {
        synchronized (this) {
            if (this.flusher != null) {
                this.flusher.shutdownNow();
            }
        }
        try {
            flush();
        }
        catch (RuntimeException ex) {
            org.slf4j.LoggerFactory.getLogger(RollingQuota.class)
                .warn("Could not record this launch's last call counts for --quota-24h: {}", ex.getMessage());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        }
        catch (RuntimeException ex) {
            // The database may be away for a moment: the counts stay here and are written next time.
        }
    }

    private void refresh() {
        this.allowance = this.limit - used(window());
    }

    private SortedMap<Instant, Long> window() {
        SortedMap<Instant, Long> perMinute = new TreeMap<>(this.log.callsPerMinuteSince(windowStart()));
        for (Map.Entry<Instant, Long> minute : this.counted.entrySet()) {
            long pending = minute.getValue() - this.written.getOrDefault(minute.getKey(), 0L);
            if (pending > 0) {
                perMinute.merge(minute.getKey(), pending, Long::sum);
            }
        }
        return perMinute;
    }

    private static long used(SortedMap<Instant, Long> perMinute) {
        return perMinute.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first minute that still counts: any minute that overlaps the last 24 hours. */
    private Instant windowStart() {
        return minute(this.clock.instant().minus(WINDOW));
    }

    /** Says how many calls the window holds and when the oldest of them have left it. */
    private String reachedReason() {
        SortedMap<Instant, Long> perMinute = window();
        long used = used(perMinute);
        long mustLeave = used - this.limit + 1;
        Instant availableAt = this.clock.instant();
        long left = 0;
        for (Map.Entry<Instant, Long> minute : perMinute.entrySet()) {
            left += minute.getValue();
            if (left >= mustLeave) {
                availableAt = minute.getKey().plus(WINDOW).plus(Duration.ofMinutes(1));
                break;
            }
        }
        return "the rolling 24-hour quota (--quota-24h " + this.limit + ") is reached: " + used
                + " CreateResourceSnapshot calls in the last 24 hours; calls are available again from " + availableAt
                + ", when the same command continues the run";
    }

    static Instant minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    /** For tests: this launch's calls counted so far, written or not. */
    synchronized long countedThisLaunch() {
        return this.counted.values().stream().mapToLong(Long::longValue).sum();
    }

}
