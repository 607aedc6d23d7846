package io.snapshotbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

/**
 * A run far larger than every fetch size, page and batch, through the jar in a small heap (-Xmx128m):
 * stage, stop on --daily-budget, report, then the {@code report} and {@code status} commands. A command
 * that held the run's rows in memory (the PostgreSQL driver does, for a query outside a transaction
 * without a fetch size) dies with OutOfMemoryError here. The million-row case is a benchmark
 * (docs/benchmarks.md), not a test.
 */
class LargeRunIntegrationTests {

    private static final List<String> SMALL_HEAP = List.of("-Xmx128m");

    private static final int BUDGET = 300;

    @TempDir
    Path work;

    @Test
    void twoHundredThousandRowsOnPostgresqlStopAndAreReportedIn128Megabytes() throws Exception {
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            stageStopAndReport(db, "bigp", 200_000, RunDates.daysAgo(7));
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void fiftyThousandRowsOnH2StopAndAreReportedIn128Megabytes() throws Exception {
        stageStopAndReport(TestDatabases.h2(this.work.resolve("h2")), "bigh", 50_000, RunDates.daysAgo(8));
    }

    private void stageStopAndReport(DatabaseTarget db, String prefix, int rows, String runDate) throws Exception {
        // given
        Path input = InputFiles.validPairs(this.work, prefix, rows);
        Path reports = this.work.resolve("reports");
        try (EmulatorProcess emulator = EmulatorProcess.start(this.work)) {
            // when: the run stages every row, spends its budget and stops, writing its report
            JarProcess run = JarProcess.start(this.work, Map.of(), SMALL_HEAP, JarProcess.withDatabase(db, "run",
                    "--input", input.toString(), "--run-date", runDate, "--endpoint", emulator.endpoint(), "--rate", "200",
                    "--daily-budget", String.valueOf(BUDGET), "--report-dir", reports.toString(), "--quiet"));
            int runExit = run.waitFor(Duration.ofMinutes(4));

            // then
            assertThat(runExit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(emulator.stats().allCreates()).isEqualTo(BUDGET);
            assertReport(reports.resolve(runDate), rows, "STOPPED");
        }

        // when: the report is rewritten from the ledger by the report command, in the same small heap
        Files.delete(reports.resolve(runDate).resolve("reconciliation.csv"));
        JarProcess report = JarProcess.start(this.work, Map.of(), SMALL_HEAP,
                JarProcess.withDatabase(db, "report", "--run-date", runDate, "--report-dir", reports.toString()));
        int reportExit = report.waitFor(Duration.ofMinutes(3));

        // then
        assertThat(reportExit).as(report.output()).isEqualTo(ExitCodes.OK);
        assertReport(reports.resolve(runDate), rows, "STOPPED");

        // when: status counts the run
        JarProcess status = JarProcess.start(this.work, Map.of(), SMALL_HEAP,
                JarProcess.withDatabase(db, "status", "--run-date", runDate));
        int statusExit = status.waitFor(Duration.ofMinutes(2));

        // then
        assertThat(statusExit).as(status.output()).isEqualTo(ExitCodes.OK);
        assertThat(status.output()).containsPattern("input_rows\\s+" + rows)
            .containsPattern("pending\\s+" + (rows - BUDGET));
    }

    /** Reads reconciliation.csv line by line (the test JVM has no reason to hold it either). */
    private static void assertReport(Path directory, int rows, String status) throws IOException {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        long lines = 0;
        int lastLine = 1;
        boolean inOrder = true;
        try (BufferedReader reader = Files.newBufferedReader(directory.resolve("reconciliation.csv"), StandardCharsets.UTF_8)) {
            assertThat(reader.readLine()).startsWith("line,catalog,engagement_id");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                int number = Integer.parseInt(cells[0]);
                inOrder &= number == lastLine + 1;
                lastLine = number;
                outcomes.merge(cells[7], 1L, Long::sum);
                lines++;
            }
        }
        assertThat(lines).isEqualTo(rows);
        assertThat(inOrder).as("every input line once, in order").isTrue();
        assertThat(outcomes).containsEntry("CREATED", (long) BUDGET).containsEntry("PENDING", (long) rows - BUDGET);
        List<String> summary = Files.readAllLines(directory.resolve("summary.csv"));
        assertThat(summary).contains("status," + status, "input_rows," + rows, "created," + BUDGET,
                "pending," + (rows - BUDGET));
        assertThat(directory.resolve(HtmlReport.FILE)).isNotEmptyFile();
    }

}
