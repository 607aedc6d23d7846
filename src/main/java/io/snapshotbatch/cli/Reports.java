package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.run.RunEnd;

/**
 * What a command that ran (or re-ran) a run prints at the end: one summary line and where the report
 * is — only a report that exists is named.
 */
final class Reports {

    private Reports() {
    }

    static void print(RunEnd end, Path reportDir, ReconciliationReport report) {
        System.out.println(end.message());
        Path directory = ReconciliationReport.directory(reportDir, end.run());
        Optional<Path> written = report.writtenTo(end.run());
        String rewrite = "report --run-date " + end.run().runDate() + generationOption(end) + " --report-dir " + reportDir
                + " writes it from the database";
        if (written.isPresent()) {
            System.out.println("Report: " + files(written.get()));
        }
        else if (end.alreadyCompleted() && Files.isRegularFile(directory.resolve("reconciliation.csv"))
                && Files.isRegularFile(directory.resolve("summary.csv"))) {
            // Nothing was sent now: the report is the one written when the run completed.
            System.out.println("Report (written when the run completed): " + files(directory.toAbsolutePath().normalize()));
        }
        else if (end.alreadyCompleted()) {
            System.out.println("No report of this run in " + directory + "; " + rewrite);
        }
        else {
            System.out.println("No report was written (see the error above); " + rewrite);
        }
        System.out.flush();
    }

    /** The report's files in {@code directory}; report.html only when it was drawn (a failure to draw it is logged). */
    private static String files(Path directory) {
        boolean html = Files.isRegularFile(directory.resolve("report.html"));
        return directory.resolve("reconciliation.csv") + (html ? ", summary.csv and report.html" : " and summary.csv");
    }

    private static String generationOption(RunEnd end) {
        return (end.run().generation() == 0) ? "" : " --generation " + end.run().generation();
    }

}
