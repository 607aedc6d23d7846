package io.snapshotbatch.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.PushgatewayProcess;
import io.snapshotbatch.support.PushgatewayProcess.Sample;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --metrics-push} with the built jar and a real Pushgateway: pushes while a run goes on and once
 * more at its end, with the contract's names and grouping; a run that stops (budget, SIGTERM) pushes its
 * exit code 4 and leaves the last success of an earlier night in place.
 */
class MetricsPushIntegrationTests {

    /** Pushes every second instead of 30, so that a run of a few seconds pushes while it runs. */
    static final Map<String, String> FAST_PUSH = Map.of("SNAPSHOT_METRICS_PUSH_INTERVAL", "1s");

    @TempDir
    Path work;

    @Test
    void aRunPushesWhileItRunsAndOnceMoreAtTheEndAndVerifyPushesInItsOwnGroup() throws Exception {
        // given
        DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2"));
        try (PushgatewayProcess gateway = PushgatewayProcess.start(this.work);
                PartnerCentralEmulator service = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            Path input = InputFiles.validPairs(this.work, "mtra", 50);
            Instant before = Instant.now();

            // when
            JarProcess run = JarProcess.start(this.work, FAST_PUSH, JarProcess.withDatabase(db, "run", "--input",
                    input.toString(), "--run-date", RunDates.daysAgo(4), "--endpoint", service.endpoint().toString(), "--rate", "10",
                    "--metrics-push", gateway.address()));
            Optional<List<Sample>> midRun = watchForAMidRunPush(run, gateway, "run", 50);
            int exit = run.waitFor(Duration.ofMinutes(3));
            Instant after = Instant.now();

            // then: a push while the run went on
            assertThat(exit).as(run.output()).isEqualTo(ExitCodes.OK);
            assertThat(midRun).as("a push during the run").isPresent();
            assertThat(rows(midRun.get(), "run", "CREATED")).isBetween(1.0, 49.0);
            assertThat(rows(midRun.get(), "run", "PENDING")).isPositive();
            // and the last one, with the contract's names
            Map<String, String> runGroup = Map.of("job", "snapshot_batch", "command", "run");
            assertThat(rows(gateway.metrics(), "run", "CREATED")).isEqualTo(50);
            for (String outcome : List.of("FAILED", "REJECTED", "DUPLICATE", "PENDING")) {
                assertThat(rows(gateway.metrics(), "run", outcome)).as(outcome).isZero();
            }
            assertThat(gateway.value("snapshot_batch_api_calls", runGroup)).contains(50.0);
            assertThat(gateway.value("snapshot_batch_throttled_calls", runGroup)).contains(0.0);
            assertThat(gateway.value("snapshot_batch_read_calls", runGroup)).contains(0.0);
            assertThat(gateway.value("snapshot_batch_rate_calls_per_second", runGroup)).contains(10.0);
            assertThat(gateway.value("snapshot_batch_exit_code", runGroup)).contains(0.0);
            assertThat(gateway.value("snapshot_batch_last_success_timestamp_seconds", runGroup).orElseThrow())
                .isBetween((double) before.getEpochSecond(), (double) after.getEpochSecond());
            // grouped by job and command only: never by host or run date
            assertThat(gateway.metrics()).filteredOn((s) -> s.name().startsWith("snapshot_batch_")).allSatisfy((s) -> {
                assertThat(s.labels().keySet()).isSubsetOf("job", "command", "instance", "outcome");
                assertThat(s.labels().getOrDefault("instance", "")).isEmpty();
            });
            // Spring Batch's own observations: job and step timers
            assertThat(gateway.value("spring_batch_job_seconds_count", Map.of("spring_batch_job_name", "snapshotJob",
                    "spring_batch_job_status", "COMPLETED"))).contains(1.0);
            assertThat(gateway.value("spring_batch_step_seconds_count", Map.of("spring_batch_step_name", "snapshot"))).isPresent();

            // when: verify, its address from the environment
            JarProcess verify = JarProcess.start(this.work, Map.of("SNAPSHOT_METRICS_PUSH", gateway.address()),
                    JarProcess.withDatabase(db, "verify", "--run-date", RunDates.daysAgo(4), "--endpoint", service.endpoint().toString(),
                            "--rate", "50"));
            int verifyExit = verify.waitFor(Duration.ofMinutes(3));

            // then: its own group; the run's stays as the run left it
            assertThat(verifyExit).as(verify.output()).isEqualTo(ExitCodes.OK);
            assertThat(gateway.value("snapshot_batch_exit_code", Map.of("command", "verify"))).contains(0.0);
            assertThat(rows(gateway.metrics(), "verify", "CREATED")).isEqualTo(50);
            assertThat(gateway.value("snapshot_batch_exit_code", runGroup)).contains(0.0);
        }
    }

    @Test
    void runsThatStopPushExitCodeFourAndKeepTheLastSuccessOfAnEarlierNight() throws Exception {
        // given: a night that finished
        DatabaseTarget db = TestDatabases.freshPostgres();
        try (PushgatewayProcess gateway = PushgatewayProcess.start(this.work);
                PartnerCentralEmulator service = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            Map<String, String> runGroup = Map.of("job", "snapshot_batch", "command", "run");
            String endpoint = service.endpoint().toString();
            JarProcess night = JarProcess.start(this.work, FAST_PUSH, JarProcess.withDatabase(db, "run", "--input",
                    InputFiles.validPairs(this.work, "mtrb", 20).toString(), "--run-date", RunDates.daysAgo(3), "--endpoint", endpoint,
                    "--rate", "40", "--metrics-push", gateway.address()));
            assertThat(night.waitFor(Duration.ofMinutes(3))).as(night.output()).isEqualTo(ExitCodes.OK);
            double lastSuccess = gateway.value("snapshot_batch_last_success_timestamp_seconds", runGroup).orElseThrow();

            // when: the next night spends its budget
            JarProcess budget = JarProcess.start(this.work, FAST_PUSH, JarProcess.withDatabase(db, "run", "--input",
                    InputFiles.validPairs(this.work, "mtrc", 200).toString(), "--run-date", RunDates.daysAgo(2), "--endpoint", endpoint,
                    "--rate", "40", "--daily-budget", "15", "--metrics-push", gateway.address()));
            int budgetExit = budget.waitFor(Duration.ofMinutes(3));

            // then
            assertThat(budgetExit).as(budget.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(gateway.value("snapshot_batch_exit_code", runGroup)).contains(4.0);
            assertThat(gateway.value("snapshot_batch_api_calls", runGroup).orElseThrow()).isBetween(1.0, 15.0);
            assertThat(rows(gateway.metrics(), "run", "PENDING")).isPositive();
            assertThat(rows(gateway.metrics(), "run", "CREATED") + rows(gateway.metrics(), "run", "PENDING")).isEqualTo(200);
            assertThat(gateway.value("snapshot_batch_last_success_timestamp_seconds", runGroup)).contains(lastSuccess);

            // when: a third night is stopped with SIGTERM once it has pushed
            JarProcess sigterm = JarProcess.start(this.work, FAST_PUSH, JarProcess.withDatabase(db, "run", "--input",
                    InputFiles.validPairs(this.work, "mtrd", 300).toString(), "--run-date", RunDates.daysAgo(1), "--endpoint", endpoint,
                    "--rate", "5", "--metrics-push", gateway.address()));
            Optional<List<Sample>> midRun = watchForAMidRunPush(sigterm, gateway, "run", 300);
            assertThat(midRun).as("a push during the run; the run's output:%n%s", sigterm.output()).isPresent();
            sigterm.terminate();
            int sigtermExit = sigterm.waitFor(Duration.ofMinutes(3));

            // then
            assertThat(sigtermExit).as(sigterm.output()).isEqualTo(ExitCodes.STOPPED);
            assertThat(gateway.value("snapshot_batch_exit_code", runGroup)).contains(4.0);
            assertThat(rows(gateway.metrics(), "run", "PENDING")).isPositive();
            assertThat(rows(gateway.metrics(), "run", "CREATED")).isPositive();
            assertThat(gateway.value("snapshot_batch_last_success_timestamp_seconds", runGroup)).contains(lastSuccess);
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aMalformedAddressInTheEnvironmentIsAUsageErrorBeforeAnythingStarts() throws Exception {
        // when
        JarProcess run = JarProcess.start(this.work, Map.of("SNAPSHOT_METRICS_PUSH", "pushgateway.internal"),
                List.of("run", "--input", InputFiles.validPairs(this.work, "mtre", 3).toString(), "--endpoint", "emulator"));
        int exit = run.waitFor(Duration.ofMinutes(1));

        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(run.output().strip()).isEqualTo("snapshot-batch: SNAPSHOT_METRICS_PUSH must be HOST:PORT, "
                + "e.g. pushgateway.internal:9091, got 'pushgateway.internal'");
        assertThat(this.work.resolve("data")).doesNotExist();
    }

    /** Polls the Pushgateway while the process runs, for a push of its run half-way: some rows created, some pending. */
    static Optional<List<Sample>> watchForAMidRunPush(JarProcess process, PushgatewayProcess gateway, String command,
            int rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            List<Sample> samples = gateway.metrics();
            double created = rows(samples, command, "CREATED");
            double pending = rows(samples, command, "PENDING");
            if (created > 0 && pending > 0 && created + pending == rows) {
                return Optional.of(new ArrayList<>(samples));
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    static double rows(List<Sample> samples, String command, String outcome) {
        return samples.stream()
            .filter((s) -> s.name().equals("snapshot_batch_rows") && command.equals(s.labels().get("command"))
                    && outcome.equals(s.labels().get("outcome")))
            .mapToDouble(Sample::value)
            .findFirst()
            .orElse(-1);
    }

}
