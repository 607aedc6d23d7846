package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.LedgerQueries;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.RunDates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands around a run: {@code --source-sql} input, {@code verify} against the service,
 * {@code report} rewritten from the ledger, and {@code status}, through the real command line.
 */
class ReadCommandsTests {

    private static final String RUN_DATE = RunDates.daysAgo(5);

    @TempDir
    Path work;

    private PartnerCentralEmulator emulator;

    private DatabaseTarget ledger;

    @BeforeEach
    void start() throws Exception {
        this.emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
        this.ledger = TestDatabases.h2(this.work);
    }

    @AfterEach
    void stop() {
        this.emulator.close();
    }

    @Test
    void pairsComeFromASourceDatabaseQueryNumberedByTheirPosition() throws Exception {
        // given: a CRM-like source database with its own column names
        String source = "jdbc:h2:file:" + this.work.resolve("crm").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(source, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table opp (eng varchar(40), opp varchar(40), cat varchar(10))");
            statement.execute("insert into opp values ('eng-aaaaaaaaaaaaa1', 'O11', 'AWS'), "
                    + "('eng-aaaaaaaaaaaaa2', 'bad', 'Sandbox'), ('eng-aaaaaaaaaaaaa3', 'O13', 'Sandbox')");
        }
        // when
        int exit = run("run", "--source-sql",
                "select eng as engagement_id, opp as \"ResourceIdentifier\", cat as catalog from opp order by eng",
                "--source-db", source, "--source-db-user", "sa");
        // then
        ReportFiles report = ReportFiles.read(this.work.resolve("reports"), RUN_DATE);
        assertThat(exit).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
        assertThat(report.rows()).extracting((row) -> row.get("line") + ":" + row.get("outcome"))
            .containsExactly("1:CREATED", "2:REJECTED", "3:CREATED");
        assertThat(report.rows().get(0)).containsEntry("catalog", "AWS");
        assertThat(report.summary().get("source")).startsWith("sql:select eng as engagement_id");
    }

    @Test
    void verifyFindsEveryCreatedSnapshotAndRecordsIt() throws Exception {
        // given
        assertThat(run("run", "--input", csv().toString())).isEqualTo(ExitCodes.OK);
        // when
        int verified = run("verify");
        // then
        assertThat(verified).isEqualTo(ExitCodes.OK);
        assertThat(LedgerQueries.rows(this.ledger, "select verify_status, verified_at from snapshot_row"))
            .hasSize(2)
            .allSatisfy((row) -> {
                assertThat(row.get("verify_status")).isEqualTo("VERIFIED");
                assertThat(row.get("verified_at")).isNotNull();
            });
        assertThat(this.emulator.stats().totalCalls("GetResourceSnapshot")).isEqualTo(2);
    }

    @Test
    void verifyAgainstAServiceWithoutTheSnapshotsExitsThreeAndSaysWhy() throws Exception {
        // given: the run's snapshots live in this emulator, verify asks another one
        assertThat(run("run", "--input", csv().toString())).isEqualTo(ExitCodes.OK);
        try (PartnerCentralEmulator other = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            // when
            int verified = InProcessCli.run(this.ledger, "verify", "--run-date", RUN_DATE, "--endpoint",
                    other.endpoint().toString());
            // then
            assertThat(verified).isEqualTo(ExitCodes.FINISHED_WITH_PROBLEMS);
        }
        assertThat(LedgerQueries.rows(this.ledger, "select verify_status from snapshot_row"))
            .extracting((row) -> row.get("verify_status"))
            .containsOnly("ResourceNotFoundException");
    }

    @Test
    void reportRewritesBothFilesFromTheLedgerAndStatusReadsIt() throws Exception {
        // given
        assertThat(run("run", "--input", csv().toString())).isEqualTo(ExitCodes.OK);
        Path directory = this.work.resolve("reports").resolve(RUN_DATE);
        String before = Files.readString(directory.resolve("reconciliation.csv"));
        Files.delete(directory.resolve("reconciliation.csv"));
        Files.delete(directory.resolve("summary.csv"));
        // when
        int report = InProcessCli.run(this.ledger, "report", "--run-date", RUN_DATE, "--report-dir",
                this.work.resolve("reports").toString());
        int status = InProcessCli.run(this.ledger, "status", "--run-date", RUN_DATE);
        int noSuchRun = InProcessCli.run(this.ledger, "status", "--run-date", "2001-01-01");
        // then
        assertThat(report).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(directory.resolve("reconciliation.csv"))).isEqualTo(before);
        assertThat(ReportFiles.read(this.work.resolve("reports"), RUN_DATE).summary())
            .containsEntry("status", "COMPLETED").containsEntry("created", "2");
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(noSuchRun).isEqualTo(ExitCodes.USAGE);
    }

    private int run(String command, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(command, "--run-date", RUN_DATE, "--endpoint",
                this.emulator.endpoint().toString(), "--rate", "100"));
        if (!command.equals("verify")) {
            all.addAll(List.of("--report-dir", this.work.resolve("reports").toString()));
        }
        all.addAll(List.of(args));
        return InProcessCli.run(this.ledger, all.toArray(String[]::new));
    }

    private Path csv() throws Exception {
        Path file = this.work.resolve("pairs.csv");
        Files.writeString(file, "EngagementIdentifier,ResourceIdentifier\neng-aaaaaaaaaaaaa1,O1\neng-aaaaaaaaaaaaa2,O2\n");
        return file;
    }

}
