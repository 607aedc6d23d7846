package io.snapshotbatch.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
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
    SendOptions send;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = this.send.springProperties();
        settings.putAll(this.reportDir.springProperties());
        Optional<GuardedLaunch> launch = GuardedLaunch.open(this.database.target(), this.runDate.runDate(), settings);
        if (launch.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (GuardedLaunch held = launch.get()) {
            SnapshotRun run = Runs.latest(held.bean(RunRepository.class), this.runDate.runDate());
            FailedRowRequeue.Requeued requeued = held.bean(FailedRowRequeue.class).requeue(run);
            System.out.printf("Re-sending %d FAILED rows of run %s: %d with their token (outcome unknown), %d with a new token%n",
                    requeued.total(), run.runDate(), requeued.sameToken(), requeued.newToken());
            return held.finish(held.bean(RunLauncher.class).resume(run), this.reportDir.path());
        }
    }

}
