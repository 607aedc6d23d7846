package io.snapshotbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.snapshot.SnapshotVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify}: check a run's CREATED rows against the service (read calls) and record the result. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Check a run's CREATED rows against the service (GetResourceSnapshot) and record the result.",
                "Exit 0 when every snapshot is there with its recorded ARN, 3 otherwise." })
public class VerifyCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    SendOptions send;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DatabaseTarget target = this.database.target();
        Map<String, Object> settings = this.send.springProperties();
        try (LedgerContext context = BatchContext.openHosting(target, "verify " + this.runDate.runDate(), settings)) {
            SnapshotRun run = Runs.latest(context.bean(RunRepository.class), this.runDate.runDate(), target);
            SnapshotVerifier.Verified result = context.bean(SnapshotVerifier.class).verify(run);
            System.out.printf("Verified run %s: %d snapshots found as recorded, %d not (see verify_status in the ledger)%n",
                    run.runDate(), result.verified(), result.problems());
            return (result.problems() == 0) ? ExitCodes.OK : ExitCodes.FINISHED_WITH_PROBLEMS;
        }
    }

}
