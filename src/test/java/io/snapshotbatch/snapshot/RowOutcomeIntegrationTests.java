package io.snapshotbatch.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an answer means for a row, through the built jar against the emulator in its own process: a
 * denial of some rows fails those rows, a denial of every call stops the run, and rows whose calls got
 * no answer stay PENDING with their token, so the same command finishes the night.
 */
class RowOutcomeIntegrationTests {

    @TempDir
    Path work;

    @Test
    void accessDeniedToSomeRowsFailsThoseRowsOnlyAndRerunFailedSendsThemWithANewToken() throws Exception {
        // given: the account may not snapshot two of the opportunities
        int rows = 16;
        Path input = InputFiles.validPairs(this.work, "dnyp", rows);
        DatabaseTarget db = TestDatabases.freshPostgres();
        try (EmulatorProcess emulator = EmulatorProcess.start(this.work, "--deny", "O100[37]")) {
            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), command(db, emulator, "run", "--input", input.toString()));
            int exit = run.waitFor(Duration.ofMinutes(2));
            // then
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(2));
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(report.withOutcome("FAILED")).extracting((row) -> row.get("resource_id"))
                .containsExactlyInAnyOrder("O1003", "O1007");
            assertThat(report.withOutcome("FAILED")).allSatisfy((row) -> assertThat(row.get("error_code")).isEqualTo(
                    "AccessDeniedException"));
            assertThat(report.withOutcome("CREATED")).hasSize(rows - 2);
            String deniedToken = report.withOutcome("FAILED").get(0).get("client_token");

            // when the permission is granted and the failed rows are re-run
            emulator.post("/_emulator/deny", "{\"pattern\": \"\"}");
            JarProcess rerun = JarProcess.start(this.work, Map.of(), command(db, emulator, "rerun-failed"));
            int rerunExit = rerun.waitFor(Duration.ofMinutes(2));
            // then
            ReportFiles after = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(2));
            assertThat(rerunExit).as(rerun.output()).isEqualTo(ExitCodes.OK);
            assertThat(after.withOutcome("CREATED")).hasSize(rows);
            assertThat(after.rows()).noneMatch((row) -> deniedToken.equals(row.get("client_token")));
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void accessDeniedToEveryCallStopsTheRunWithEveryRowPendingAndTheSameCommandFinishesOnceAllowed() throws Exception {
        // given: a missing permission (every call denied)
        int rows = 24;
        Path input = InputFiles.validPairs(this.work, "dnya", rows);
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        try (EmulatorProcess emulator = EmulatorProcess.start(this.work, "--deny", ".*")) {
            List<String> command = command(db, emulator, "run", "--input", input.toString());
            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), command);
            int exit = run.waitFor(Duration.ofMinutes(2));
            // then
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(2));
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(report.summary()).containsEntry("pending", String.valueOf(rows)).containsEntry("failed", "0");
            assertThat(report.summary().get("stop_reason")).contains("access denied to every call");

            // when the permission is granted, the same command
            emulator.post("/_emulator/deny", "{\"pattern\": \"\"}");
            JarProcess again = JarProcess.start(this.work, Map.of(), command);
            int againExit = again.waitFor(Duration.ofMinutes(2));
            // then
            assertThat(againExit).as(again.output()).isEqualTo(ExitCodes.OK);
            assertThat(ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(2)).withOutcome("CREATED")).hasSize(rows);
        }
    }

    @Test
    void rowsWhoseCallsGotNoAnswerStayPendingWithTheirTokenAndTheSameCommandFinishesWithExitZero() throws Exception {
        // given: nothing listens where the service should be
        int rows = 20;
        Path input = InputFiles.validPairs(this.work, "unre", rows);
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        int port = EmulatorProcess.freePort();
        List<String> command = JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", RunDates.daysAgo(1),
                "--endpoint", "http://127.0.0.1:" + port, "--rate", "50", "--report-dir", "reports");
        // when
        JarProcess run = JarProcess.start(this.work, Map.of(), command);
        int exit = run.waitFor(Duration.ofMinutes(3));
        // then: stopped as unreachable, and not one row FAILED
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(1));
        assertThat(exit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
        assertThat(report.summary().get("stop_reason")).contains("looks unreachable");
        assertThat(report.summary()).containsEntry("failed", "0").containsEntry("pending", String.valueOf(rows));
        assertThat(report.withOutcome("PENDING")).filteredOn((row) -> !row.get("error_code").isEmpty())
            .isNotEmpty()
            .allSatisfy((row) -> assertThat(row.get("error_code")).isIn("ConnectionError", "NotSent"));
        // when the service is back, the same command
        try (EmulatorProcess emulator = EmulatorProcess.startOnPort(this.work, port)) {
            JarProcess again = JarProcess.start(this.work, Map.of(), command);
            int againExit = again.waitFor(Duration.ofMinutes(2));
            // then: every row created with the token it was staged with
            ReportFiles finished = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(1));
            assertThat(againExit).as(again.output()).isEqualTo(ExitCodes.OK);
            assertThat(finished.withOutcome("CREATED")).hasSize(rows);
            assertThat(finished.rows()).extracting((row) -> row.get("client_token"))
                .containsExactlyElementsOf(report.rows().stream().map((row) -> row.get("client_token")).toList());
        }
    }

    private static List<String> command(DatabaseTarget db, EmulatorProcess emulator, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--run-date", RunDates.daysAgo(2), "--endpoint", emulator.endpoint(), "--rate", "50",
                "--report-dir", "reports"));
        return JarProcess.withDatabase(db, all.toArray(String[]::new));
    }

}
