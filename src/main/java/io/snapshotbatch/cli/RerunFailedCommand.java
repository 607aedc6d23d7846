package io.snapshotbatch.cli;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.FailedRowRequeue;
import io.snapshotbatch.run.RunEnd;
import io.snapshotbatch.run.RunGuard;
import io.snapshotbatch.run.RunLauncher;
import io.snapshotbatch.snapshot.PartnerCentralClientConfiguration;
import io.snapshotbatch.snapshot.RunStopSignal;
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
        DatabaseTarget db = this.database.target();
        Optional<RunGuard> guard = RunGuard.tryAcquire(db, this.runDate.runDate());
        if (guard.isEmpty()) {
            System.err.println("snapshot-batch: run " + this.runDate.runDate() + " is already running in another process");
            return ExitCodes.ALREADY_RUNNING;
        }
        try (RunGuard held = guard.get(); ConfigurableApplicationContext context = BatchContext.open(db, settings);
                GracefulStop stop = new GracefulStop(context.getBean(RunStopSignal.class))) {
            String credentialsProblem = context.getBean(PartnerCentralClientConfiguration.CredentialsCheck.class).problem();
            if (credentialsProblem != null) {
                throw new UsageException(credentialsProblem);
            }
            Optional<SnapshotRun> found = context.getBean(RunRepository.class).latest(this.runDate.runDate());
            if (found.isEmpty()) {
                System.err.println("snapshot-batch: no run for " + this.runDate.runDate() + " in " + db);
                return ExitCodes.USAGE;
            }
            FailedRowRequeue.Requeued requeued = context.getBean(FailedRowRequeue.class).requeue(found.get());
            System.out.printf("Re-sending %d FAILED rows of run %s: %d with their token (outcome unknown), %d with a new token%n",
                    requeued.total(), this.runDate.runDate(), requeued.sameToken(), requeued.newToken());
            RunEnd end = context.getBean(RunLauncher.class).resume(found.get());
            Reports.print(end, this.reportDir.path());
            stop.finish(end.exitCode());
            return end.exitCode();
        }
    }

}
