package io.snapshotbatch.ledger;

/**
 * A run's rows by outcome, and the calls spent on them.
 * {@code inputRows == created + failed + rejected + duplicates + pending} by construction: every
 * staged row has exactly one outcome.
 */
public record OutcomeCounts(long created, long failed, long rejected, long duplicates, long pending, long apiCalls,
        long throttledCalls) {

    public long inputRows() {
        return this.created + this.failed + this.rejected + this.duplicates + this.pending;
    }

    /** Rows the report flags for an operator: anything finished but not created. */
    public boolean hasProblems() {
        return this.failed + this.rejected + this.duplicates > 0;
    }

}
