package io.snapshotbatch.run;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a partition's calls are under way concurrently, and a SIGKILL still costs nothing but replays.
 * The built jar, default options but {@code --rate}, runs against an emulator (its own JVM) that answers in
 * 300 ms, so that many calls of a partition are in flight at once; it is killed with SIGKILL mid-run, and the
 * same command finishes the run. The emulator's revisions are the proof: the rows it had created but the
 * ledger had not recorded are exactly the rows sent again, each answered as a replay of its first snapshot.
 */
class InFlightKillIntegrationTests {

    private static final String RUN_DATE = RunDates.daysAgo(1);

    private static final long LATENCY_MS = 300;

    private static final int PARTITIONS = 4;

    /** The default cap at --rate 20: two seconds' worth, 40 calls, 10 rows per partition's chunk. */
    private static final int IN_FLIGHT_CAP = 40;

    private static EmulatorProcess emulator;

    @TempDir
    static Path emulatorDir;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = EmulatorProcess.start(emulatorDir, "--latency-ms", String.valueOf(LATENCY_MS));
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aRunKilledWithCallsInFlightOnPostgresqlResendsOnlyTheUnrecordedRowsAsReplays() throws Exception {
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            killMidRunThenFinish(db, "infp", 200);
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aRunKilledWithCallsInFlightOnTheEmbeddedH2DatabaseResendsOnlyTheUnrecordedRowsAsReplays() throws Exception {
        killMidRunThenFinish(TestDatabases.h2(this.work.resolve("h2")), "infh", 160);
    }

    private void killMidRunThenFinish(DatabaseTarget db, String prefix, int rows) throws Exception {
        // given: a service answering in 300 ms; at --rate 20 one call at a time per partition would make 13 calls/s
        Path input = InputFiles.validPairs(this.work, prefix, rows);
        List<String> command = JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", RUN_DATE,
                "--endpoint", emulator.endpoint(), "--rate", "20", "--report-dir", "reports");
        String engagements = "eng-" + prefix;

        // when: SIGKILLed once a third of the rows are created at the service
        JarProcess first = JarProcess.start(this.work, Map.of(), command);
        killWhen(first, () -> emulator.stats().revisionsOf(engagements).size() >= rows / 3);
        // Calls that were on the wire are answered (and created) by the service after the kill: let them land.
        Thread.sleep(LATENCY_MS * 3 + 1000);
        int createdAtService = emulator.stats().revisionsOf(engagements).size();
        Map<String, Long> outcomesAtKill = LedgerQueries.outcomes(db);
        long recorded = outcomesAtKill.getOrDefault("CREATED", 0L);
        Map<Integer, String> tokensAtKill = tokens(db);
        EmulatorProcess.Stats beforeRelaunch = emulator.stats();

        // then: the ledger is behind the service by the rows whose calls were under way, never more than the cap
        long unrecorded = createdAtService - recorded;
        System.out.printf("in-flight kill (%s): created at the service %d, recorded CREATED %d, ledger %s%n", prefix,
                createdAtService, recorded, outcomesAtKill);
        assertThat(outcomesAtKill).containsKey("PENDING");
        assertThat(unrecorded).isBetween(0L, (long) IN_FLIGHT_CAP);

        // when: the same command again
        JarProcess again = JarProcess.start(this.work, Map.of(), command);
        int exit = again.waitFor(Duration.ofMinutes(3));

        // then: exactly the unrecorded rows were sent again, each answered as a replay; every row has one snapshot
        EmulatorProcess.Stats after = emulator.stats();
        long replays = after.creates("Replay") - beforeRelaunch.creates("Replay");
        System.out.printf("in-flight kill (%s): relaunch exit %d, Replay %d, Success %d%n", prefix, exit, replays,
                after.creates("Success") - beforeRelaunch.creates("Success"));
        assertThat(exit).as(again.output()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains(RestartIntegrationTestSupport.RECOVERING);
        assertThat(replays).isEqualTo(unrecorded);
        assertThat(after.creates("Success") - beforeRelaunch.creates("Success")).isEqualTo(rows - createdAtService);
        assertThat(after.revisionsOf(engagements)).hasSize(rows)
            .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "COMPLETED").containsEntry("created", String.valueOf(rows));
        assertThat(report.rows()).hasSize(rows).allSatisfy((row) -> {
            assertThat(row.get("revision")).isEqualTo("1");
            // Re-sent with the token the row was staged with: the service recognised the request.
            assertThat(row.get("client_token")).isEqualTo(tokensAtKill.get(Integer.parseInt(row.get("line"))));
        });
        assertThat(Long.parseLong(report.summary().get("latency_p50_ms"))).isGreaterThanOrEqualTo(LATENCY_MS);
        // and: within a partition, answers came closer together than the service's latency: its calls overlapped
        // (one call at a time, two answers of a partition are always at least 300 ms apart, however loaded the machine)
        assertThat(overlappingAnswers(report)).as("answers of a partition less than %d ms apart", LATENCY_MS)
            .isGreaterThan(rows / 4);
    }

    /** Answers of the same partition (line mod partitions) that came less than the latency after the previous one. */
    private static int overlappingAnswers(ReportFiles report) {
        Map<Integer, List<Instant>> byPartition = new TreeMap<>();
        for (Map<String, String> row : report.rows()) {
            byPartition.computeIfAbsent(Integer.parseInt(row.get("line")) % PARTITIONS, (p) -> new ArrayList<>())
                .add(Instant.parse(row.get("updated_at")));
        }
        int overlapping = 0;
        for (List<Instant> answers : byPartition.values()) {
            answers.sort(null);
            for (int i = 1; i < answers.size(); i++) {
                if (Duration.between(answers.get(i - 1), answers.get(i)).toMillis() < LATENCY_MS) {
                    overlapping++;
                }
            }
        }
        return overlapping;
    }

    private static void killWhen(JarProcess process, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (RestartIntegrationTestSupport.holds(condition)) {
                process.kill();
                return;
            }
            Thread.sleep(5);
        }
        process.kill();
        throw new AssertionError("The run was not alive when a third of its rows were created; output:\n"
                + process.output());
    }

    private static Map<Integer, String> tokens(DatabaseTarget db) throws SQLException {
        Map<Integer, String> tokens = new HashMap<>();
        for (Map<String, Object> row : LedgerQueries.rows(db, "select line, client_token from snapshot_row")) {
            tokens.put(((Number) row.get("line")).intValue(), (String) row.get("client_token"));
        }
        return tokens;
    }

}
