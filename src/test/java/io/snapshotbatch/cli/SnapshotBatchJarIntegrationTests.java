package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.RunDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start, for real: the built jar runs {@code sample-input/pairs.csv} against the
 * built-in emulator, once on embedded H2 and once on PostgreSQL, and both reports tell the same story.
 */
class SnapshotBatchJarIntegrationTests {

    private static final String RUN_DATE = RunDates.daysAgo(6);

    private static final Path SAMPLE = Path.of("sample-input", "pairs.csv").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void theSampleRunsOnH2AndOnPostgresWithTheSameReport() throws Exception {
        // given
        DatabaseTarget h2 = TestDatabases.h2(this.work.resolve("h2"));
        DatabaseTarget postgres = TestDatabases.freshPostgres();
        try {
            // when
            int h2Exit = runSample(h2, "h2-reports");
            int postgresExit = runSample(postgres, "pg-reports");
            // then
            ReportFiles onH2 = ReportFiles.read(this.work.resolve("h2-reports"), RUN_DATE);
            ReportFiles onPostgres = ReportFiles.read(this.work.resolve("pg-reports"), RUN_DATE);
            assertThat(h2Exit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(postgresExit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            for (ReportFiles report : List.of(onH2, onPostgres)) {
                assertThat(report.header()).containsExactly("line", "catalog", "engagement_id", "resource_type",
                        "resource_id", "template", "client_token", "outcome", "snapshot_arn", "revision", "error_code",
                        "error_message", "attempts", "updated_at");
                assertThat(report.balances()).isTrue();
                assertThat(report.rows()).hasSize(dataLinesOf(SAMPLE));
                assertThat(report.rows().stream().map((row) -> row.get("line")).distinct()).hasSize(report.rows().size());
                assertThat(report.withOutcome("CREATED")).allSatisfy((row) -> {
                    assertThat(row.get("snapshot_arn")).startsWith("arn:aws:partnercentral:");
                    assertThat(row.get("revision")).isNotBlank();
                    assertThat(row.get("client_token")).isNotBlank();
                });
                assertThat(report.withOutcome("CREATED").stream().map((row) -> row.get("client_token")).distinct())
                    .hasSize(report.withOutcome("CREATED").size());
            }
            assertThat(comparable(onPostgres)).isEqualTo(comparable(onH2));
            assertThat(withoutTimes(onPostgres.summary())).isEqualTo(withoutTimes(onH2.summary()));
        }
        finally {
            TestDatabases.dropPostgres(postgres);
        }
    }

    @Test
    void aSecondLaunchOfTheCompletedRunDateExitsZeroAndSendsNothing() throws Exception {
        // given
        DatabaseTarget h2 = TestDatabases.h2(this.work);
        assertThat(runSample(h2, "reports")).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
        // when
        JarProcess again = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(h2, "run", "--input",
                SAMPLE.toString(), "--run-date", RUN_DATE, "--endpoint", "emulator", "--report-dir", "reports"));
        // then
        assertThat(again.waitFor(Duration.ofMinutes(2))).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains("already completed");
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() throws Exception {
        // when
        JarProcess missingInput = JarProcess.start(this.work, Map.of(),
                List.of("run", "--input", "no-such-file.csv", "--endpoint", "emulator"));
        JarProcess badOption = JarProcess.start(this.work, Map.of(), List.of("run", "--input", SAMPLE.toString(), "--rate", "0"));
        JarProcess noDatabase = JarProcess.start(this.work, Map.of(), List.of("status", "--db",
                "jdbc:postgresql://127.0.0.1:1/none", "--db-user", "nobody"));
        // then
        assertThat(missingInput.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCodes.USAGE);
        assertThat(missingInput.output()).contains("does not exist").doesNotContain("\tat ");
        assertThat(badOption.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCodes.USAGE);
        assertThat(badOption.output()).contains("--rate must be");
        assertThat(noDatabase.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCodes.USAGE);
        assertThat(noDatabase.output()).contains("Cannot use the database").doesNotContain("\tat ");
    }

    private int runSample(DatabaseTarget database, String reportDir) throws Exception {
        JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(database, "run", "--input",
                SAMPLE.toString(), "--run-date", RUN_DATE, "--endpoint", "emulator", "--rate", "100", "--report-dir",
                reportDir));
        return run.waitFor(Duration.ofMinutes(3));
    }

    /** Everything but the times, which differ between two runs by nature. */
    private static List<String> comparable(ReportFiles report) {
        return report.rows().stream().map((row) -> {
            Map<String, String> copy = new java.util.LinkedHashMap<>(row);
            copy.remove("updated_at");
            return copy.toString();
        }).collect(Collectors.toList());
    }

    private static Map<String, String> withoutTimes(Map<String, String> summary) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(summary);
        copy.remove("started_at");
        copy.remove("finished_at");
        // Measured, not derived from the ledger: each run has its own; present and whole milliseconds.
        assertThat(copy.remove("latency_p50_ms")).matches("[0-9]+");
        assertThat(copy.remove("latency_p95_ms")).matches("[0-9]+");
        // 44 calls at --rate 100 take under half a second: whether the calls under way or the ceiling held the
        // pace back is a measurement of that moment too, not something the two databases must agree on.
        assertThat(copy.remove("pace_limited_by")).isIn("ceiling", "latency");
        return copy;
    }

    /** Data rows of a CSV file: non-blank lines after the header (the sample has no multi-line fields). */
    private static int dataLinesOf(Path csv) throws Exception {
        return (int) Files.readAllLines(csv).stream().skip(1).filter((line) -> !line.isBlank()).count();
    }

}
