package io.snapshotbatch.ledger;

/**
 * A run's rows by outcome, and the calls spent on them.
 * {@code inputRows == created + failed + rejected + duplicates + pending + unchanged} by construction: every
 * staged row has exactly one outcome. {@code readCalls} are the run's read calls (--skip-unchanged,
 * --from-service), counted per run.
 */
public record OutcomeCounts(long created, long failed, long rejected, long duplicates, long pending, long apiCalls,
        long throttledCalls, long unchanged, long readCalls) {

    /** Counts of a run without UNCHANGED rows or read calls. */
    public OutcomeCounts(long created, long failed, long rejected, long duplicates, long pending, long apiCalls,
            long throttledCalls) {
        this(created, failed, rejected, duplicates, pending, apiCalls, throttledCalls, 0, 0);
    }

    public long inputRows() {
        return this.created + this.failed + this.rejected + this.duplicates + this.pending + this.unchanged;
    }

    /** Rows the report flags for an operator: anything finished but neither created nor unchanged. */
    public boolean hasProblems() {
        return this.failed + this.rejected + this.duplicates > 0;
    }

}
