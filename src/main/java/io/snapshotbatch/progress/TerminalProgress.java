package io.snapshotbatch.progress;

import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live bar ({@code me.tongfei:progressbar}): rows done of total, rows per second, elapsed and time
 * left, and the call rate. It redraws its line with carriage returns whatever the output is, so it is
 * only ever created for a terminal ({@link ProgressMode#BAR}).
 */
final class TerminalProgress implements RowProgress {

    private final ProgressBar bar;

    TerminalProgress(String task, long total) {
        this.bar = ProgressBar.builder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" rows", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(500)
            // A consumer of a known width: without one, the library asks JLine for the terminal's width, and
            // JLine's system terminal sets SIGINT (Ctrl-C) back to the JVM's default, so Ctrl-C would
            // kill the run instead of the job's graceful stop (exit 4, report written).
            .setConsumer(new ConsoleProgressBarConsumer(System.err, width()))
            .build();
    }

    /** {@code COLUMNS} when the shell exports it, else 80 (the bar is made to fit in 80 columns). */
    private static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
            return Math.max(40, columns) - 1;
        }
        catch (NumberFormatException ex) {
            return 79;
        }
    }

    @Override
    public void update(long done, double callsPerSecond) {
        this.bar.stepTo(done);
        this.bar.setExtraMessage(" %.1f calls/s".formatted(callsPerSecond));
    }

    @Override
    public void close() {
        this.bar.close();
    }

}
