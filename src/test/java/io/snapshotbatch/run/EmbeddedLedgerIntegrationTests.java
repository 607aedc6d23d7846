package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two run dates at once on one embedded H2 file. The file is served from inside the process that opened
 * it first, so a second run would die when the first exits: it is refused at once (exit 5) with one line
 * naming the run that holds the file, and runs normally once that one has ended.
 */
class EmbeddedLedgerIntegrationTests extends RestartIntegrationTestSupport {

    private static final String OTHER_DATE = RunDates.daysAgo(3);

    @Test
    void aSecondRunDateOnTheSameH2FileIsRefusedAtOnceAndRunsOnceTheFirstHasEnded() throws Exception {
        // given: a run is sending on the H2 file
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        int rows = 30;
        Path firstInput = InputFiles.validPairs(this.work, "onea", rows);
        Path secondInput = InputFiles.validPairs(this.work, "twob", 3);
        List<String> second = new ArrayList<>(runCommand(db, secondInput, "100"));
        second.set(second.indexOf(RUN_DATE), OTHER_DATE);
        EmulatorProcess.Stats before = emulator.stats();
        JarProcess first = JarProcess.start(this.work, Map.of(), runCommand(db, firstInput, "4"));
        try {
            awaitOrFail(first, () -> emulator.stats().allCreates() > before.allCreates());
            // when: another run date on the same file
            long launchedAt = System.nanoTime();
            JarProcess refused = JarProcess.start(this.work, Map.of(), second);
            int refusedExit = refused.waitFor(Duration.ofMinutes(1));
            long refusedMillis = (System.nanoTime() - launchedAt) / 1_000_000;
            boolean firstStillRunning = first.isAlive();
            // then
            System.out.printf("second run date on one H2 file: refused in %d ms%n", refusedMillis);
            assertThat(refusedExit).as(refused.output()).isEqualTo(ExitCodes.ALREADY_RUNNING);
            assertThat(refused.output().strip().lines()).hasSize(1)
                .allSatisfy((line) -> assertThat(line).startsWith("snapshot-batch: ").contains("in use by run " + RUN_DATE));
            assertThat(refusedMillis).as("refused at once").isLessThan(20_000);
            assertThat(firstStillRunning).as("the first run was still running when the second was refused").isTrue();
            assertThat(emulator.stats().revisionsOf("eng-twob")).isEmpty();
            // then: the first is not disturbed
            assertThat(first.waitFor(Duration.ofMinutes(3))).as(first.output()).isEqualTo(ExitCodes.OK);

            // when: the second run date, launched again once the first has ended
            JarProcess again = JarProcess.start(this.work, Map.of(), second);
            // then
            assertThat(again.waitFor(Duration.ofMinutes(3))).as(again.output()).isEqualTo(ExitCodes.OK);
            EmulatorProcess.Stats after = emulator.stats();
            assertThat(after.revisionsOf("eng-onea")).containsOnlyKeys(allKeys("onea", rows))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
            assertThat(after.revisionsOf("eng-twob")).containsOnlyKeys(allKeys("twob", 3))
                .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
        }
        finally {
            if (first.isAlive()) {
                first.kill();
            }
        }
    }

}
