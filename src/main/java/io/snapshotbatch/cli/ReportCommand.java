package io.snapshotbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code report}: rewrite the report of a run from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rewrite the report of a run from the database.")
public class ReportCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = BatchContext.open(this.database.target(), Map.of())) {
            SnapshotRun run = Runs.latest(context.getBean(RunRepository.class), this.runDate.runDate());
            System.out.println("Report of run " + run.runDate() + " (" + run.status() + ") written to "
                    + context.getBean(ReconciliationReport.class).write(run, run.status(), this.reportDir.path()));
            return ExitCodes.OK;
        }
    }

}
