package io.snapshotbatch.run;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.ThrowawayPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs whose PostgreSQL cluster goes away or restarts under them: exit 4, and the same command finishes them. */
class RestartDatabaseOutageIntegrationTests extends RestartIntegrationTestSupport {

    @Test
    void aRunWhoseDatabaseGoesAwayStopsWithExitFourKeepsWhatItRecordedAndTheSameCommandFinishesIt() throws Exception {
        Assumptions.assumeTrue(ThrowawayPostgres.serverBinaries() != null,
                "PostgreSQL's initdb/pg_ctl are not installed: the database outage test needs a cluster of its own to stop");
        // given: a run on a PostgreSQL cluster of its own, with its first chunks recorded
        int rows = 80;
        Path input = InputFiles.validPairs(this.work, "outa", rows);
        EmulatorProcess.Stats before = emulator.stats();
        try (ThrowawayPostgres cluster = ThrowawayPostgres.create()) {
            DatabaseTarget db = cluster.database();
            List<String> command = runCommand(db, input, "10");
            JarProcess run = JarProcess.start(this.work, Map.of(), command);
            awaitOrFail(run, () -> LedgerQueries.outcomes(db).getOrDefault("CREATED", 0L) >= 10);
            // when: the database goes away mid-run
            cluster.stop();
            long stoppedAt = System.nanoTime();
            int exit = run.waitFor(Duration.ofMinutes(4));
            long exitMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
            EmulatorProcess.Stats atOutage = emulator.stats();
            // then
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(run.output()).contains("the database became unreachable").contains("run the same command again");

            // when: the database is back
            cluster.start();
            Map<Integer, String> recorded = createdArns(db);
            String left = LedgerQueries.lastJobExecutionStatus(db);
            JarProcess resume = JarProcess.start(this.work, Map.of(), command);
            int resumed = resume.waitFor(Duration.ofMinutes(3));
            // then: nothing recorded was lost, and every row ends with exactly one revision
            EmulatorProcess.Stats after = emulator.stats();
            System.out.printf("database outage test: exit %d %d ms after the stop; %d rows recorded before it, "
                    + "%d created by the service by then, job left %s; resume Replay=%d%n", exit, exitMillis,
                    recorded.size(), atOutage.creates("Success") - before.creates("Success"), left,
                    after.creates("Replay") - atOutage.creates("Replay"));
            assertThat(recorded.size()).isGreaterThanOrEqualTo(10);
            assertThat(resumed).as(resume.output()).isEqualTo(ExitCodes.OK);
            assertRecoveredIfLeftStarted(left, resume);
            assertThat(createdArns(db)).containsAllEntriesOf(recorded).hasSize(rows);
            assertThat(after.revisionsOf("eng-outa")).containsOnlyKeys(allKeys("outa", rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.creates("Success") - before.creates("Success")).isEqualTo(rows);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(report.balances()).isTrue();
            assertThat(report.withOutcome("CREATED")).hasSize(rows);
        }
    }

    /**
     * A restart (down for an instant) and a failover (down ~15 s: longer than the pool's 10 s wait, so Spring
     * Batch cannot record how the partitions ended and leaves them UNKNOWN, which it refuses to restart).
     */
    @ParameterizedTest(name = "database down for {0} s")
    @ValueSource(ints = { 0, 15 })
    void aRunWhoseDatabaseRestartsUnderItStopsWithExitFourAndTheSameCommandFinishesIt(int downSeconds) throws Exception {
        Assumptions.assumeTrue(ThrowawayPostgres.serverBinaries() != null,
                "PostgreSQL's initdb/pg_ctl are not installed: the database restart test needs a cluster of its own");
        // given: a run on a PostgreSQL cluster of its own, with its first chunks recorded
        int rows = 80;
        String prefix = (downSeconds == 0) ? "blip" : "fail";
        Path input = InputFiles.validPairs(this.work, prefix, rows);
        EmulatorProcess.Stats before = emulator.stats();
        try (ThrowawayPostgres cluster = ThrowawayPostgres.create()) {
            DatabaseTarget db = cluster.database();
            List<String> command = runCommand(db, input, "10");
            JarProcess run = JarProcess.start(this.work, Map.of(), command);
            awaitOrFail(run, () -> LedgerQueries.outcomes(db).getOrDefault("CREATED", 0L) >= 10);
            // when: the database restarts (a failover, a restart by its operator): every connection is lost
            cluster.stop();
            Thread.sleep(downSeconds * 1000L);
            cluster.start();
            int exit = run.waitFor(Duration.ofMinutes(4));
            // then: the run stopped and says how to continue; it did not fail as an internal error
            ReportFiles stopped = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            Map<Integer, String> recorded = createdArns(db);
            String left = LedgerQueries.lastJobExecutionStatus(db);
            System.out.printf("database down %d s test: exit %d, %s, job left %s, steps %s%n", downSeconds, exit,
                    LedgerQueries.outcomes(db), left, LedgerQueries.rows(db, "select step_name, status from batch_step_execution "
                            + "where job_execution_id = (select max(job_execution_id) from batch_job_execution) order by step_name"));
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(stopped.summary()).containsEntry("status", "STOPPED");
            assertThat(stopped.summary().get("stop_reason")).startsWith("the database connection was lost");
            assertThat(stopped.balances()).isTrue();
            assertThat(recorded.size()).isGreaterThanOrEqualTo(10);

            // when
            JarProcess resume = JarProcess.start(this.work, Map.of(), command);
            int resumed = resume.waitFor(Duration.ofMinutes(3));
            // then
            EmulatorProcess.Stats after = emulator.stats();
            assertThat(resumed).as(resume.output()).isEqualTo(ExitCodes.OK);
            assertRecoveredIfLeftStarted(left, resume);
            assertThat(createdArns(db)).containsAllEntriesOf(recorded).hasSize(rows);
            assertThat(after.revisionsOf("eng-" + prefix)).containsOnlyKeys(allKeys(prefix, rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.creates("Success") - before.creates("Success")).isEqualTo(rows);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(report.balances()).isTrue();
            assertThat(report.summary()).containsEntry("status", "COMPLETED");
            assertThat(report.withOutcome("CREATED")).hasSize(rows);
        }
    }

    private static Map<Integer, String> createdArns(DatabaseTarget db) throws SQLException {
        Map<Integer, String> arns = new HashMap<>();
        for (Map<String, Object> row : LedgerQueries.rows(db,
                "select line, snapshot_arn from snapshot_row where outcome = 'CREATED'")) {
            arns.put(((Number) row.get("line")).intValue(), (String) row.get("snapshot_arn"));
        }
        return arns;
    }

}
