package io.snapshotbatch.ledger;

/** Where an input row stands. Only PENDING rows are ever sent. */
public enum Outcome {

    /** Staged and not yet answered by the service (or stopped before it was). */
    PENDING,
    /** The service created the snapshot; Arn and Revision are recorded. */
    CREATED,
    /** The service refused or could not be reached after retries; error code and message are recorded. */
    FAILED,
    /** Invalid input, never sent. */
    REJECTED,
    /** Repeats an earlier line of the same run, never sent. */
    DUPLICATE,
    /**
     * With {@code --skip-unchanged}: the opportunity has not changed since its latest snapshot, so none was
     * created; the existing snapshot's Arn and Revision are recorded, and the two timestamps compared. Terminal.
     */
    UNCHANGED

}
