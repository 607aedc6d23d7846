package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.EmulatorStats;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.support.FlakyGateway;
import io.snapshotbatch.support.FlakyGateway.Fault;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.RunDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown outcomes and {@code rerun-failed} with the built jar as a child JVM on PostgreSQL. The
 * service is an emulator in this JVM behind a {@link FlakyGateway}: for some engagements the snapshot
 * is created but the answer is lost or replaced by a 500 (outcome unknown to the client), for others a
 * second emulator that does not know the engagement answers ResourceNotFoundException (certainly
 * nothing created). Rows without an answer stay PENDING with their token, so once the network heals
 * the same command finishes them; rerun-failed then re-sends exactly the FAILED rows, each with the
 * right token.
 */
class RerunFailedIntegrationTests {

    private static final String RUN_DATE = RunDates.daysAgo(2);

    private static final String OPERATION = "CreateResourceSnapshot";

    private static final String PREFIX = "refa";

    private static final int ROWS = 24;

    /** Lines (= n + 1) whose engagement the service does not know at first. */
    private static final Set<Integer> NOT_FOUND = Set.of(3, 9, 15);

    /** Rows created by the service whose answer never reaches the client. */
    private static final Set<Integer> REPLY_LOST = Set.of(5, 17);

    /** Rows created by the service and answered with a 500 anyway. */
    private static final Set<Integer> FAILED_AFTER_CREATE = Set.of(11, 23);

    @TempDir
    Path work;

    @Test
    void rowsWithoutAnAnswerStayPendingTheSameCommandAndRerunFailedFinishWithTheRightTokensAndNothingCreatedTwice()
            throws Exception {
        // given
        DatabaseTarget db = TestDatabases.freshPostgres();
        Path input = InputFiles.validPairs(this.work, PREFIX, ROWS);
        try (PartnerCentralEmulator service = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
                PartnerCentralEmulator stale = PartnerCentralEmulator.start(EmulatorSettings.defaults()
                    .withPort(0)
                    .withKnownEngagements(Set.of("eng-zzzzzzzzzzzzzz")));
                FlakyGateway gateway = FlakyGateway.start(service.endpoint(), stale.endpoint())) {
            NOT_FOUND.forEach((line) -> gateway.inject(engagementOf(line), Fault.OTHER_ENDPOINT));
            REPLY_LOST.forEach((line) -> gateway.inject(engagementOf(line), Fault.LOSE_REPLY));
            FAILED_AFTER_CREATE.forEach((line) -> gateway.inject(engagementOf(line), Fault.FAIL_AFTER_FORWARD));
            List<String> common = List.of("--run-date", RUN_DATE, "--endpoint", gateway.endpoint(), "--rate", "50",
                    "--partitions", "4", "--report-dir", "reports");
            List<String> runCommand = JarProcess.withDatabase(db,
                    concat(List.of("run", "--input", input.toString()), common).toArray(String[]::new));
            JarProcess run = JarProcess.start(this.work, Map.of(), runCommand);
            int runExit = run.waitFor(Duration.ofMinutes(3));
            ReportFiles first = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            Map<Integer, Map<String, String>> before = byLine(first);
            // then: rows without an answer are PENDING (never FAILED), so the run is not finished; the service
            // refused the not-found rows (FAILED), and did create the transient ones
            assertThat(runExit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(first.summary().get("stop_reason")).isNotBlank();
            NOT_FOUND.forEach((line) -> assertThat(before.get(line)).containsEntry("outcome", "FAILED")
                .containsEntry("error_code", "ResourceNotFoundException"));
            REPLY_LOST.forEach((line) -> assertThat(before.get(line)).containsEntry("outcome", "PENDING"));
            // A 500 is PENDING the first time in a launch, FAILED (same token on rerun-failed) the second.
            FAILED_AFTER_CREATE.forEach((line) -> assertThat(before.get(line).get("outcome")).isIn("PENDING", "FAILED"));
            assertThat(first.withOutcome("FAILED")).allSatisfy((row) -> assertThat(row.get("error_code"))
                .isIn("ResourceNotFoundException", "InternalServerException"));
            Map<String, Integer> revisionsAfterRun = service.stats().revisionsByKey();
            transientLines().forEach((line) -> assertThat(revisionsAfterRun).containsEntry(keyOf(line), 1));
            NOT_FOUND.forEach((line) -> assertThat(revisionsAfterRun).doesNotContainKey(keyOf(line)));
            long successBefore = service.stats().calls(OPERATION, EmulatorStats.SUCCESS);
            long replayBefore = service.stats().calls(OPERATION, EmulatorStats.REPLAY);
            long callsBefore = service.stats().totalCalls(OPERATION);

            // when: the network heals, the same command finishes the run, then rerun-failed re-sends what FAILED
            gateway.healAll();
            JarProcess again = JarProcess.start(this.work, Map.of(), runCommand);
            int againExit = again.waitFor(Duration.ofMinutes(3));
            JarProcess rerun = JarProcess.start(this.work, Map.of(),
                    JarProcess.withDatabase(db, concat(List.of("rerun-failed"), common).toArray(String[]::new)));
            int rerunExit = rerun.waitFor(Duration.ofMinutes(3));

            // then
            ReportFiles second = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            Map<Integer, Map<String, String>> after = byLine(second);
            EmulatorStats stats = service.stats();
            assertThat(againExit).as(again.output()).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(rerunExit).as(rerun.output()).isEqualTo(ExitCodes.OK);
            // The not-found rows get a new token; a 500 that repeated (FAILED) keeps its token.
            assertThat(rerun.output()).containsPattern("Re-sending \\d+ FAILED rows \\(\\d+ with their token: outcome "
                    + "unknown; " + NOT_FOUND.size() + " with a new token\\) of run " + RUN_DATE);
            assertThat(second.balances()).isTrue();
            assertThat(second.summary()).containsEntry("status", "COMPLETED").containsEntry("failed", "0");
            assertThat(second.rows()).hasSize(ROWS)
                .allSatisfy((row) -> assertThat(row.get("outcome")).as("line " + row.get("line")).isEqualTo("CREATED"));
            // Exactly one revision per row: the transient rows were answered from their first create.
            assertThat(stats.revisionsByKey()).hasSize(ROWS).allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(stats.calls(OPERATION, EmulatorStats.REPLAY) - replayBefore).isEqualTo(transientLines().size());
            assertThat(stats.calls(OPERATION, EmulatorStats.SUCCESS) - successBefore).isEqualTo(NOT_FOUND.size());
            assertThat(stats.totalCalls(OPERATION) - callsBefore).isEqualTo(NOT_FOUND.size() + transientLines().size());
            Map<Integer, Integer> tokenGenerations = tokenGenerations(db);
            for (int line : transientLines()) {
                assertThat(after.get(line).get("client_token")).as("line %d keeps its token", line)
                    .isEqualTo(before.get(line).get("client_token"));
                assertThat(tokenGenerations.get(line)).isZero();
                assertThat(after.get(line).get("revision")).isEqualTo("1");
                assertThat(after.get(line).get("error_code")).isEmpty();
            }
            for (int line : NOT_FOUND) {
                assertThat(after.get(line).get("client_token")).as("line %d gets a new token", line)
                    .isNotBlank()
                    .isNotEqualTo(before.get(line).get("client_token"));
                assertThat(tokenGenerations.get(line)).isEqualTo(1);
                assertThat(after.get(line).get("revision")).isEqualTo("1");
                assertThat(after.get(line).get("attempts")).isEqualTo("2");
            }
            // Rows that had been created are neither re-sent nor touched.
            for (int line = 2; line <= ROWS + 1; line++) {
                if (!NOT_FOUND.contains(line) && !transientLines().contains(line)) {
                    Map<String, String> was = new HashMap<>(before.get(line));
                    assertThat(after.get(line)).as("line %d", line).isEqualTo(was);
                }
            }
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    private static Set<Integer> transientLines() {
        return Stream.concat(REPLY_LOST.stream(), FAILED_AFTER_CREATE.stream()).collect(Collectors.toSet());
    }

    private static Map<Integer, Map<String, String>> byLine(ReportFiles report) {
        return report.rows().stream().collect(Collectors.toMap((row) -> Integer.parseInt(row.get("line")), (row) -> row));
    }

    private static Map<Integer, Integer> tokenGenerations(DatabaseTarget db) throws Exception {
        return LedgerQueries.rows(db, "select line, token_generation from snapshot_row").stream()
            .collect(Collectors.toMap((row) -> ((Number) row.get("line")).intValue(),
                    (row) -> ((Number) row.get("token_generation")).intValue()));
    }

    /** Line {@code n + 1} of the generated input holds row {@code n}. */
    private static String engagementOf(int line) {
        return InputFiles.engagement(PREFIX, line - 1);
    }

    private static String keyOf(int line) {
        return InputFiles.revisionKey(PREFIX, line - 1);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

}
