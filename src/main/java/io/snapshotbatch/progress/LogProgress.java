package io.snapshotbatch.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress line in the log every interval, for output that is not a terminal. */
final class LogProgress implements RowProgress {

    private static final Logger logger = LoggerFactory.getLogger(LogProgress.class);

    private final String task;

    private final String verb;

    private final long total;

    private final long startNanos = System.nanoTime();

    private final ScheduledExecutorService scheduler;

    private volatile long done;

    private volatile double callsPerSecond;

    LogProgress(String task, String verb, long total, Duration interval) {
        this.task = task;
        this.verb = verb;
        this.total = total;
        this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        this.scheduler.scheduleAtFixedRate(this::log, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void update(long done, double callsPerSecond) {
        this.done = done;
        this.callsPerSecond = callsPerSecond;
    }

    @Override
    public void close() {
        this.scheduler.shutdownNow();
    }

    private void log() {
        double seconds = Math.max(1e-3, (System.nanoTime() - this.startNanos) / 1e9);
        double rowsPerSecond = this.done / seconds;
        long left = Math.max(0, this.total - this.done);
        logger.info("Progress ({}): {} of {} rows {}; {} rows/s, {} calls/s; about {} left", this.task, this.done,
                this.total, this.verb, "%.1f".formatted(rowsPerSecond), "%.1f".formatted(this.callsPerSecond),
                (rowsPerSecond > 0) ? format(Duration.ofSeconds((long) (left / rowsPerSecond))) : "unknown");
    }

    static String format(Duration duration) {
        return "%dh%02dm%02ds".formatted(duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }

}
