package io.snapshotbatch.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.FailedRowRequeue;
import io.snapshotbatch.run.RunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rerun-failed}: re-send the rows of a run whose outcome is FAILED, then rewrite its report. */
@Command(name = "rerun-failed", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Re-send the rows of a run whose outcome is FAILED, then rewrite its report.",
                "Rows whose earlier outcome is unknown keep their token; rows the service refused get a new one." })
public class RerunFailedCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    RunDateWindowOption runDateWindow;

    @Mixin
    SendOptions send;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        this.runDateWindow.check(this.runDate.runDate());
        Preflight.reportDirWritable(this.reportDir.path(), this.runDate.runDate());
        Map<String, Object> settings = this.send.springProperties();
        settings.putAll(this.reportDir.springProperties());
        DatabaseTarget database = this.database.target();
        BatchContext.requireExisting(database);
        Optional<GuardedLaunch> launch = GuardedLaunch.open(database, this.runDate.runDate(), settings);
        if (launch.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (GuardedLaunch held = launch.get()) {
            SnapshotRun run = Runs.latest(held.bean(RunRepository.class), this.runDate.runDate(), database);
            long pending = held.bean(LedgerRepository.class).counts(run.runId()).pending();
            FailedRowRequeue.Requeued requeued = held.bean(FailedRowRequeue.class).requeue(run);
            System.out.println(describe(run, requeued, pending));
            return held.finish(held.bean(RunLauncher.class).resume(run), this.reportDir.path());
        }
    }

    /** Says what is sent: the FAILED rows, and the PENDING rows a stopped run left, which go with them. */
    static String describe(SnapshotRun run, FailedRowRequeue.Requeued requeued, long pending) {
        String failed = "%d FAILED rows (%d with their token: outcome unknown; %d with a new token)"
            .formatted(requeued.total(), requeued.sameToken(), requeued.newToken());
        String stillPending = pending + " PENDING rows not sent yet";
        if (requeued.total() == 0 && pending == 0) {
            return "Run " + run.runDate() + " has no FAILED or PENDING rows: nothing to send; its report is rewritten";
        }
        if (requeued.total() == 0) {
            return "Run " + run.runDate() + " has no FAILED rows; sending its " + stillPending;
        }
        return "Re-sending " + failed + " of run " + run.runDate() + ((pending > 0) ? ", and its " + stillPending : "");
    }

}
