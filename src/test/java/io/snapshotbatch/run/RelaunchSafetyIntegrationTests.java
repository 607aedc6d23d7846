package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Launch the same command again" through the jar, on H2 and PostgreSQL: a stopped {@code --force-new-run}
 * relaunched unchanged continues its generation instead of starting a third snapshot of every row (#14.1), and
 * {@code verify} against a service that cannot be reached stops with exit 4 and overwrites nothing (#14.4).
 */
class RelaunchSafetyIntegrationTests extends RestartIntegrationTestSupport {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "h2", "postgresql" })
    void aStoppedForceNewRunLaunchedAgainContinuesItsGenerationAndVerifyOfAnUnreachableServiceChangesNothing(String database)
            throws Exception {
        DatabaseTarget db = database.equals("h2") ? TestDatabases.h2(this.work.resolve("h2")) : TestDatabases.freshPostgres();
        String prefix = database.equals("h2") ? "rlsh" : "rlsp";
        int rows = 60;
        try {
            // given: the run date completed, and verified
            Path input = InputFiles.validPairs(this.work, prefix, rows);
            assertThat(launch(runCommand(db, input, "100")).waitFor(Duration.ofMinutes(3))).isEqualTo(ExitCodes.OK);
            JarProcess verified = launch(verifyCommand(db, emulator.endpoint()));
            assertThat(verified.waitFor(Duration.ofMinutes(3))).as(verified.output()).isEqualTo(ExitCodes.OK);
            assertThat(verifyStatuses(db)).isEqualTo(Map.of("VERIFIED", (long) rows));

            // when: verify against an endpoint where nothing listens
            JarProcess unreachable = launch(verifyCommand(db, "http://127.0.0.1:" + EmulatorProcess.freePort()));
            int verifyExit = unreachable.waitFor(Duration.ofMinutes(3));
            // then: stopped, not "0 found, 120 not"; every recorded result kept
            assertThat(verifyExit).as(unreachable.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(unreachable.output()).contains("the service looks unreachable").doesNotContain("Verified run");
            assertThat(verifyStatuses(db)).isEqualTo(Map.of("VERIFIED", (long) rows));

            // when: a new generation is forced, and stopped with SIGTERM part-way
            List<String> forced = new ArrayList<>(runCommand(db, input, "40"));
            forced.add("--force-new-run");
            EmulatorProcess.Stats before = emulator.stats();
            JarProcess stopped = launch(forced);
            awaitOrFail(stopped, () -> emulator.stats().creates("Success") - before.creates("Success") >= rows / 4);
            stopped.terminate();
            assertThat(stopped.waitFor(Duration.ofMinutes(2))).as(stopped.output()).isEqualTo(ExitCodes.STOPPED);
            // when: the same command launched again
            JarProcess again = launch(forced);
            int exit = again.waitFor(Duration.ofMinutes(3));
            // then: generation 1 was continued and finished; no generation 2, no third snapshot of any row
            assertThat(exit).as(again.output()).isEqualTo(ExitCodes.OK);
            assertThat(again.output()).contains("generation 1 of run " + RUN_DATE + " has not completed; continuing it");
            assertThat(LedgerQueries.rows(db, "select generation, status from snapshot_run order by generation"))
                .containsExactly(Map.of("generation", 0, "status", "COMPLETED"), Map.of("generation", 1, "status", "COMPLETED"));
            assertThat(emulator.stats().revisionsOf("eng-" + prefix)).hasSize(rows)
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(2));
        }
        finally {
            if (database.equals("postgresql")) {
                TestDatabases.dropPostgres(db);
            }
        }
    }

    private JarProcess launch(List<String> command) throws Exception {
        return JarProcess.start(this.work, Map.of(), command);
    }

    private static List<String> verifyCommand(DatabaseTarget db, String endpoint) {
        return JarProcess.withDatabase(db, "verify", "--run-date", RUN_DATE, "--endpoint", endpoint, "--read-rate", "100",
                "--quiet");
    }

    private static Map<String, Long> verifyStatuses(DatabaseTarget db) throws Exception {
        Map<String, Long> statuses = new java.util.TreeMap<>();
        for (Map<String, Object> row : LedgerQueries.rows(db,
                "select verify_status, count(*) as n from snapshot_row where run_id = (select min(run_id) from snapshot_run) "
                        + "group by verify_status")) {
            statuses.put(String.valueOf(row.get("verify_status")), ((Number) row.get("n")).longValue());
        }
        return statuses;
    }

}
