package io.snapshotbatch.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.nightly.ReadGate;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.metrics.MetricsPusher;
import io.snapshotbatch.progress.RowProgress;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.snapshot.SnapshotSettings;
import io.snapshotbatch.snapshot.SnapshotVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code verify}: check a run's CREATED rows against the service (read calls) and record the result. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Check a run's CREATED rows against the service (GetResourceSnapshot) and record the result.",
                "Exit 0 when every snapshot is there with its recorded ARN, 3 otherwise,",
                "4 when the service did not answer for some rows (their earlier result is kept)." })
public class VerifyCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    SendOptions send;

    @Mixin
    ReadRateOption readRate;

    @Mixin
    DatabaseOptions database;

    @Mixin
    MetricsPushOption metrics;

    @Mixin
    QuietOption quiet;

    @Spec
    CommandSpec spec;

    /** The write options verify shares with run: it only reads, at --read-rate, so they have no effect on it. */
    static final List<String> WRITE_OPTIONS = List.of("--rate", "--partitions", "--max-in-flight", "--daily-budget",
            "--quota-24h");

    @Override
    public Integer call() {
        // Before --read-rate, verify read at --rate: a script that still says --rate must hear it is not obeyed.
        List<String> ignored = WRITE_OPTIONS.stream()
            .filter((option) -> this.spec.commandLine().getParseResult().hasMatchedOption(option))
            .toList();
        if (!ignored.isEmpty()) {
            this.spec.commandLine().getErr().printf("snapshot-batch: verify ignores %s: it only reads, one call at a "
                    + "time, paced by --read-rate (now %s/s)%n", String.join(", ", ignored), this.readRate.readRate);
            this.spec.commandLine().getErr().flush();
        }
        DatabaseTarget target = this.database.target();
        Map<String, Object> settings = this.send.springProperties();
        settings.putAll(this.metrics.springProperties());
        settings.putAll(this.readRate.springProperties());
        try (LedgerContext context = BatchContext.openHosting(target, "verify " + this.runDate.runDate(), settings)) {
            MetricsPusher pusher = context.bean(MetricsPusher.class);
            pusher.start(this.runDate.runDate());
            SnapshotRun run = Runs.latest(context.bean(RunRepository.class), this.runDate.runDate(), target);
            long created = context.bean(LedgerRepository.class).counts(run.runId()).created();
            SnapshotVerifier.Verified result;
            try (RowProgress progress = RowProgress.open(this.quiet.mode(), "Verify", "verified", created,
                    context.bean(SnapshotSettings.class).progressInterval())) {
                result = context.bean(SnapshotVerifier.class).verify(run, progress);
            }
            context.bean(RunRepository.class).addReadCalls(run.runId(), context.bean(ReadGate.class).drain());
            int code;
            if (!result.finished()) {
                // An unreachable service says nothing about the snapshots: stopped (exit 4), nothing overwritten.
                System.out.printf("Verify of run %s stopped: %s; %d rows could not be checked and keep their earlier "
                        + "verify_status (%d found as recorded, %d not); run the same command again%n", run.runDate(),
                        (result.stopReason() != null) ? result.stopReason() : "the service did not answer for some rows",
                        created - result.verified() - result.problems(), result.verified(), result.problems());
                code = ExitCodes.STOPPED;
            }
            else {
                System.out.printf("Verified run %s: %d snapshots found as recorded, %d not (see verify_status in the ledger)%n",
                        run.runDate(), result.verified(), result.problems());
                code = (result.problems() == 0) ? ExitCodes.OK : ExitCodes.FINISHED_WITH_PROBLEMS;
            }
            pusher.finish(code);
            return code;
        }
    }

}
