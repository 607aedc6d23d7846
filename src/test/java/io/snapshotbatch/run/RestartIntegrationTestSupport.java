package io.snapshotbatch.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.RunDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared by the restart integration tests, which check the product's restart promises with nothing simulated:
 * the built jar runs as a child JVM on a real database, against the emulator running as another child JVM
 * (started once per test class), and is killed with SIGKILL or stopped with SIGTERM as a scheduler or the
 * kernel would. The emulator's revision counts are the proof that no opportunity got two snapshots.
 */
abstract class RestartIntegrationTestSupport {

    static final String RUN_DATE = RunDates.daysAgo(1);

    static final String RECOVERING = "was left STARTED by a process that died";

    static EmulatorProcess emulator;

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

    List<String> runCommand(DatabaseTarget db, Path input, String rate) {
        return JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", RUN_DATE, "--endpoint",
                emulator.endpoint(), "--rate", rate, "--partitions", "4", "--report-dir", "reports");
    }

    static void awaitOrFail(JarProcess process, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!holds(condition)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.kill();
                throw new AssertionError("The awaited state never came; output:\n" + process.output());
            }
            Thread.sleep(20);
        }
    }

    static boolean holds(Callable<Boolean> condition) {
        try {
            return condition.call();
        }
        catch (Exception notYet) {
            // Tables not migrated yet, emulator busy: not yet.
            return false;
        }
    }

    /** A launch after a kill that left the execution STARTED must say it recovers it. */
    static void assertRecoveredIfLeftStarted(String statusBefore, JarProcess launch) throws Exception {
        if ("STARTED".equals(statusBefore)) {
            assertThat(launch.output()).contains(RECOVERING);
        }
    }

    static String[] allKeys(String prefix, int rows) {
        return IntStream.rangeClosed(1, rows).mapToObj((n) -> InputFiles.revisionKey(prefix, n)).toArray(String[]::new);
    }

}
