package io.snapshotbatch.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.RunDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot job through the real command line, the real SDK client over HTTP and a real emulator
 * whose counters show what the service did, on an embedded H2 ledger.
 */
class SnapshotJobTests {

    private static final String RUN_DATE = RunDates.daysAgo(7);

    private static final String OPERATION = "CreateResourceSnapshot";

    @TempDir
    Path work;

    private PartnerCentralEmulator emulator;

    @AfterEach
    void stopEmulator() {
        if (this.emulator != null) {
            this.emulator.close();
        }
    }

    @Test
    void createsEveryValidRowOnceAndAccountsForEveryRow() throws Exception {
        // given
        startEmulator(EmulatorSettings.defaults().withPort(0));
        DatabaseTarget db = TestDatabases.h2(this.work);
        // when
        int exit = run(db, "--input", "sample-input/pairs.csv", "--rate", "200");
        // then
        ReportFiles report = report();
        assertThat(exit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "COMPLETED").containsEntry("pending", "0");
        List<Map<String, String>> created = report.withOutcome("CREATED");
        assertThat(created).hasSize(44).allSatisfy((row) -> {
            assertThat(row.get("snapshot_arn")).startsWith("arn:aws:partnercentral:us-east-1::catalog/")
                .endsWith("/snapshot/" + row.get("revision"));
            assertThat(row.get("revision")).isEqualTo("1");
            assertThat(row.get("attempts")).isEqualTo("1");
        });
        assertThat(created.stream().map((row) -> row.get("client_token")).collect(Collectors.toSet())).hasSize(44);
        assertThat(report.withOutcome("REJECTED")).hasSize(6);
        assertThat(report.withOutcome("DUPLICATE")).extracting((row) -> row.get("error_message"))
            .containsExactlyInAnyOrder("duplicate of line 7", "duplicate of line 11");
        assertThat(this.emulator.stats().calls(OPERATION, "Success")).isEqualTo(44);
        assertThat(this.emulator.stats().revisionsByKey()).hasSize(44).allSatisfy((key, revisions) -> assertThat(revisions).isEqualTo(1));
    }

    @Test
    void aCompletedRunDateIsNotSentAgainUnlessForced() throws Exception {
        // given
        startEmulator(EmulatorSettings.defaults().withPort(0));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv("eng-aaaaaaaaaaaaa1,O1", "eng-aaaaaaaaaaaaa2,O2");
        assertThat(run(db, "--input", input.toString(), "--rate", "100")).isEqualTo(ExitCodes.OK);
        Set<String> firstTokens = tokens(report());
        // when
        int again = run(db, "--input", input.toString(), "--rate", "100");
        // then
        assertThat(again).isEqualTo(ExitCodes.OK);
        assertThat(this.emulator.stats().totalCalls(OPERATION)).isEqualTo(2);
        // when
        int forced = run(db, "--input", input.toString(), "--rate", "100", "--force-new-run");
        // then
        assertThat(forced).isEqualTo(ExitCodes.OK);
        assertThat(this.emulator.stats().revisionsByKey().values()).containsOnly(2);
        // Each generation keeps its own report: the forced one next to the first, which stays as it was.
        ReportFiles generation1 = ReportFiles.read(this.work.resolve("reports").resolve(RUN_DATE), "generation-1");
        assertThat(tokens(generation1)).hasSize(2).doesNotContainAnyElementsOf(firstTokens);
        assertThat(tokens(report())).isEqualTo(firstTokens);
    }

    @Test
    void serviceRefusalsAreRecordedOnTheirRowsAndTheRunGoesOn() throws Exception {
        // given: the service knows only two of the three engagements, and not the template of the fourth row
        startEmulator(EmulatorSettings.defaults()
            .withPort(0)
            .withKnownEngagements(Set.of("eng-aaaaaaaaaaaaa1", "eng-aaaaaaaaaaaaa2")));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv("eng-aaaaaaaaaaaaa1,O1", "eng-aaaaaaaaaaaaa9,O2", "eng-aaaaaaaaaaaaa2,O3",
                "eng-aaaaaaaaaaaaa2,O4,Sandbox,NoSuchTemplate");
        // when
        int exit = run(db, "--input", input.toString(), "--rate", "100");
        // then
        ReportFiles report = report();
        assertThat(exit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
        assertThat(report.withOutcome("CREATED")).extracting((row) -> row.get("resource_id")).containsExactlyInAnyOrder("O1", "O3");
        assertThat(report.withOutcome("FAILED")).extracting((row) -> row.get("error_code"))
            .containsExactlyInAnyOrder("ResourceNotFoundException", "ValidationException");
        assertThat(report.withOutcome("FAILED")).allSatisfy((row) -> assertThat(row.get("error_message")).isNotBlank());
    }

    @Test
    void aSpentBudgetStopsTheRunAndTheSameCommandResumesWithoutDuplicates() throws Exception {
        // given
        startEmulator(EmulatorSettings.defaults().withPort(0));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv(rows(12));
        // when
        int first = run(db, "--input", input.toString(), "--rate", "100", "--daily-budget", "5");
        // then
        assertThat(first).isEqualTo(ExitCodes.STOPPED);
        ReportFiles stopped = report();
        assertThat(stopped.balances()).isTrue();
        assertThat(stopped.summary()).containsEntry("status", "STOPPED").containsEntry("created", "5").containsEntry("pending", "7");
        assertThat(this.emulator.stats().totalCalls(OPERATION)).isEqualTo(5);
        // when: the budget counts the calls of earlier launches of the run
        int second = run(db, "--input", input.toString(), "--rate", "100", "--daily-budget", "5");
        // then
        assertThat(second).isEqualTo(ExitCodes.STOPPED);
        assertThat(this.emulator.stats().totalCalls(OPERATION)).isEqualTo(5);
        // when
        int third = run(db, "--input", input.toString(), "--rate", "100");
        // then
        assertThat(third).isEqualTo(ExitCodes.OK);
        assertThat(report().summary()).containsEntry("created", "12").containsEntry("api_calls", "12");
        assertThat(this.emulator.stats().revisionsByKey()).hasSize(12).allSatisfy((key, revisions) -> assertThat(revisions).isEqualTo(1));
    }

    @Test
    void aQuotaSpentAtTheServiceStopsTheRunWithThrottledRowsPendingNeverFailed() throws Exception {
        // given: the service's rolling daily quota allows three snapshots; "minutes" of refusals shortened to 2 s
        startEmulator(EmulatorSettings.defaults().withPort(0).withDailyQuota(3));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv(rows(6));
        System.setProperty("snapshot.quota-spent-after", "2s");
        System.setProperty("snapshot.pace-floor", "2");
        int exit;
        try {
            // when
            exit = run(db, "--input", input.toString(), "--rate", "4", "--partitions", "1");
        }
        finally {
            System.clearProperty("snapshot.quota-spent-after");
            System.clearProperty("snapshot.pace-floor");
        }
        // then
        ReportFiles report = report();
        assertThat(exit).isEqualTo(ExitCodes.STOPPED);
        assertThat(report.balances()).isTrue();
        assertThat(report.summary()).containsEntry("status", "STOPPED").containsEntry("created", "3").containsEntry("pending", "3");
        assertThat(report.summary().get("stop_reason")).contains("daily quota looks spent");
        assertThat(report.summary()).containsEntry("pace_limited_by", "quota").containsEntry("rate_ceiling", "4");
        assertThat(report.summaryCount("throttled_calls")).isPositive();
        assertThat(report.withOutcome("FAILED")).isEmpty();
        assertThat(report.withOutcome("PENDING")).allSatisfy((row) -> assertThat(row.get("error_code")).isIn("ThrottlingException", "NotSent", ""));
    }

    @Test
    void neverSendsFasterThanTheRateAcrossAllPartitions() throws Exception {
        // given: the emulator throttles anything beyond 10 calls/s
        startEmulator(EmulatorSettings.defaults().withPort(0).withRatePerSecond(10));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv(rows(21));
        // when
        int exit = run(db, "--input", input.toString(), "--rate", "10", "--partitions", "4");
        // then: 21 calls at 10/s are 20 intervals of 100 ms (the first may be shortened by the limiter's
        // cycle, and responses jitter), where an unthrottled run takes well under 300 ms; none was throttled
        assertThat(exit).isEqualTo(ExitCodes.OK);
        ReportFiles report = report();
        List<Instant> times = report.rows().stream().map((row) -> Instant.parse(row.get("updated_at"))).sorted().toList();
        assertThat(java.time.Duration.between(times.get(0), times.get(times.size() - 1))).isGreaterThan(java.time.Duration.ofMillis(1500));
        assertThat(this.emulator.stats().calls(OPERATION, "ThrottlingException")).isZero();
        assertThat(report.summaryCount("api_calls")).isEqualTo(21);
    }

    @Test
    void transientFaultsAreRetriedWithTheSameTokenAndNeverDuplicate() throws Exception {
        // given: a quarter of all calls throttled, failed with 500 or dropped
        startEmulator(EmulatorSettings.defaults().withPort(0).withFaultRate(0.25).withRandomSeed(42));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv(rows(30));
        // when
        int exit = run(db, "--input", input.toString(), "--rate", "200");
        // then
        ReportFiles report = report();
        assertThat(report.balances()).isTrue();
        assertThat(this.emulator.stats().revisionsByKey().values()).allSatisfy((revisions) -> assertThat(revisions).isEqualTo(1));
        assertThat(report.withOutcome("CREATED").size() + report.withOutcome("FAILED").size()
                + report.withOutcome("PENDING").size()).isEqualTo(30);
        assertThat(report.summaryCount("api_calls")).isGreaterThan(30);
        assertThat(exit).isIn(ExitCodes.OK, ExitCodes.FINISHED_WITH_PROBLEMS, ExitCodes.STOPPED);
    }

    @Test
    void asManyPartitionsAsAllowedShareTheConnectionPoolWithoutStarving() throws Exception {
        // given: every partition holds a connection while its chunk's calls are in flight, here two
        // calls of 6 s each: longer than the pool's 10 s wait for a connection
        startEmulator(EmulatorSettings.defaults().withPort(0).withLatencyMs(6000));
        DatabaseTarget db = TestDatabases.h2(this.work);
        Path input = csv(rows(128));
        // when
        int exit = run(db, "--input", input.toString(), "--rate", "1000", "--partitions", "64");
        // then
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(report().summary()).containsEntry("created", "128").containsEntry("status", "COMPLETED");
    }

    private void startEmulator(EmulatorSettings settings) throws Exception {
        this.emulator = PartnerCentralEmulator.start(settings);
    }

    private int run(DatabaseTarget db, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--run-date", RUN_DATE, "--endpoint",
                this.emulator.endpoint().toString(), "--report-dir", this.work.resolve("reports").toString()));
        all.addAll(List.of(args));
        return InProcessCli.run(db, all.toArray(String[]::new));
    }

    private ReportFiles report() throws Exception {
        return ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
    }

    private static Set<String> tokens(ReportFiles report) {
        return new HashSet<>(report.withOutcome("CREATED").stream().map((row) -> row.get("client_token")).toList());
    }

    private static String[] rows(int count) {
        String[] rows = new String[count];
        for (int i = 0; i < count; i++) {
            rows[i] = "eng-%014d,O%d".formatted(i, 1000 + i);
        }
        return rows;
    }

    private Path csv(String... rows) throws Exception {
        Path file = Files.createTempFile(this.work, "pairs", ".csv");
        Files.writeString(file, "engagement_id,opportunity_id,catalog,template\n" + String.join("\n", rows) + "\n");
        return file;
    }

}
