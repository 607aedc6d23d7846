package io.snapshotbatch.input;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV input path audited as issue 11 asks: a file larger than its checked head (1 MB) and than many
 * insert batches, on PostgreSQL, whose quoting breaks near the end. The error is found while staging, after
 * 15 insert batches were written: exit 2 with one line and no stack trace (Spring Batch's step log of it
 * is kept out), nothing staged; the corrected file, launched with the same command, stages every row.
 */
class CsvStagingIntegrationTests {

    private static final int ROWS = 16_000;

    private static final int BROKEN_LINE = 15_500;

    /** Makes the file larger than the 1 MB head that is checked before the launch, with fewer rows to stage. */
    private static final String NOTE = "Renewal of the northern region account for the third quarter";

    @TempDir
    Path work;

    @Test
    void aQuotingErrorPastTheHeadStagesNothingAndTheCorrectedFileStagesEveryRow() throws Exception {
        // given a 1.3 MB file whose row 15,500 opens a quote that is never closed
        Path input = this.work.resolve("pairs.csv");
        write(input, true);
        DatabaseTarget ledger = TestDatabases.freshPostgres();
        try {
            String runDate = RunDates.daysAgo(3);

            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--input",
                    input.toString(), "--run-date", runDate, "--endpoint", "emulator", "--report-dir", "reports"));
            int exitCode = run.waitFor(Duration.ofMinutes(3));

            // then one line names the line of the quote; no trace; nothing staged
            assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Encountered an error");
            assertThat(run.output().lines().filter((line) -> !line.isBlank())
                .filter((line) -> !line.matches("^\\d{4}-\\d\\d-\\d\\dT.* INFO .*"))).singleElement()
                .asString()
                .startsWith("snapshot-batch: Input file " + input + ", line " + (BROKEN_LINE + 1));
            assertThat(LedgerQueries.value(ledger, "select count(*) from snapshot_row")).isEqualTo(0L);

            // when the file is corrected and the same command launched again
            write(input, false);
            JarProcess again = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--input",
                    input.toString(), "--run-date", runDate, "--endpoint", "emulator", "--report-dir", "reports",
                    "--daily-budget", "10"));
            int againExit = again.waitFor(Duration.ofMinutes(3));

            // then every row is staged once, and the report balances
            assertThat(againExit).as(again.output()).isEqualTo(ExitCodes.STOPPED);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), runDate);
            assertThat(report.balances()).isTrue();
            assertThat(report.summaryCount("input_rows")).isEqualTo(ROWS);
            assertThat(report.summaryCount("duplicates")).isEqualTo(1);
            assertThat(report.rows().get(ROWS - 1)).containsEntry("line", String.valueOf(ROWS + 1))
                .containsEntry("outcome", "DUPLICATE");
        }
        finally {
            TestDatabases.dropPostgres(ledger);
        }
    }

    /** Header, then ROWS rows; the last repeats the first (a duplicate 15 batches back). */
    private static void write(Path file, boolean broken) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("engagement_id,opportunity_id,note\n");
            for (int i = 1; i <= ROWS; i++) {
                int id = (i == ROWS) ? 1 : i;
                String opportunity = (broken && i == BROKEN_LINE) ? "\"O" + id : "O" + id;
                out.write("eng-%014d,%s,%s\n".formatted(id, opportunity, NOTE));
            }
        }
    }

}
