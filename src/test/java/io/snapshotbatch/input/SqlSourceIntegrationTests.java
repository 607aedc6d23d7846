package io.snapshotbatch.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --source-sql} through the built jar, as users run it (issue 11): the source table in the
 * ledger's own database (the default) or in another one, on PostgreSQL and on H2, small and larger than
 * every fetch and batch size, with invalid rows and duplicates; the larger runs with a 64 MB heap. The
 * report balances. A query that cannot run exits 2 with the database's message on one line and nothing
 * staged; after it is fixed, the same command stages the run. One emulator serves the whole class; the
 * larger runs stop on {@code --daily-budget}, so that staging and the report, not sending, take the time.
 */
class SqlSourceIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final int BUDGET = 20;

    private static Path emulatorDir;

    private static EmulatorProcess emulator;

    @TempDir
    Path work;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulatorDir = Files.createTempDirectory("sql-source-emulator-");
        emulator = EmulatorProcess.start(emulatorDir);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        emulator.close();
    }

    enum Vendor {
        POSTGRESQL, H2
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Vendor vendor : Vendor.values()) {
            for (boolean ledgersOwn : new boolean[] { true, false }) {
                for (int size : new int[] { 10, 25_000 }) {
                    cases.add(Arguments.of(vendor, ledgersOwn ? "the ledger's database" : "another database", size));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, source in {1}, {2} rows")
    @MethodSource("matrix")
    void stagesEveryRowOfTheSourceAndTheReportBalances(Vendor vendor, String where, int size) throws Exception {
        // given a source table with invalid rows and duplicates, in the ledger's database or another one
        SourceTables source = SourceTables.of(size);
        List<DatabaseTarget> created = new ArrayList<>();
        try {
            DatabaseTarget ledger = database(vendor, "ledger", created);
            DatabaseTarget sourceDb = where.startsWith("another") ? database(vendor, "source", created) : ledger;
            source.createIn(sourceDb);
            String runDate = RunDates.daysAgo(3);
            List<String> args = JarProcess.withDatabase(ledger, "run", "--source-sql", SourceTables.QUERY, "--run-date",
                    runDate, "--endpoint", emulator.endpoint(), "--rate", "200", "--report-dir", "reports");
            if (sourceDb != ledger) {
                args.addAll(sourceDbArgs(sourceDb));
            }
            boolean large = size > 1000;
            if (large) {
                // Sending is not what is tested: staging and the report are, with a heap the source would not fit in.
                args.addAll(List.of("--daily-budget", String.valueOf(BUDGET)));
            }

            // when
            JarProcess run = JarProcess.start(this.work, large ? Map.of("JDK_JAVA_OPTIONS", "-Xmx64m") : Map.of(), args);
            int exitCode = run.waitFor(TIMEOUT);

            // then every row of the source is in the report, once, on its position in the result
            assertThat(exitCode).as(run.output()).isEqualTo(large ? ExitCodes.STOPPED : ExitCodes.FINISHED_WITH_PROBLEMS);
            assertThat(run.output()).doesNotContain("\tat ").doesNotContain("read-only");
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), runDate);
            assertThat(report.balances()).as(report.summary().toString()).isTrue();
            assertThat(report.summaryCount("input_rows")).isEqualTo(size);
            assertThat(report.summaryCount("rejected")).isEqualTo(source.rejected());
            assertThat(report.summaryCount("duplicates")).isEqualTo(source.duplicates());
            assertThat(report.summaryCount("created") + report.summaryCount("failed") + report.summaryCount("pending"))
                .isEqualTo(source.unique());
            assertThat(report.rows()).extracting((row) -> row.get("line"))
                .containsExactlyElementsOf(Stream.iterate(1, (i) -> i + 1).limit(size).map(String::valueOf).toList());
            assertThat(report.rows().get(size - 1)).containsEntry("outcome", "DUPLICATE")
                .containsEntry("error_message", "duplicate of line 1");
            if (large) {
                assertThat(report.summaryCount("created")).isBetween(1L, (long) BUDGET);
            }
            else {
                assertThat(report.summaryCount("pending")).isZero();
            }
        }
        finally {
            created.stream().filter(DatabaseTarget::isPostgres).forEach(TestDatabases::dropPostgres);
        }
    }

    @Test
    void aMissingTableExitsTwoWithTheDatabasesMessageOnOneLineAndCreatesNoRun() throws Exception {
        // given the ledger on PostgreSQL, without the table the query names
        DatabaseTarget ledger = TestDatabases.freshPostgres();
        try {
            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--source-sql",
                    "select nope from missing_table", "--run-date", RunDates.daysAgo(3), "--endpoint",
                    emulator.endpoint(), "--report-dir", "reports"));
            int exitCode = run.waitFor(TIMEOUT);

            // then
            assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(nonBlankLines(run)).singleElement()
                .asString()
                .startsWith("snapshot-batch: --source-sql failed on the ledger database: ERROR: relation \"missing_table\" "
                        + "does not exist");
            assertThat(LedgerQueries.value(ledger, "select count(*) from snapshot_run")).isEqualTo(0L);
            assertThat(this.work.resolve("reports")).doesNotExist();
        }
        finally {
            TestDatabases.dropPostgres(ledger);
        }
    }

    @Test
    void aSyntaxErrorExitsTwoWithTheDatabasesMessageOnOneLineOnH2() throws Exception {
        // given
        DatabaseTarget ledger = TestDatabases.h2(this.work);

        // when
        JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--source-sql",
                "select eng as engagement_id, opp as opportunity_id from", "--run-date", RunDates.daysAgo(3), "--endpoint",
                emulator.endpoint(), "--report-dir", "reports"));
        int exitCode = run.waitFor(TIMEOUT);

        // then
        assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.USAGE);
        assertThat(nonBlankLines(run)).singleElement()
            .asString()
            .startsWith("snapshot-batch: --source-sql failed on the ledger database: Syntax error in SQL statement");
        assertThat(LedgerQueries.value(ledger, "select count(*) from snapshot_run")).isEqualTo(0L);
    }

    @Test
    void aQueryFailingAfterTwoBatchesStagesNothingAndTheFixedQueryStagesTheRun() throws Exception {
        // given 2,500 rows on PostgreSQL and a query that fails on row 2,100, after two batches were staged
        DatabaseTarget ledger = TestDatabases.freshPostgres();
        try {
            SourceTables source = SourceTables.of(2500);
            source.createIn(ledger);
            String runDate = RunDates.daysAgo(3);
            String failing = "select eng as engagement_id, opp || substr('', 1 / (id - 2100)) as opportunity_id "
                    + "from src order by id";

            // when
            JarProcess run = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--source-sql",
                    failing, "--run-date", runDate, "--endpoint", emulator.endpoint(), "--report-dir", "reports"));
            int exitCode = run.waitFor(TIMEOUT);

            // then a usage error, said once without a trace, and nothing staged
            assertThat(exitCode).as(run.output()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(nonBlankLines(run).stream().filter((line) -> !line.matches("^\\d{4}-\\d\\d-\\d\\dT.* INFO .*")))
                .containsExactly("snapshot-batch: --source-sql failed on the ledger database: ERROR: division by zero");
            assertThat(LedgerQueries.value(ledger, "select count(*) from snapshot_row")).isEqualTo(0L);

            // when the query is fixed and the same command launched again
            JarProcess fixed = JarProcess.start(this.work, Map.of(), JarProcess.withDatabase(ledger, "run", "--source-sql",
                    SourceTables.QUERY, "--run-date", runDate, "--endpoint", emulator.endpoint(), "--report-dir", "reports",
                    "--daily-budget", String.valueOf(BUDGET)));
            int fixedExit = fixed.waitFor(TIMEOUT);

            // then the run is staged from the fixed query, and says so
            assertThat(fixedExit).as(fixed.output()).isEqualTo(ExitCodes.STOPPED);
            ReportFiles report = ReportFiles.read(this.work.resolve("reports"), runDate);
            assertThat(report.balances()).isTrue();
            assertThat(report.summaryCount("input_rows")).isEqualTo(2500);
            assertThat(report.summaryCount("rejected")).isEqualTo(source.rejected());
            assertThat(report.summary()).containsEntry("source", "sql:" + SourceTables.QUERY);
        }
        finally {
            TestDatabases.dropPostgres(ledger);
        }
    }

    private DatabaseTarget database(Vendor vendor, String name, List<DatabaseTarget> created) throws Exception {
        DatabaseTarget database;
        if (vendor == Vendor.POSTGRESQL) {
            database = TestDatabases.freshPostgres();
        }
        else {
            database = TestDatabases.h2(Files.createDirectories(this.work.resolve(name)));
        }
        created.add(database);
        return database;
    }

    private static List<String> sourceDbArgs(DatabaseTarget source) {
        List<String> args = new ArrayList<>(List.of("--source-db", source.url()));
        if (source.user() != null) {
            args.addAll(List.of("--source-db-user", source.user()));
        }
        return args;
    }

    /** The output without the JVM's note that it picked up JDK_JAVA_OPTIONS. */
    private static List<String> nonBlankLines(JarProcess process) throws Exception {
        return process.output().lines().filter((line) -> !line.isBlank()).filter((line) -> !line.startsWith("NOTE: Picked up"))
            .toList();
    }

}
