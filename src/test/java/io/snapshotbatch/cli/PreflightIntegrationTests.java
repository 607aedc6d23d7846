package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration mistakes found before the first call, through the built jar: exit 2 with one line, no
 * stack trace, no secret, and not one call at the (standalone) emulator. The launches of a test run
 * side by side: each fails within its first seconds.
 */
class PreflightIntegrationTests {

    private static final String SECRET = "S3cret-in-url";

    static EmulatorProcess emulator;

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
    void aReportDirectoryThatCannotBeCreatedExitsTwoBeforeAnyCallAndTouchesNothing() throws Exception {
        // given: a file where the report directory would go (root may write anywhere, a file stops it too)
        Files.writeString(this.work.resolve("occupied"), "not a directory");
        Path input = InputFiles.validPairs(this.work, "rdir", 3);
        EmulatorProcess.Stats before = emulator.stats();
        // when
        JarProcess run = JarProcess.start(this.work, Map.of(), List.of("run", "--input", input.toString(), "--endpoint",
                emulator.endpoint(), "--rate", "100", "--report-dir", "occupied/reports"));
        // then
        assertOneLineUsageError(run, "--report-dir occupied/reports cannot be created");
        assertThat(emulator.stats().allCreates()).isEqualTo(before.allCreates());
        assertThat(this.work.resolve("data")).as("no ledger created").doesNotExist();
    }

    @Test
    void runDatesOutsideAYearBackToADayAheadAreRefusedBySendingCommandsUnlessAllowed() throws Exception {
        // given
        Path input = InputFiles.validPairs(this.work, "date", 2);
        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        EmulatorProcess.Stats before = emulator.stats();
        // when
        Map<String, JarProcess> refused = new LinkedHashMap<>();
        for (String date : List.of("9999-12-31", "1970-01-01", dayAfterTomorrow)) {
            refused.put("run " + date, start("run", "--input", input.toString(), "--run-date", date));
        }
        refused.put("rerun-failed", start("rerun-failed", "--run-date", "1970-01-01"));
        JarProcess status = JarProcess.start(this.work, Map.of(), List.of("status", "--run-date", "1970-01-01"));
        JarProcess allowed = start("run", "--input", input.toString(), "--run-date", "1970-01-02", "--allow-any-run-date");
        // then
        for (Map.Entry<String, JarProcess> launch : refused.entrySet()) {
            assertOneLineUsageError(launch.getValue(), "is outside");
            assertThat(launch.getValue().output()).as(launch.getKey()).contains("--allow-any-run-date");
        }
        // status only reads: any date may be looked at (here: no ledger yet, or no run of that date in it)
        assertThat(status.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCodes.USAGE);
        assertThat(status.output()).doesNotContain("is outside").containsAnyOf("no ledger database", "no run for 1970-01-01");
        assertThat(allowed.waitFor(Duration.ofMinutes(2))).as(allowed.output()).isEqualTo(ExitCodes.OK);
        EmulatorProcess.Stats after = emulator.stats();
        assertThat(after.allCreates() - before.allCreates()).as("only the allowed run sent").isEqualTo(2);
        assertThat(after.revisionsOf("eng-date")).hasSize(2);
    }

    @Test
    void databaseConfigurationErrorsExitTwoWithOneLineWithoutThePassword() throws Exception {
        // given
        int closedPort = EmulatorProcess.freePort();
        DatabaseTarget missingDatabase = TestDatabases.postgres("snapshot_missing_db");
        Map<String, List<String>> databases = new LinkedHashMap<>();
        databases.put("a typo", List.of("--db", "bogus"));
        databases.put("another vendor", List.of("--db", "jdbc:mysql://127.0.0.1/ledger?password=" + SECRET));
        databases.put("PostgreSQL not listening",
                List.of("--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/ledger?password=" + SECRET));
        databases.put("no such database", List.of("--db", missingDatabase.url() + "?password=" + SECRET, "--db-user",
                missingDatabase.user()));
        databases.put("no such role", List.of("--db", TestDatabases.postgres("postgres").url(), "--db-user",
                "snapshot_no_such_role", "--db-password", SECRET));
        databases.put("H2 server not listening",
                List.of("--db", "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/ledger;PASSWORD=" + SECRET));
        Path input = InputFiles.validPairs(this.work, "dbcf", 2);
        EmulatorProcess.Stats before = emulator.stats();
        // when
        Map<String, JarProcess> launches = new LinkedHashMap<>();
        databases.forEach((name, db) -> {
            List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--endpoint", emulator.endpoint()));
            args.addAll(db);
            launches.put(name, startQuietly(args));
        });
        String busyPort = emulator.endpoint().substring(emulator.endpoint().lastIndexOf(':') + 1);
        JarProcess busyEmulator = JarProcess.start(this.work, Map.of(), List.of("emulator", "--port", busyPort));
        // then
        for (Map.Entry<String, JarProcess> launch : launches.entrySet()) {
            String output = assertOneLineUsageError(launch.getValue(), "");
            assertThat(output).as(launch.getKey()).doesNotContain(SECRET).containsAnyOf("Cannot use the database",
                    "--db must be");
        }
        assertThat(launches.get("no such database").output()).contains("snapshot_missing_db").contains("does not exist");
        assertThat(launches.get("no such role").output()).contains("snapshot_no_such_role");
        assertOneLineUsageError(busyEmulator, "cannot listen on 127.0.0.1:" + busyPort);
        assertThat(emulator.stats().allCreates()).isEqualTo(before.allCreates());
    }

    @Test
    void statusFromAnotherDirectoryNamesTheDatabaseItLookedForAndCreatesNone() throws Exception {
        // given: a directory where no run was ever launched, and the default --db (./data/snapshot-batch)
        Path elsewhere = Files.createDirectory(this.work.resolve("elsewhere"));
        // when
        JarProcess status = JarProcess.start(elsewhere, Map.of(), List.of("status"));
        // then
        String output = assertOneLineUsageError(status, "no ledger database at ");
        assertThat(output).contains(elsewhere.toAbsolutePath().resolve("data").resolve("snapshot-batch.mv.db").toString());
        assertThat(elsewhere.resolve("data")).as("no empty ledger created").doesNotExist();
    }

    private JarProcess start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", emulator.endpoint(), "--rate", "100", "--report-dir", "reports"));
        return JarProcess.start(this.work, Map.of(), all);
    }

    private JarProcess startQuietly(List<String> args) {
        try {
            return JarProcess.start(this.work, Map.of(), args);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Exit 2, and the whole output is one line starting "snapshot-batch: " and containing {@code expected}. */
    private static String assertOneLineUsageError(JarProcess process, String expected) throws Exception {
        int exit = process.waitFor(Duration.ofMinutes(1));
        String output = process.output();
        assertThat(exit).as(output).isEqualTo(ExitCodes.USAGE);
        assertThat(output.strip().lines()).as(output).hasSize(1)
            .allSatisfy((line) -> assertThat(line).startsWith("snapshot-batch: ").contains(expected));
        return output;
    }

}
