package io.snapshotbatch.run;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs SIGKILLed at each stage (PostgreSQL and H2 ledgers) that the same command finishes, one revision per row. */
class RestartKillIntegrationTests extends RestartIntegrationTestSupport {

    @Test
    void aRunKilledDuringStagingMidPartitionAsItsLastRowIsCreatedAndDuringItsReportIsFinishedByTheSameCommandWithOneRevisionPerRow()
            throws Exception {
        // given
        int rows = 300;
        DatabaseTarget db = TestDatabases.freshPostgres();
        Path input = InputFiles.validPairs(this.work, "kill", rows);
        List<String> command = runCommand(db, input, "100");
        EmulatorProcess.Stats before = emulator.stats();
        List<String> killedAt = new ArrayList<>();
        try {
            // when: killed as soon as the job's staging step is running (its tasklet staging the rows)
            JarProcess staging = JarProcess.start(this.work, Map.of(), command);
            assertThat(killWhen(staging, () -> LedgerQueries.value(db,
                    "select status from batch_step_execution where step_name = 'stage' and status <> 'STARTING'") != null))
                .as("the first launch was alive when staging began").isTrue();
            Object stageStep = LedgerQueries.value(db, "select status from batch_step_execution where step_name = 'stage'");
            long stagedRows = (Long) LedgerQueries.value(db, "select count(*) from snapshot_row");
            Boolean staged = (Boolean) LedgerQueries.value(db, "select staged from snapshot_run");
            String afterStaging = LedgerQueries.lastJobExecutionStatus(db);
            killedAt.add("staging: stage step=" + stageStep + ", staged=" + staged + ", ledger rows=" + stagedRows
                    + ", job=" + afterStaging);
            // then: staging is all or nothing, and no call went out
            assertThat(stagedRows).isIn(0L, (long) rows);
            assertThat(staged).isEqualTo(stagedRows == rows);
            assertThat(emulator.stats().allCreates()).isEqualTo(before.allCreates());

            // when: relaunched, and killed mid-partition once a third of the rows went out
            JarProcess midPartition = JarProcess.start(this.work, Map.of(), command);
            assertThat(killWhen(midPartition, () -> emulator.stats().allCreates() - before.allCreates() >= rows / 3))
                .as("the second launch was alive when a third of the calls were made").isTrue();
            assertRecoveredIfLeftStarted(afterStaging, midPartition);
            Map<String, Long> outcomesMid = LedgerQueries.outcomes(db);
            String afterMid = LedgerQueries.lastJobExecutionStatus(db);
            Map<Integer, String> tokensMid = tokens(db);
            killedAt.add("mid-partition: " + outcomesMid + ", job=" + afterMid + ", emulator creates so far="
                    + (emulator.stats().allCreates() - before.allCreates()));
            // then: the process died with its execution marked running and rows on both sides
            assertThat(afterMid).isEqualTo("STARTED");
            assertThat(outcomesMid).containsKeys("CREATED", "PENDING");

            // when: relaunched, and killed the moment the last row is created: before or while the report is written
            JarProcess beforeReport = JarProcess.start(this.work, Map.of(), command);
            assertThat(killWhen(beforeReport, () -> emulator.stats().creates("Success") - before.creates("Success") >= rows))
                .as("the third launch was alive when every row had been created").isTrue();
            assertRecoveredIfLeftStarted(afterMid, beforeReport);
            String afterLast = LedgerQueries.lastJobExecutionStatus(db);
            killedAt.add("as the last row was created: " + LedgerQueries.outcomes(db) + ", job=" + afterLast + ", steps="
                    + lastSteps(db));

            // when: relaunched, and killed as soon as its report step has begun
            JarProcess duringReport = JarProcess.start(this.work, Map.of(), command);
            assertThat(killWhen(duringReport, () -> LedgerQueries.value(db, "select status from batch_step_execution "
                    + "where step_name = 'report' and status <> 'STARTING' and job_execution_id = (select max(job_execution_id) from batch_job_execution)") != null))
                .as("the fourth launch was alive when its report step began").isTrue();
            assertRecoveredIfLeftStarted(afterLast, duringReport);
            afterLast = LedgerQueries.lastJobExecutionStatus(db);
            killedAt.add("report step: " + LedgerQueries.outcomes(db) + ", job=" + afterLast + ", run="
                    + LedgerQueries.value(db, "select status from snapshot_run") + ", steps=" + lastSteps(db));

            // when: relaunched until it finishes
            int exit = -1;
            String previous = afterLast;
            for (int attempt = 0; attempt < 3 && exit != ExitCodes.OK; attempt++) {
                JarProcess again = JarProcess.start(this.work, Map.of(), command);
                exit = again.waitFor(Duration.ofMinutes(3));
                assertRecoveredIfLeftStarted(previous, again);
                previous = LedgerQueries.lastJobExecutionStatus(db);
            }

            // then: every row has exactly one revision, and the report says CREATED for each
            EmulatorProcess.Stats after = emulator.stats();
            long replays = after.creates("Replay") - before.creates("Replay");
            System.out.printf("kill test: %s; Success=%d Replay=%d%n", killedAt,
                    after.creates("Success") - before.creates("Success"), replays);
            assertThat(exit).isEqualTo(ExitCodes.OK);
            assertThat(after.revisionsOf("eng-kill")).containsOnlyKeys(allKeys("kill", rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.creates("Success") - before.creates("Success")).isEqualTo(rows);
            // Rows sent but not yet recorded when the process died were sent again with their token: replayed.
            assertThat(replays).isPositive();
            assertThat(after.allCreates() - before.allCreates()).isEqualTo(rows + replays);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(report.balances()).isTrue();
            assertThat(report.summary()).containsEntry("status", "COMPLETED").containsEntry("created", String.valueOf(rows));
            assertThat(report.rows()).hasSize(rows).allSatisfy((row) -> {
                assertThat(row.get("outcome")).isEqualTo("CREATED");
                assertThat(row.get("revision")).isEqualTo("1");
                assertThat(row.get("snapshot_arn")).endsWith("/snapshot/1");
            });
            // Rows left PENDING by the mid-partition kill went out with the token they had been staged with.
            assertThat(report.rows()).allSatisfy((row) -> assertThat(row.get("client_token"))
                .isEqualTo(tokensMid.get(Integer.parseInt(row.get("line")))));
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aRunKilledMidPartitionOnTheEmbeddedH2DatabaseIsFinishedByTheSameCommandWithOneRevisionPerRow() throws Exception {
        // given: the default kind of ledger, an H2 file
        int rows = 150;
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        Path input = InputFiles.validPairs(this.work, "hkil", rows);
        List<String> command = runCommand(db, input, "100");
        EmulatorProcess.Stats before = emulator.stats();
        JarProcess first = JarProcess.start(this.work, Map.of(), command);
        // when
        assertThat(killWhen(first, () -> emulator.stats().allCreates() - before.allCreates() >= rows / 3))
            .as("the first launch was alive when a third of the calls were made").isTrue();
        JarProcess again = JarProcess.start(this.work, Map.of(), command);
        int exit = again.waitFor(Duration.ofMinutes(3));
        // then
        EmulatorProcess.Stats after = emulator.stats();
        long replays = after.creates("Replay") - before.creates("Replay");
        System.out.printf("H2 kill test: Success=%d Replay=%d%n", after.creates("Success") - before.creates("Success"), replays);
        assertThat(exit).as(again.output()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains(RECOVERING);
        assertThat(after.revisionsOf("eng-hkil")).containsOnlyKeys(allKeys("hkil", rows))
            .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
        assertThat(after.creates("Success") - before.creates("Success")).isEqualTo(rows);
        assertThat(replays).isPositive();
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "COMPLETED");
        assertThat(report.withOutcome("CREATED")).hasSize(rows);
    }

    /**
     * SIGKILLs the process the moment the condition holds. Returns false if the process ended first
     * (the kill point was missed).
     */
    private static boolean killWhen(JarProcess process, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (holds(condition)) {
                process.kill();
                return true;
            }
            Thread.sleep(5);
        }
        if (process.isAlive()) {
            process.kill();
            throw new AssertionError("The condition did not hold within 3 minutes; output:\n" + process.output());
        }
        System.out.println("The process ended before the kill point; output:\n" + process.output());
        return false;
    }

    private static Map<Integer, String> tokens(DatabaseTarget db) throws SQLException {
        Map<Integer, String> tokens = new HashMap<>();
        for (Map<String, Object> row : LedgerQueries.rows(db, "select line, client_token from snapshot_row")) {
            tokens.put(((Number) row.get("line")).intValue(), (String) row.get("client_token"));
        }
        return tokens;
    }

    private static List<Map<String, Object>> lastSteps(DatabaseTarget db) throws SQLException {
        return LedgerQueries.rows(db, "select step_name, status from batch_step_execution where job_execution_id = "
                + "(select max(job_execution_id) from batch_job_execution) and step_name in ('stage', 'snapshot', 'report') "
                + "order by step_execution_id");
    }

}
