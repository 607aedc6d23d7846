package io.snapshotbatch.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands say and leave behind around a run that was killed, finished, and run again with
 * {@code --force-new-run}: {@code status} tells a killed run from a running one, {@code rerun-failed}
 * says which rows it sends, report files get the usual permissions, every generation keeps its
 * report, and no command names a report file that does not exist.
 */
class RunLifecycleIntegrationTests extends RestartIntegrationTestSupport {

    private static final int ROWS = 40;

    /**
     * Slow enough that the run still goes on when status (a JVM and a Spring context) has answered, even on
     * a busy machine; it is killed then.
     */
    private static final String SLOW = "0.5";

    @Test
    void onH2StatusTellsAKilledRunFromARunningOneRerunSaysWhatItSendsAndEachGenerationKeepsItsReport() throws Exception {
        // given: a run killed mid-way, looked at by status before and after the kill
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        Path input = InputFiles.validPairs(this.work, "lifh", ROWS);
        EmulatorProcess.Stats before = emulator.stats();
        statusWhileRunningThenKilled(db, runCommand(db, input, SLOW), before);

        // when: rerun-failed, on a run with PENDING rows and no FAILED one
        JarProcess rerun = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(db, "rerun-failed", "--run-date",
                RUN_DATE, "--endpoint", emulator.endpoint(), "--rate", "100", "--report-dir", "reports"));
        // then: it says it sends those PENDING rows, and they are created once each
        assertThat(rerun.waitFor(Duration.ofMinutes(3))).as(rerun.output()).isEqualTo(ExitCodes.OK);
        assertThat(rerun.output()).contains("has no FAILED rows; sending its").contains("PENDING rows")
            .doesNotContain("Re-sending 0 FAILED rows");
        assertThat(emulator.stats().revisionsOf("eng-lifh")).containsOnlyKeys(allKeys("lifh", ROWS))
            .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
        // then: the report files have the permissions of any new file here (the umask), not 0600
        Path generation0 = this.work.resolve("reports").resolve(RUN_DATE);
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(this.work.resolve("any-new-file")));
        assertThat(Files.getPosixFilePermissions(generation0.resolve("reconciliation.csv"))).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(generation0.resolve("summary.csv"))).isEqualTo(usual);
        String generation0Report = Files.readString(generation0.resolve("reconciliation.csv"));

        // when: a new generation of the completed run date
        List<String> forced = new ArrayList<>(runCommand(db, input, "100"));
        forced.add("--force-new-run");
        JarProcess force = JarProcess.start(this.work, Map.of(), forced);
        // then: its report has a directory of its own; generation 0's is untouched
        assertThat(force.waitFor(Duration.ofMinutes(3))).as(force.output()).isEqualTo(ExitCodes.OK);
        ReportFiles generation1 = ReportFiles.read(generation0, "generation-1");
        assertThat(generation1.summary()).containsEntry("generation", "1").containsEntry("status", "COMPLETED");
        assertThat(force.output()).contains("Report: " + generation0.resolve("generation-1").resolve("reconciliation.csv"));
        assertThat(Files.readString(generation0.resolve("reconciliation.csv"))).isEqualTo(generation0Report);

        // when: the completed run date is launched again, its report in place
        JarProcess completed = JarProcess.start(this.work, Map.of(), runCommand(db, input, "100"));
        // then: it names the report written when the run completed, by its full path, report.html included
        assertThat(completed.waitFor(Duration.ofMinutes(2))).as(completed.output()).isEqualTo(ExitCodes.OK);
        assertThat(completed.output()).contains("Report (written when the run completed): "
                + generation0.resolve("generation-1").resolve("reconciliation.csv").toAbsolutePath().normalize()
                + ", summary.csv and report.html");

        // when: the reports are gone and the completed run date is launched again
        deleteRecursively(this.work.resolve("reports"));
        JarProcess again = JarProcess.start(this.work, Map.of(), runCommand(db, input, "100"));
        // then: it names no report file, and says how to get one
        assertThat(again.waitFor(Duration.ofMinutes(2))).as(again.output()).isEqualTo(ExitCodes.OK);
        assertThat(again.output()).contains("already completed").doesNotContain("Report: ")
            .contains("No report of this run in").contains("report --run-date " + RUN_DATE + " --generation 1");

        // when: generation 0's report is asked for
        JarProcess report = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(db, "report", "--run-date",
                RUN_DATE, "--generation", "0", "--report-dir", "reports"));
        // then
        assertThat(report.waitFor(Duration.ofMinutes(2))).as(report.output()).isEqualTo(ExitCodes.OK);
        ReportFiles rewritten = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(rewritten.summary()).containsEntry("generation", "0").containsEntry("status", "COMPLETED")
            .containsEntry("created", String.valueOf(ROWS));
        assertThat(this.work.resolve("reports").resolve(RUN_DATE).resolve("generation-1")).doesNotExist();
        assertThat(emulator.stats().creates("Success") - before.creates("Success")).as("generation 1 created every row once more")
            .isEqualTo(2L * ROWS);
    }

    @Test
    void onPostgresStatusTellsAKilledRunFromARunningOne() throws Exception {
        // given
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            Path input = InputFiles.validPairs(this.work, "lifp", ROWS);
            // when, then (that the same command recovers a killed run: RestartKillIntegrationTests)
            statusWhileRunningThenKilled(db, runCommand(db, input, SLOW), emulator.stats());
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    /** Launches the run, checks that status sees it running, kills it (SIGKILL), checks that status sees that. */
    private void statusWhileRunningThenKilled(DatabaseTarget db, List<String> command, EmulatorProcess.Stats before)
            throws Exception {
        JarProcess run = JarProcess.start(this.work, Map.of(), command);
        try {
            awaitOrFail(run, () -> emulator.stats().allCreates() - before.allCreates() >= 1);
            // when
            JarProcess running = status(db);
            // then
            assertThat(running.waitFor(Duration.ofMinutes(1))).as(running.output()).isEqualTo(ExitCodes.OK);
            assertThat(run.isAlive()).as("the run outlived the status command: " + run.output()).isTrue();
            assertThat(running.output()).contains("RUNNING - a process is running it");
        }
        finally {
            run.kill();
        }
        // when
        JarProcess killed = status(db);
        // then
        assertThat(killed.waitFor(Duration.ofMinutes(1))).as(killed.output()).isEqualTo(ExitCodes.OK);
        assertThat(killed.output()).contains("INTERRUPTED - no process holds this run")
            .contains("launching the same command again recovers").doesNotContain("RUNNING");
    }

    private JarProcess status(DatabaseTarget db) throws Exception {
        return JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(db, "status", "--run-date", RUN_DATE));
    }

    private static void deleteRecursively(Path directory) throws Exception {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
