package io.snapshotbatch.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One run: a run date and a generation (0, then +1 for each {@code --force-new-run}). {@code jobLaunch}
 * numbers the Spring Batch job instances of the run: a new one is needed only to send rows again after
 * the previous instance completed ({@code rerun-failed}). {@code inputEncoding} is the encoding a CSV input
 * was read in, {@code null} for other sources or before staging.
 */
public record SnapshotRun(long runId, LocalDate runDate, int generation, String source, RunStatus status,
        boolean staged, int jobLaunch, Integer inputRows, String stopReason, Instant startedAt, Instant finishedAt,
        String inputEncoding) {

    public boolean completed() {
        return this.status == RunStatus.COMPLETED;
    }

}
