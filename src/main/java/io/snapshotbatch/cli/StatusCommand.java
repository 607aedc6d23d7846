package io.snapshotbatch.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: print a run's state and its counts by outcome. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Print a run's state and its counts by outcome.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = BatchContext.open(this.database.target(), java.util.Map.of())) {
            SnapshotRun run = Runs.latest(context.getBean(RunRepository.class), this.runDate.runDate());
            OutcomeCounts counts = context.getBean(LedgerRepository.class).counts(run.runId());
            System.out.printf("run_date     %s (generation %d)%n", run.runDate(), run.generation());
            System.out.printf("status       %s%s%n", run.status(), (run.stopReason() != null) ? " - " + run.stopReason() : "");
            System.out.printf("source       %s%n", run.source());
            System.out.printf("started_at   %s%n", run.startedAt());
            System.out.printf("finished_at  %s%n", (run.finishedAt() != null) ? run.finishedAt() : "");
            System.out.printf("input_rows   %d%n", counts.inputRows());
            System.out.printf("created      %d%n", counts.created());
            System.out.printf("failed       %d%n", counts.failed());
            System.out.printf("rejected     %d%n", counts.rejected());
            System.out.printf("duplicates   %d%n", counts.duplicates());
            System.out.printf("pending      %d%n", counts.pending());
            System.out.printf("api_calls    %d (throttled %d)%n", counts.apiCalls(), counts.throttledCalls());
            return ExitCodes.OK;
        }
    }

}
