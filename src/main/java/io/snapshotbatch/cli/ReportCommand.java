package io.snapshotbatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: rewrite the report of a run from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rewrite the report of a run from the database.")
public class ReportCommand implements Callable<Integer> {

    @Mixin
    RunDateOption runDate;

    @Option(names = "--generation", paramLabel = "N",
            description = "The generation of the run date (0, then one per --force-new-run; default: the newest); "
                    + "generation N > 0 goes to DIR/<run-date>/generation-N/")
    Integer generation;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        Preflight.reportDirWritable(this.reportDir.path(), this.runDate.runDate());
        DatabaseTarget target = this.database.target();
        try (LedgerContext context = BatchContext.openForReading(target, Map.of())) {
            SnapshotRun run = Runs.generation(context.bean(RunRepository.class), this.runDate.runDate(), this.generation,
                    target);
            System.out.println("Report of run " + run.runDate() + " generation " + run.generation() + " (" + run.status()
                    + ") written to " + context.bean(ReconciliationReport.class).write(run, run.status(), this.reportDir.path()));
            return ExitCodes.OK;
        }
    }

}
