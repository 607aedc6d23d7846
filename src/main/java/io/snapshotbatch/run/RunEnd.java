package io.snapshotbatch.run;

import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * How a launch ended, and the exit code that tells the scheduler.
 *
 * @param run the run as the ledger has it now
 * @param counts its rows by outcome
 * @param alreadyCompleted the run date had completed before this launch: nothing was sent
 * @param message one line for the operator
 */
public record RunEnd(SnapshotRun run, OutcomeCounts counts, boolean alreadyCompleted, String message) {

    public int exitCode() {
        if (this.alreadyCompleted) {
            return ExitCodes.OK;
        }
        if (this.run.status() == RunStatus.COMPLETED) {
            return this.counts.hasProblems() ? ExitCodes.FINISHED_WITH_PROBLEMS : ExitCodes.OK;
        }
        if (this.run.status() == RunStatus.FAILED) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return ExitCodes.STOPPED;
    }

}
