package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second launch of a running run date refused with exit 5. (A run stopped by SIGTERM or SIGINT and resumed:
 * {@link GracefulStopIntegrationTests}.)
 */
class RestartSigtermAndConcurrentLaunchIntegrationTests extends RestartIntegrationTestSupport {

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

}
