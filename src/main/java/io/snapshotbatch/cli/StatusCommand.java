package io.snapshotbatch.cli;

import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.RunGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: print a run's state and its counts by outcome, and the database it looked in. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Print a run's state and its counts by outcome.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DatabaseTarget target = this.database.target();
        try (LedgerContext context = BatchContext.openForReading(target, java.util.Map.of())) {
            SnapshotRun run = Runs.latest(context.bean(RunRepository.class), this.runDate.runDate(), target);
            OutcomeCounts counts = context.bean(LedgerRepository.class).counts(run.runId());
            System.out.printf("database     %s%n", target.describe());
            System.out.printf("run_date     %s (generation %d)%n", run.runDate(), run.generation());
            System.out.printf("status       %s%n", status(run, target));
            System.out.printf("source       %s%n", run.source());
            System.out.printf("started_at   %s%n", run.startedAt());
            System.out.printf("finished_at  %s%n", (run.finishedAt() != null) ? run.finishedAt() : "");
            System.out.printf("input_rows   %d%n", counts.inputRows());
            System.out.printf("created      %d%n", counts.created());
            System.out.printf("failed       %d%n", counts.failed());
            System.out.printf("rejected     %d%n", counts.rejected());
            System.out.printf("duplicates   %d%n", counts.duplicates());
            System.out.printf("pending      %d%n", counts.pending());
            System.out.printf("unchanged    %d%n", counts.unchanged());
            System.out.printf("api_calls    %d (throttled %d)%n", counts.apiCalls(), counts.throttledCalls());
            return ExitCodes.OK;
        }
    }

    /**
     * The ledger says RUNNING from a run's start until it records its end; a process killed in between never
     * records it. Whether a live process still holds the run date's guard tells the two apart.
     */
    private static String status(SnapshotRun run, DatabaseTarget database) {
        String line = run.status() + ((run.stopReason() != null) ? " - " + run.stopReason() : "");
        if (run.status() != RunStatus.RUNNING) {
            return line;
        }
        boolean held;
        try {
            held = RunGuard.isHeld(database, run.runDate());
        }
        catch (IllegalStateException ex) {
            return line + " (could not check whether a process runs it: " + database.redact(ex.getMessage()) + ")";
        }
        if (held) {
            return "RUNNING - a process is running it now";
        }
        return "INTERRUPTED - no process holds this run: the one that ran it ended without recording its end "
                + "(killed, or lost its database); launching the same command again recovers and continues it";
    }

}
