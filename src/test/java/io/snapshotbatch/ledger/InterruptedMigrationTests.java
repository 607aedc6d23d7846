package io.snapshotbatch.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed during the first migration of an empty ledger: the next launch migrates it whole and runs.
 * On H2, where each DDL statement commits at once, the kill leaves part of a migration behind; on
 * PostgreSQL it leaves the migrations before it, each whole.
 */
@ExtendWith(OutputCaptureExtension.class)
class InterruptedMigrationTests {

    private static final String RUN_DATE = RunDates.daysAgo(4);

    @TempDir
    Path work;

    private PartnerCentralEmulator emulator;

    @BeforeEach
    void startEmulator() throws IOException {
        this.emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterEach
    void stopEmulator() {
        this.emulator.close();
    }

    @Test
    void onH2AKillInTheMiddleOfAnyMigrationOfANewLedgerIsUndoneAndTheNextLaunchRuns(CapturedOutput output) throws Exception {
        List<MigrationInfo> migrations = Arrays.asList(flyway(TestDatabases.h2(this.work.resolve("list")), "h2", null).info().all());
        assertThat(migrations).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < migrations.size(); i++) {
            // given: a new ledger whose migrations ran up to the one before, and half of this one's statements
            MigrationInfo interrupted = migrations.get(i);
            DatabaseTarget db = TestDatabases.h2(this.work.resolve("h2-" + i));
            if (i > 0) {
                flyway(db, "h2", migrations.get(i - 1).getVersion()).migrate();
            }
            List<String> statements = statements("h2", interrupted.getScript());
            LedgerQueries.execute(db, statements.subList(0, Math.max(1, statements.size() / 2)).toArray(String[]::new));
            int logged = output.getOut().length();
            // when
            int exit = run(db, "mg" + (char) ('a' + i) + "h");
            // then
            String log = output.getOut().substring(logged);
            assertThat(exit).as(interrupted.getScript() + ": " + log).isEqualTo(ExitCodes.OK);
            assertThat(log).as(interrupted.getScript()).contains("WARN  Recovering the ledger database: migration "
                    + interrupted.getVersion() + " (" + interrupted.getScript() + ") had been interrupted");
            assertThat(LedgerQueries.outcomes(db)).as(interrupted.getScript()).containsOnlyKeys("CREATED");
        }
    }

    @Test
    void onPostgresqlAKillDuringTheFirstMigrationsLeavesWholeMigrationsAndTheNextLaunchRuns() throws Exception {
        for (String before : List.of("1", "3")) {
            // given: killed after migration `before` committed (PostgreSQL rolls back the one in progress)
            DatabaseTarget db = TestDatabases.freshPostgres();
            try {
                flyway(db, "postgresql", MigrationVersion.fromVersion(before)).migrate();
                // when
                int exit = run(db, "mgp" + before.replace('1', 'a').replace('3', 'c'));
                // then
                assertThat(exit).isEqualTo(ExitCodes.OK);
                assertThat(LedgerQueries.outcomes(db)).containsOnlyKeys("CREATED");
            }
            finally {
                TestDatabases.dropPostgres(db);
            }
        }
    }

    private int run(DatabaseTarget db, String prefix) throws IOException {
        Path input = InputFiles.validPairs(this.work, prefix, 5);
        return InProcessCli.run(db, "run", "--input", input.toString(), "--run-date", RUN_DATE, "--endpoint",
                this.emulator.endpoint().toString(), "--rate", "100", "--quiet", "--report-dir",
                this.work.resolve("reports-" + prefix).toString());
    }

    /** Flyway as the product configures it (application.properties), migrating up to {@code target} if given. */
    private static Flyway flyway(DatabaseTarget db, String vendor, MigrationVersion target) {
        var configuration = Flyway.configure()
            .dataSource(db.url(), db.user(), db.password())
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .baselineOnMigrate(true)
            .baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /** The migration's statements, as its file in sql/migration has them (none of them holds a ';' inside). */
    private static List<String> statements(String vendor, String script) throws IOException {
        Path file = Stream.of("common", vendor)
            .map((dir) -> Path.of("sql", "migration", dir, script))
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow();
        return Arrays.stream(Files.readString(file).replaceAll("--[^\\n]*", "").split(";"))
            .map(String::strip)
            .filter((sql) -> !sql.isEmpty())
            .toList();
    }

}
