package io.snapshotbatch.progress;

import java.time.Duration;

/** Where a command reports how many of its rows are done. */
public interface RowProgress extends AutoCloseable {

    /**
     * @param done rows done so far
     * @param callsPerSecond the call rate since the start, shown next to the rows' own pace
     */
    void update(long done, double callsPerSecond);

    @Override
    void close();

    /**
     * @param task what the rows are for, e.g. {@code verify 2026-12-01}
     * @param verb what happens to a row, e.g. {@code verified}, for the log line
     */
    static RowProgress open(ProgressMode mode, String task, String verb, long total, Duration logInterval) {
        return switch (mode) {
            case BAR -> new TerminalProgress(task, total);
            case LOG -> new LogProgress(task, verb, total, logInterval);
            case OFF -> new RowProgress() {

                @Override
                public void update(long done, double callsPerSecond) {
                }

                @Override
                public void close() {
                }

            };
        };
    }

}
