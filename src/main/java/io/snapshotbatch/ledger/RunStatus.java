package io.snapshotbatch.ledger;

/** The state of a run as operators see it in {@code status} and {@code summary.csv}. */
public enum RunStatus {

    /** Created; input not staged yet, or a process is working on it. */
    RUNNING,
    /** Stopped before finishing (signal, budget, quota, access denied, database outage): the same command resumes it. */
    STOPPED,
    /** Died on an unexpected error: the same command resumes it. */
    FAILED,
    /** Every row has a final outcome. */
    COMPLETED

}
