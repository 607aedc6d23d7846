package io.snapshotbatch.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each state a kill can leave in Spring Batch's tables, built directly with SQL on a real ledger (H2 and
 * PostgreSQL): the next launch of the same command finishes the run from the ledger, says in one warning
 * what it recovered, and no row gets a second snapshot.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchMetadataRecoveryTests {

    private static final String RUN_DATE = RunDates.daysAgo(3);

    private static final int ROWS = 60;

    private static final String LAST_EXECUTION = "(select max(job_execution_id) from batch_job_execution)";

    private static final String LAST_STEPS = "select step_execution_id from batch_step_execution where job_execution_id = "
            + LAST_EXECUTION;

    /** What a kill leaves in the ledger: the run still RUNNING, its end never recorded. */
    private static final String RUN_LEFT_RUNNING = "update snapshot_run set status = 'RUNNING', finished_at = null, stop_reason = null";

    private static final String[] DELETE_STEPS = {
            "delete from batch_step_execution_context where step_execution_id in (" + LAST_STEPS + ")",
            "delete from batch_step_execution where job_execution_id = " + LAST_EXECUTION };

    private static final String[] DELETE_EXECUTION = {
            "delete from batch_job_execution_context where job_execution_id = " + LAST_EXECUTION,
            "delete from batch_job_execution_params where job_execution_id = " + LAST_EXECUTION,
            "delete from batch_job_execution where job_execution_id = " + LAST_EXECUTION };

    private static final String EXECUTION_STARTED = "update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', "
            + "end_time = null where job_execution_id = " + LAST_EXECUTION;

    /** The states, each built on what the launch before left (a budget stop: a clean end, rows PENDING). */
    enum LeftBehind {

        /** Killed between Batch's creating the job instance and its execution (the first case). */
        INSTANCE_WITHOUT_EXECUTION(concat(DELETE_STEPS, DELETE_EXECUTION, RUN_LEFT_RUNNING)),

        /** Killed mid-partition: the execution and its running steps left STARTED. */
        EXECUTION_STARTED_WITH_STEPS(new String[] { EXECUTION_STARTED,
                "update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                        + "where step_name <> 'stage' and job_execution_id = " + LAST_EXECUTION, RUN_LEFT_RUNNING }),

        /** Killed after the execution was created, before its first step was. */
        EXECUTION_STARTED_WITHOUT_STEPS(concat(DELETE_STEPS, EXECUTION_STARTED, RUN_LEFT_RUNNING)),

        /** Killed after the execution was created, before its context was saved. */
        EXECUTION_STARTED_WITHOUT_CONTEXT(concat(DELETE_STEPS, EXECUTION_STARTED,
                "delete from batch_job_execution_context where job_execution_id = " + LAST_EXECUTION, RUN_LEFT_RUNNING)),

        /** One partition's step left STARTED under an execution whose end was recorded. */
        STEP_STARTED(new String[] { "update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null "
                + "where step_execution_id = (select max(step_execution_id) from batch_step_execution "
                + "where step_name like 'snapshotWorker%')", RUN_LEFT_RUNNING }),

        /** Batch could not record how the execution ended (the database went away at that moment). */
        UNKNOWN(new String[] { "update batch_job_execution set status = 'UNKNOWN' where job_execution_id = " + LAST_EXECUTION,
                "update batch_step_execution set status = 'UNKNOWN' where step_name <> 'stage' and job_execution_id = "
                        + LAST_EXECUTION, RUN_LEFT_RUNNING }),

        /**
         * The first case as it happened: killed just after "Starting run", before staging committed. The
         * ledger has the run and no rows; staged again, every row gets the token it had (replayed, not created twice).
         */
        INSTANCE_WITHOUT_EXECUTION_NOTHING_STAGED(concat(DELETE_STEPS, DELETE_EXECUTION,
                "delete from snapshot_run_outcome", "delete from snapshot_row",
                "update snapshot_run set staged = false, input_rows = null", RUN_LEFT_RUNNING));

        final String[] statements;

        LeftBehind(String[] statements) {
            this.statements = statements;
        }

    }

    @TempDir
    Path work;

    private PartnerCentralEmulator emulator;

    private DatabaseTarget postgres;

    @AfterEach
    void cleanUp() {
        if (this.emulator != null) {
            this.emulator.close();
        }
        if (this.postgres != null) {
            TestDatabases.dropPostgres(this.postgres);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "h2", "postgresql" })
    void afterEachStateAKillLeavesTheNextLaunchGoesOnFromTheLedgerAndTheLastFinishesTheRun(String database,
            CapturedOutput output) throws Exception {
        // given: a run stopped by its budget with rows left PENDING
        this.emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
        DatabaseTarget db = database.equals("h2") ? TestDatabases.h2(this.work) : (this.postgres = TestDatabases.freshPostgres());
        Path input = InputFiles.validPairs(this.work, "meta", ROWS);
        assertThat(run(db, input, "--daily-budget", "5")).isEqualTo(ExitCodes.STOPPED);
        for (LeftBehind state : LeftBehind.values()) {
            // given: Batch's tables as a kill leaves them
            long createdBefore = created(db);
            LedgerQueries.execute(db, state.statements);
            int logged = output.getOut().length();
            boolean last = state.ordinal() == LeftBehind.values().length - 1;
            // when: the same command, with a budget (except the last) so that the run stops again with rows left
            int exit = last ? run(db, input) : run(db, input, "--daily-budget", String.valueOf(callsSoFar(db) + 5));
            // then: it went on from the ledger, said once what it recovered, and no error
            String log = output.getOut().substring(logged);
            assertThat(exit).as(state + ": " + log).isEqualTo(last ? ExitCodes.OK : ExitCodes.STOPPED);
            assertThat(log.lines().filter((line) -> line.contains(" WARN ") && line.contains("Recovering run " + RUN_DATE)))
                .as(state + ": " + log).hasSize(1);
            assertThat(log).as(state.name()).doesNotContain("ERROR");
            if (state != LeftBehind.INSTANCE_WITHOUT_EXECUTION_NOTHING_STAGED) {
                assertThat(created(db)).as(state.name()).isGreaterThan(createdBefore);
            }
        }
        // then: every row created once, the report complete
        assertThat(LedgerQueries.outcomes(db)).isEqualTo(Map.of("CREATED", (long) ROWS));
        assertThat(this.emulator.stats().revisionsByKey()).hasSize(ROWS).allSatisfy((key, revisions) -> assertThat(revisions)
            .as(key).isEqualTo(1));
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(report.summary()).containsEntry("status", "COMPLETED").containsEntry("created", String.valueOf(ROWS));
        assertThat(report.balances()).isTrue();
    }

    private static long created(DatabaseTarget db) throws Exception {
        return LedgerQueries.outcomes(db).getOrDefault("CREATED", 0L);
    }

    private static long callsSoFar(DatabaseTarget db) throws Exception {
        return ((Number) LedgerQueries.value(db, "select coalesce(sum(attempts), 0) from snapshot_row")).longValue();
    }

    private int run(DatabaseTarget db, Path input, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--input", input.toString(), "--run-date", RUN_DATE,
                "--endpoint", this.emulator.endpoint().toString(), "--rate", "200", "--partitions", "2", "--quiet",
                "--report-dir", this.work.resolve("reports").toString()));
        args.addAll(List.of(more));
        return InProcessCli.run(db, args.toArray(String[]::new));
    }

    private static String[] concat(Object... parts) {
        return java.util.Arrays.stream(parts)
            .flatMap((part) -> (part instanceof String[] many) ? java.util.Arrays.stream(many) : java.util.stream.Stream.of((String) part))
            .toArray(String[]::new);
    }

}
