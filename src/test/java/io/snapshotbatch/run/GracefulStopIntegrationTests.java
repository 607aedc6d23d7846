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
 * SIGTERM (a scheduler's stop) and SIGINT (Ctrl-C) mid-run, on the default embedded H2 ledger and on
 * PostgreSQL: each stop records the calls in flight, writes a STOPPED report with PENDING rows and a
 * stop reason, exits 4 within seconds without a stack trace; the same command then finishes the run
 * with exactly one snapshot revision per row.
 */
class GracefulStopIntegrationTests extends RestartIntegrationTestSupport {

    private static final int ROWS = 40;

    @Test
    void sigtermThenSigintOnTheEmbeddedH2LedgerEachStopWithAReportAndTheSameCommandFinishes() throws Exception {
        stopTwiceThenFinish(TestDatabases.h2(this.work.resolve("h2")), "sgth");
    }

    @Test
    void sigtermThenSigintOnPostgresEachStopWithAReportAndTheSameCommandFinishes() throws Exception {
        DatabaseTarget db = TestDatabases.freshPostgres();
        try {
            stopTwiceThenFinish(db, "sgtp");
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aSigtermWhileALargeInputIsStagedStopsWithinSecondsAndTheNextLaunchStagesItWhole() throws Exception {
        // given: an input whose staging takes far longer than a stop may (300,000 rows on the default H2)
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2-staging"));
        Path input = InputFiles.validPairs(this.work, "sgst", 300_000);
        JarProcess run = JarProcess.start(this.work, Map.of(), runCommand(db, input, "5"));
        awaitOrFail(run, () -> run.output().contains("Starting run"));

        // when
        Thread.sleep(500);
        run.terminate();
        long signalledAt = System.nanoTime();
        int exit = run.waitFor(Duration.ofMinutes(2));
        long stopMillis = (System.nanoTime() - signalledAt) / 1_000_000;

        // then: stopped while staging, nothing staged, nothing sent, no trace
        String output = run.output();
        System.out.printf("stop while staging: exit %d in %d ms%n", exit, stopMillis);
        assertThat(exit).as(output).isEqualTo(ExitCodes.STOPPED);
        assertThat(output).contains("Staging of run " + RUN_DATE + " stopped").doesNotContain("Staged 300000 rows");
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(stopMillis).as("stopped within seconds, not after the whole input").isLessThan(30_000);
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(report.summary()).containsEntry("status", "STOPPED").containsEntry("created", "0");
        assertThat(report.summary().get("stop_reason")).contains("SIGTERM");
    }

    private void stopTwiceThenFinish(DatabaseTarget db, String prefix) throws Exception {
        // given
        Path input = InputFiles.validPairs(this.work, prefix, ROWS);
        List<String> command = runCommand(db, input, "5");
        EmulatorProcess.Stats before = emulator.stats();

        // when: SIGTERM once calls are under way
        ReportFiles first = stopWith(command, before, 5, false);
        // then
        assertThat(first.summary().get("stop_reason")).contains("signal").contains("SIGTERM");

        // when: the same command, stopped with Ctrl-C (SIGINT)
        long createdBefore = first.summaryCount("created");
        ReportFiles second = stopWith(command, before, createdBefore + 3, true);
        // then
        assertThat(second.summary().get("stop_reason")).contains("signal").contains("SIGINT");
        assertThat(second.summaryCount("created")).isGreaterThan(createdBefore);

        // when: the same command once more
        JarProcess finish = JarProcess.start(this.work, Map.of(), command);
        int finished = finish.waitFor(Duration.ofMinutes(3));
        // then: every row exactly once at the service, and nothing was lost by the stops
        EmulatorProcess.Stats after = emulator.stats();
        assertThat(finished).as(finish.output()).isEqualTo(ExitCodes.OK);
        assertThat(after.revisionsOf("eng-" + prefix)).containsOnlyKeys(allKeys(prefix, ROWS))
            .allSatisfy((key, revisions) -> assertThat(revisions).as(key).isEqualTo(1));
        assertThat(after.allCreates() - before.allCreates()).isEqualTo(ROWS);
        assertThat(after.creates("Replay") - before.creates("Replay")).as("calls answered but not recorded").isZero();
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "COMPLETED").containsEntry("pending", "0");
    }

    /** Launches the command, signals it once {@code creates} calls were answered, and checks how it stopped. */
    private ReportFiles stopWith(List<String> command, EmulatorProcess.Stats before, long creates, boolean sigint)
            throws Exception {
        JarProcess run = JarProcess.start(this.work, Map.of(), command);
        awaitOrFail(run, () -> emulator.stats().allCreates() - before.allCreates() >= creates);
        long signalledAt = System.nanoTime();
        if (sigint) {
            run.interrupt();
        }
        else {
            run.terminate();
        }
        int exit = run.waitFor(Duration.ofMinutes(1));
        long stopMillis = (System.nanoTime() - signalledAt) / 1_000_000;
        EmulatorProcess.Stats stopped = emulator.stats();
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        System.out.printf("graceful stop (%s): exit %d in %d ms, %s created, %s pending%n", sigint ? "SIGINT" : "SIGTERM",
                exit, stopMillis, report.summary().get("created"), report.summary().get("pending"));
        String output = run.output();
        assertThat(exit).as(output).isEqualTo(ExitCodes.STOPPED);
        assertThat(stopMillis).as("stopped within seconds").isLessThan(15_000);
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain(" ERROR ");
        assertThat(output).contains("STOPPED").contains("Report: ");
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "STOPPED");
        assertThat(report.summaryCount("pending")).isPositive();
        assertThat(report.withOutcome("PENDING")).hasSize((int) report.summaryCount("pending"));
        // Every call the service answered before the stop is recorded in the report.
        assertThat(report.summaryCount("created")).isEqualTo(stopped.creates("Success") - before.creates("Success"));
        return report;
    }

}
