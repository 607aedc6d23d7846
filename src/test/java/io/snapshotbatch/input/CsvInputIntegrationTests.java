package io.snapshotbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner ops' files through the built jar: a French Excel export (Windows-1252, {@code sep=;}) runs to
 * exit 0 on PostgreSQL with {@code input_encoding} in the summary, also when {@code report} rewrites it;
 * a file whose quote swallows rows exits 2 with one line and no stack trace, before anything starts.
 */
class CsvInputIntegrationTests {

    private static final String RUN_DATE = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

    @TempDir
    Path work;

    @Test
    void aFrenchExcelExportRunsWithItsEncodingInTheSummary() throws Exception {
        // given
        Path input = corpusCopy("excel-french-sep-line.csv");
        DatabaseTarget postgres = TestDatabases.freshPostgres();
        try {
            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(postgres, "run", "--input",
                    input.toString(), "--run-date", RUN_DATE, "--endpoint", "emulator", "--rate", "50",
                    "--report-dir", "reports"));
            int exitCode = run.waitFor(Duration.ofMinutes(3));

            // then every row is created, on the line the file shows it
            assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.OK);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(report.rows()).extracting((row) -> row.get("line")).containsExactly("3", "4", "5");
            assertThat(report.withOutcome("CREATED")).hasSize(3);
            assertThat(report.summary()).containsEntry("input_encoding", "windows-1252");
            // and the log says once why the file is read as Windows-1252
            assertThat(run.output().split("reading it as Windows-1252", -1)).hasSize(2);
            assertThat(run.output()).contains("line 3 has byte 0xE9");

            // when the report is rewritten from the ledger
            JarProcess rewrite = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(postgres, "report",
                    "--run-date", RUN_DATE, "--report-dir", "rewritten"));
            assertThat(rewrite.waitFor(Duration.ofMinutes(2))).as(rewrite.output()).isEqualTo(ExitCodes.OK);

            // then the encoding is still there
            assertThat(ReportFiles.read(this.work.resolve("rewritten"), RUN_DATE).summary())
                .containsEntry("input_encoding", "windows-1252");
        }
        finally {
            TestDatabases.dropPostgres(postgres);
        }
    }

    @Test
    void aQuoteThatSwallowsRowsExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        // given the file: 7 data lines of which an unclosed quote would make 4 rows
        Path input = corpusCopy("unclosed-quote-ignored-column.csv");

        // when
        JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(TestDatabases.h2(this.work), "run",
                "--input", input.toString(), "--run-date", RUN_DATE, "--endpoint", "emulator"));
        int exitCode = run.waitFor(Duration.ofMinutes(2));

        // then
        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        List<String> lines = run.output().lines().filter((line) -> !line.isBlank()).toList();
        assertThat(lines).containsExactly("snapshot-batch: Input file " + input + ", line 3: the quoted value that "
                + "opens here, \"Northwind (see note..., runs to line 6 and swallows lines 4, 5 and 6, which look like rows "
                + "of their own. Close the quote on line 3, or remove it if it is part of the text; inside a quoted value "
                + "write a quote as two quotes");
        assertThat(Files.exists(this.work.resolve("reports"))).isFalse();
    }

    private Path corpusCopy(String name) throws IOException {
        Path copy = this.work.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/csv-corpus/" + name)) {
            Files.copy(in, copy);
        }
        return copy;
    }

}
