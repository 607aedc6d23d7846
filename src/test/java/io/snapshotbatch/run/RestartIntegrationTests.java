package io.snapshotbatch.run;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.ThrowawayPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart promises of the product, with nothing simulated: the built jar runs as a child JVM on a
 * real PostgreSQL database, against the emulator running as another child JVM, and is killed with
 * SIGKILL or stopped with SIGTERM as a scheduler or the kernel would. The emulator's revision counts
 * are the proof that no opportunity got two snapshots.
 */
class RestartIntegrationTests {

    private static final String RUN_DATE = "2026-12-01";

    private static final String RECOVERING = "was left STARTED by a process that died; recovering it";

    private static EmulatorProcess emulator;

    @TempDir
    static Path emulatorDir;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        // 20 ms per call: a partition has calls in flight most of the time, so a kill lands mid-chunk.
        emulator = EmulatorProcess.start(emulatorDir, "--latency-ms", "20");
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

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

    @Test
    void sigtermRecordsTheCallsInFlightWritesTheReportExitsFourAndTheSameCommandResumes() throws Exception {
        // given
        int rows = 60;
        DatabaseTarget db = TestDatabases.freshPostgres();
        Path input = InputFiles.validPairs(this.work, "term", rows);
        List<String> command = runCommand(db, input, "5");
        EmulatorProcess.Stats before = emulator.stats();
        try {
            JarProcess run = JarProcess.start(this.work, Map.of(), command);
            awaitOrFail(run, () -> emulator.stats().allCreates() - before.allCreates() >= 5);
            // when
            long signalledAt = System.nanoTime();
            run.terminate();
            int exit = run.waitFor(Duration.ofMinutes(2));
            long stopMillis = (System.nanoTime() - signalledAt) / 1_000_000;
            // then
            EmulatorProcess.Stats stopped = emulator.stats();
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            long created = stopped.creates("Success") - before.creates("Success");
            System.out.printf("SIGTERM test: stopped in %d ms with %d created, %s pending%n", stopMillis, created,
                    report.summary().get("pending"));
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(report.balances()).isTrue();
            assertThat(report.summary()).containsEntry("status", "STOPPED");
            assertThat(report.summary().get("stop_reason")).contains("signal");
            assertThat(report.summaryCount("pending")).isPositive();
            assertThat(report.withOutcome("PENDING")).hasSize((int) report.summaryCount("pending"));
            // Every call the service answered before the stop is recorded: none is left to be replayed.
            assertThat(report.withOutcome("CREATED")).hasSize((int) created);
            assertThat(report.summaryCount("created") + report.summaryCount("pending")).isEqualTo(rows);

            // when
            JarProcess resume = JarProcess.start(this.work, Map.of(), command);
            int resumed = resume.waitFor(Duration.ofMinutes(3));
            // then
            EmulatorProcess.Stats after = emulator.stats();
            assertThat(resumed).as(resume.output()).isEqualTo(ExitCodes.OK);
            assertThat(after.revisionsOf("eng-term")).containsOnlyKeys(allKeys("term", rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.creates("Replay") - before.creates("Replay")).isZero();
            assertThat(after.allCreates() - before.allCreates()).isEqualTo(rows);
            ReportFiles finished = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(finished.balances()).isTrue();
            assertThat(finished.summary()).containsEntry("status", "COMPLETED").containsEntry("pending", "0");
            assertThat(finished.withOutcome("CREATED")).hasSize(rows);
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aSecondLaunchWhileTheRunDateRunsOnPostgresExitsFiveAndTheFirstFinishes() throws Exception {
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            secondLaunchIsRefused(db, "conp");
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aSecondLaunchWhileTheRunDateRunsOnH2ExitsFiveAndTheFirstFinishes() throws Exception {
        secondLaunchIsRefused(TestDatabases.h2(this.work.resolve("h2")), "conh");
    }

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

    private void secondLaunchIsRefused(DatabaseTarget db, String prefix) throws Exception {
        // given: a slow run of the run date is sending
        int rows = 30;
        Path input = InputFiles.validPairs(this.work, prefix, rows);
        List<String> command = runCommand(db, input, "2");
        EmulatorProcess.Stats before = emulator.stats();
        JarProcess first = JarProcess.start(this.work, Map.of(), command);
        try {
            awaitOrFail(first, () -> emulator.stats().allCreates() > before.allCreates());
            // when
            long launchedAt = System.nanoTime();
            JarProcess second = JarProcess.start(this.work, Map.of(), command);
            int secondExit = second.waitFor(Duration.ofMinutes(1));
            long refusedMillis = (System.nanoTime() - launchedAt) / 1_000_000;
            // then
            boolean firstStillRunning = first.isAlive();
            System.out.printf("concurrent launch on %s: second refused in %d ms%n", db.url(), refusedMillis);
            assertThat(secondExit).as(second.output()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(second.output()).contains("is already running in another process");
            assertThat(refusedMillis).as("refused at once, without opening the job").isLessThan(20_000);
            assertThat(firstStillRunning).as("the first run was still running when the second was refused").isTrue();
            // then: the first is not disturbed
            int firstExit = first.waitFor(Duration.ofMinutes(3));
            EmulatorProcess.Stats after = emulator.stats();
            assertThat(firstExit).as(first.output()).isEqualTo(ExitCodes.OK);
            assertThat(after.revisionsOf("eng-" + prefix)).containsOnlyKeys(allKeys(prefix, rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.allCreates() - before.allCreates()).isEqualTo(rows);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
            assertThat(report.balances()).isTrue();
            assertThat(report.withOutcome("CREATED")).hasSize(rows);
        }
        finally {
            if (first.isAlive()) {
                first.kill();
            }
        }
    }

    private List<String> runCommand(DatabaseTarget db, Path input, String rate) {
        return JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", RUN_DATE, "--endpoint",
                emulator.endpoint(), "--rate", rate, "--partitions", "4", "--report-dir", "reports");
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

    private static void awaitOrFail(JarProcess process, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!holds(condition)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.kill();
                throw new AssertionError("The awaited state never came; output:\n" + process.output());
            }
            Thread.sleep(20);
        }
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return condition.call();
        }
        catch (Exception notYet) {
            // Tables not migrated yet, emulator busy: not yet.
            return false;
        }
    }

    /** A launch after a kill that left the execution STARTED must say it recovers it. */
    private static void assertRecoveredIfLeftStarted(String statusBefore, JarProcess launch) throws Exception {
        if ("STARTED".equals(statusBefore)) {
            assertThat(launch.output()).contains(RECOVERING);
        }
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

    private static Map<Integer, String> createdArns(DatabaseTarget db) throws SQLException {
        Map<Integer, String> arns = new HashMap<>();
        for (Map<String, Object> row : LedgerQueries.rows(db,
                "select line, snapshot_arn from snapshot_row where outcome = 'CREATED'")) {
            arns.put(((Number) row.get("line")).intValue(), (String) row.get("snapshot_arn"));
        }
        return arns;
    }

    private static String[] allKeys(String prefix, int rows) {
        return IntStream.rangeClosed(1, rows).mapToObj((n) -> InputFiles.revisionKey(prefix, n)).toArray(String[]::new);
    }

}
