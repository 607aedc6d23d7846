package io.snapshotbatch.cli;

import java.nio.file.Path;

import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.run.RunEnd;

/** What a command that ran (or re-ran) a run prints at the end: one summary line and where the report is. */
final class Reports {

    private Reports() {
    }

    static void print(RunEnd end, Path reportDir) {
        System.out.println(end.message());
        Path directory = ReconciliationReport.directory(reportDir, end.run().runDate());
        System.out.println("Report: " + directory.resolve("reconciliation.csv") + ", summary.csv and report.html");
    }

}
