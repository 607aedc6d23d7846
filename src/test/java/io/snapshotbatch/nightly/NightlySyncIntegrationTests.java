package io.snapshotbatch.nightly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly sync through the jar, against the emulator in its own JVM: two nights with --skip-unchanged, a run
 * from the service's associations with other accounts' present, a read failure, and a kill during the reads. The
 * emulator's revision counts prove what was created. Each test uses its own engagements and opportunities.
 */
class NightlySyncIntegrationTests {

    private static final String OTHER_ACCOUNT = "210987654321";

    private static final String OUR_ACCOUNT = "111122223333";

    private static EmulatorProcess emulator;

    @TempDir
    static Path emulatorDir;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = EmulatorProcess.start(emulatorDir);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theSecondNightCreatesOnlyTheChangedAndTheNewRowsAndReportsTheRestUnchanged() throws Exception {
        // given a first night of 30 pairs with --skip-unchanged, on H2
        DatabaseTarget db = TestDatabases.h2(this.work);
        String first = RunDates.daysAgo(2);
        String second = RunDates.daysAgo(1);
        JarProcess night1 = launch(db, pairs("nite", 10_000, 30), first, "--skip-unchanged", "--read-rate", "50");
        assertThat(night1.waitFor(Duration.ofMinutes(3))).as(night1.output()).isEqualTo(0);
        ReportFiles one = ReportFiles.read(this.work.resolve("reports"), first);
        assertThat(one.summaryCount("created")).isEqualTo(30);
        // a first night has no snapshot to compare with: one GetResourceSnapshot per row and the listings
        assertThat(one.summaryCount("read_calls")).isBetween(30L, 60L);

        // when three opportunities change, two pairs are added, and the second night runs at the default --read-rate
        emulator.post("/_emulator/opportunities", "{\"identifiers\":[\"O10003\",\"O10011\",\"O10020\"]}");
        JarProcess night2 = launch(db, pairs("nite", 10_000, 32), second, "--skip-unchanged");

        // then
        assertThat(night2.waitFor(Duration.ofMinutes(3))).as(night2.output()).isEqualTo(0);
        ReportFiles two = ReportFiles.read(this.work.resolve("reports"), second);
        assertThat(two.balances()).isTrue();
        assertThat(two.summaryCount("created")).isEqualTo(5);
        assertThat(two.summaryCount("unchanged")).isEqualTo(27);
        assertThat(two.summaryCount("api_calls")).isEqualTo(5);
        assertThat(two.summaryCount("read_calls")).isBetween(32L, 70L);
        assertThat(two.withOutcome("CREATED")).extracting((r) -> r.get("resource_id"))
            .containsExactlyInAnyOrder("O10003", "O10011", "O10020", "O10031", "O10032");
        assertThat(two.withOutcome("UNCHANGED")).allSatisfy((r) -> {
            assertThat(r.get("snapshot_arn")).endsWith("/snapshot/1");
            assertThat(r.get("revision")).isEqualTo("1");
            assertThat(r.get("error_message")).contains("LastModifiedDate", "CreatedAt");
            assertThat(r.get("attempts")).isEqualTo("0");
        });
        Map<String, Integer> revisions = emulator.stats().revisionsOf("eng-nite");
        assertThat(revisions).hasSize(32);
        assertThat(revisions.entrySet().stream().filter((e) -> e.getValue() == 2).map(Map.Entry::getKey))
            .containsExactlyInAnyOrder(key("nite", 10_000, 3), key("nite", 10_000, 11), key("nite", 10_000, 20));
        assertThat(revisions.values()).allMatch((n) -> n <= 2);
    }

    @Test
    void fromServiceStagesOnlyThisAccountsAssociationsOnceAndARestartKeepsTheStagedList() throws Exception {
        // given 20 associations of ours, 8 of another account interleaved, and one of ours listed twice (PostgreSQL)
        DatabaseTarget db = TestDatabases.freshPostgres();
        String runDate = RunDates.daysAgo(1);
        List<String> associations = new ArrayList<>();
        for (int n = 1; n <= 28; n++) {
            associations.add(association("svcs", 20_000, n, (n % 7 == 0 || n % 7 == 3) ? OTHER_ACCOUNT : OUR_ACCOUNT));
        }
        associations.add(association("svcs", 20_000, 1, OUR_ACCOUNT));
        emulator.post("/_emulator/associations", "{\"associations\":[" + String.join(",", associations) + "]}");
        List<String> command = JarProcess.withDatabase(db, "run", "--from-service", "--skip-unchanged", "--run-date",
                runDate, "--endpoint", emulator.endpoint(), "--rate", "20", "--partitions", "2", "--report-dir", "reports");

        try {
            // when the first launch stops after 6 creates (budget), and more associations of ours appear meanwhile
            List<String> budgeted = new ArrayList<>(command);
            budgeted.addAll(List.of("--daily-budget", "6"));
            JarProcess stopped = JarProcess.start(this.work, Map.of(), budgeted);
            assertThat(stopped.waitFor(Duration.ofMinutes(3))).as(stopped.output()).isEqualTo(4);
            emulator.post("/_emulator/associations", "{\"associations\":[" + association("svcs", 20_000, 40, OUR_ACCOUNT)
                    + "," + association("svcs", 20_000, 41, OUR_ACCOUNT) + "]}");
            JarProcess resumed = JarProcess.start(this.work, Map.of(), command);

            // then the run finishes with the list staged the first time: 20 of ours and the duplicate
            assertThat(resumed.waitFor(Duration.ofMinutes(3))).as(resumed.output()).isEqualTo(3);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), runDate);
            assertThat(report.balances()).isTrue();
            assertThat(report.summaryCount("input_rows")).isEqualTo(21);
            assertThat(report.summaryCount("created")).isEqualTo(20);
            assertThat(report.summaryCount("duplicates")).isEqualTo(1);
            assertThat(report.rows()).extracting((r) -> r.get("line"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 21).mapToObj(String::valueOf).toList());
            assertThat(report.withOutcome("DUPLICATE").get(0).get("resource_id")).isEqualTo("O20001");
            Map<String, Integer> revisions = emulator.stats().revisionsOf("eng-svcs");
            assertThat(revisions).hasSize(20).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
            // another account's opportunities and the associations listed after staging were never sent
            assertThat(revisions.keySet()).noneMatch((k) -> k.contains("|O20003|") || k.contains("|O20007|")
                    || k.contains("|O20040|"));
            assertThat(resumed.output()).doesNotContain("Listed");
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    @Test
    void aRowWhoseReadsFailIsCreatedNeverSkippedAndTheLogSaysSoOnce() throws Exception {
        // given a first night of 10 pairs
        DatabaseTarget db = TestDatabases.h2(this.work);
        JarProcess night1 = launch(db, pairs("rfal", 30_000, 10), RunDates.daysAgo(2), "--read-rate", "50");
        assertThat(night1.waitFor(Duration.ofMinutes(3))).as(night1.output()).isEqualTo(0);

        try {
            // when every read of two unchanged opportunities fails during the second night
            emulator.post("/_emulator/read-faults", "{\"pattern\":\"O3000[25]\"}");
            JarProcess night2 = launch(db, pairs("rfal", 30_000, 10), RunDates.daysAgo(1), "--skip-unchanged",
                    "--read-rate", "50");

            // then those two are created again, the others are unchanged
            assertThat(night2.waitFor(Duration.ofMinutes(3))).as(night2.output()).isEqualTo(0);
            ReportFiles two = ReportFiles.read(this.work.resolve("reports"), RunDates.daysAgo(1));
            assertThat(two.withOutcome("CREATED")).extracting((r) -> r.get("resource_id"))
                .containsExactlyInAnyOrder("O30002", "O30005");
            assertThat(two.summaryCount("unchanged")).isEqualTo(8);
            assertThat(night2.output().split("the job never skips on doubt", -1)).hasSize(2);
        }
        finally {
            emulator.post("/_emulator/read-faults", "{\"pattern\":\"\"}");
        }
    }

    @Test
    void aNightKilledDuringItsReadsIsFinishedByTheSameCommandWithoutASecondSnapshotOfAnUnchangedRow() throws Exception {
        // given a first night of 80 pairs, then 8 opportunities changed (PostgreSQL)
        DatabaseTarget db = TestDatabases.freshPostgres();
        Path input = pairs("kill", 40_000, 80);
        try {
            JarProcess night1 = launch(db, input, RunDates.daysAgo(2), "--read-rate", "50");
            assertThat(night1.waitFor(Duration.ofMinutes(3))).as(night1.output()).isEqualTo(0);
            String changed = IntStream.rangeClosed(1, 8).mapToObj((i) -> "\"O" + (40_000 + 10 * i) + "\"")
                .collect(Collectors.joining(","));
            emulator.post("/_emulator/opportunities", "{\"identifiers\":[" + changed + "]}");

            // when the second night reads slowly and is SIGKILLed once 10 rows are recorded UNCHANGED
            String runDate = RunDates.daysAgo(1);
            JarProcess killed = launch(db, input, runDate, "--skip-unchanged", "--read-rate", "4");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (unchanged(db) < 10 && killed.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(killed.isAlive()).as("still reading when killed: " + killed.output()).isTrue();
            killed.kill();
            long unchangedAtKill = unchanged(db);
            JarProcess restarted = launch(db, input, runDate, "--skip-unchanged", "--read-rate", "4");

            // then
            assertThat(restarted.waitFor(Duration.ofMinutes(3))).as(restarted.output()).isEqualTo(0);
            assertThat(unchangedAtKill).isBetween(10L, 79L);
            ReportFiles two = ReportFiles.read(this.work.resolve("reports"), runDate);
            assertThat(two.summaryCount("unchanged") + two.summaryCount("created")).isEqualTo(80);
            // A changed row whose create the kill cut off before its result was recorded is found, at restart,
            // with the snapshot that create made: reported UNCHANGED at revision 2, never created a third time.
            assertThat(two.summaryCount("created")).isBetween(0L, 8L);
            assertThat(two.rows()).allSatisfy((r) -> assertThat(r.get("revision"))
                .isEqualTo(Integer.parseInt(r.get("resource_id").substring(1)) % 10 == 0 ? "2" : "1"));
            Map<String, Integer> revisions = emulator.stats().revisionsOf("eng-kill");
            assertThat(revisions).hasSize(80);
            assertThat(revisions.values().stream().filter((n) -> n == 2).count()).isEqualTo(8);
            assertThat(revisions.values()).allMatch((n) -> n <= 2);
        }
        finally {
            TestDatabases.dropPostgres(db);
        }
    }

    private JarProcess launch(DatabaseTarget db, Path input, String runDate, String... extra) throws Exception {
        List<String> args = JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", runDate,
                "--endpoint", emulator.endpoint(), "--rate", "20", "--report-dir", "reports");
        args.addAll(List.of(extra));
        return JarProcess.start(this.work, Map.of(), args);
    }

    private static long unchanged(DatabaseTarget db) {
        try {
            Object n = LedgerQueries.value(db, "select count(*) from snapshot_row where outcome = 'UNCHANGED'");
            return (n == null) ? 0 : ((Number) n).longValue();
        }
        catch (Exception notYet) {
            return 0;
        }
    }

    /** {@code rows} pairs {@code eng-<prefix><n>, O<base + n>}. */
    private Path pairs(String prefix, int base, int rows) throws Exception {
        List<String> lines = new ArrayList<>(List.of("engagement_id,opportunity_id"));
        for (int n = 1; n <= rows; n++) {
            lines.add(engagement(prefix, n) + ",O" + (base + n));
        }
        Path file = this.work.resolve(prefix + "-" + rows + ".csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String engagement(String prefix, int n) {
        return "eng-" + prefix + "%010d".formatted(n);
    }

    private static String key(String prefix, int base, int n) {
        return "Sandbox|" + engagement(prefix, n) + "|Opportunity|O" + (base + n) + "|OpportunitySummaryView";
    }

    private static String association(String prefix, int base, int n, String createdBy) {
        return "{\"EngagementId\":\"" + engagement(prefix, n) + "\",\"ResourceId\":\"O" + (base + n)
                + "\",\"CreatedBy\":\"" + createdBy + "\"}";
    }

}
