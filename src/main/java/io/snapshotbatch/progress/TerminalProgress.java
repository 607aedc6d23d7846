package io.snapshotbatch.progress;

import java.time.temporal.ChronoUnit;

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
            .build();
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
