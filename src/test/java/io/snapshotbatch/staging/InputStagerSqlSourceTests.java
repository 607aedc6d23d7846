package io.snapshotbatch.staging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.snapshotbatch.input.PairRecord;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.input.SqlPairSource;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 where it happened: staging, in the ledger's transaction as the stage step runs it, from a query
 * on a table in the ledger's own database, past the 1,000 rows of one fetch and one insert batch. The
 * inserts belong to the staging transaction (its rollback leaves nothing), never to the query's read-only one;
 * a query may even read the ledger's own rows while staging writes to that table.
 */
class InputStagerSqlSourceTests {

    private static final String QUERY = "select eng as engagement_id, opp as opportunity_id from src order by id";

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void rowsOfAQueryOnTheLedgersOwnDatabaseAreStagedInTheStagingTransaction(String vendor) {
        // given a migrated ledger with a 2,500-row source table in the same database
        DatabaseTarget database = "h2".equals(vendor)
                ? new DatabaseTarget("jdbc:h2:mem:staging-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null)
                : TestDatabases.freshPostgres();
        try {
            DriverManagerDataSource ledgerDataSource = migrated(database, vendor);
            JdbcTemplate jdbc = new JdbcTemplate(ledgerDataSource);
            jdbc.execute("create table src (id int primary key, eng varchar(100), opp varchar(100))");
            jdbc.batchUpdate("insert into src values (?, ?, ?)", java.util.stream.IntStream.rangeClosed(1, 2500)
                .mapToObj((i) -> new Object[] { i, "eng-%014d".formatted(i), "O" + i })
                .toList());
            RunRepository runs = new RunRepository(JdbcClient.create(jdbc));
            LedgerRepository ledger = new LedgerRepository(JdbcClient.create(jdbc), jdbc);
            InputStager stager = new InputStager(ledger, runs, Clock.systemUTC());
            TransactionTemplate stagingTransaction = new TransactionTemplate(new DataSourceTransactionManager(ledgerDataSource));
            // Even given the ledger's own data source (the run command gives it one of its own), the query takes a
            // connection outside the staging transaction: the read-only transaction took over the inserts.
            SqlPairSource source = new SqlPairSource(ledgerDataSource, QUERY, "the ledger database");
            RowDefaults defaults = new RowDefaults("Sandbox", "OpportunitySummaryView");
            SnapshotRun rolledBack = runs.create(LocalDate.of(2026, 1, 1), 0, source.describe(), Instant.now());
            SnapshotRun committed = runs.create(LocalDate.of(2026, 1, 2), 0, source.describe(), Instant.now());

            // when one staging is rolled back and another committed
            stagingTransaction.executeWithoutResult((status) -> {
                stager.stage(rolledBack, source, defaults);
                status.setRollbackOnly();
            });
            int staged = stagingTransaction.execute((status) -> stager.stage(committed, source, defaults));

            // then the rolled back one left nothing, the other has every row
            assertThat(count(jdbc, rolledBack)).isZero();
            assertThat(staged).isEqualTo(2500);
            assertThat(count(jdbc, committed)).isEqualTo(2500);
            assertThat(runs.find(committed.runId()).orElseThrow().staged()).isTrue();
            assertThat(runs.find(rolledBack.runId()).orElseThrow().staged()).isFalse();

            // when a third run is staged from the ledger's own rows of the second (last night's rows again)
            SqlPairSource fromLedger = new SqlPairSource(ledgerDataSource, "select engagement_id, resource_id as "
                    + "opportunity_id from snapshot_row where run_id = " + committed.runId() + " order by line",
                    "the ledger database");
            SnapshotRun again = runs.create(LocalDate.of(2026, 1, 3), 0, fromLedger.describe(), Instant.now());
            int restaged = stagingTransaction.execute((status) -> stager.stage(again, fromLedger, defaults));

            // then reading the table being written to is no obstacle either
            assertThat(restaged).isEqualTo(2500);
            assertThat(count(jdbc, again)).isEqualTo(2500);
        }
        finally {
            if (database.isPostgres()) {
                TestDatabases.dropPostgres(database);
            }
        }
    }

    @Test
    void aNulCharacterInTheInputIsRejectedNotACrashOnPostgres() {
        // given a PostgreSQL ledger, which cannot store U+0000 in text, and rows with one (a CSV or an H2 source can)
        DatabaseTarget database = TestDatabases.freshPostgres();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(migrated(database, "postgresql"));
            RunRepository runs = new RunRepository(JdbcClient.create(jdbc));
            InputStager stager = new InputStager(new LedgerRepository(JdbcClient.create(jdbc), jdbc), runs,
                    Clock.systemUTC());
            SnapshotRun run = runs.create(LocalDate.of(2026, 1, 4), 0, "test rows", Instant.now());
            List<PairRecord> records = List.of(new PairRecord(1, null, "eng-0000000000\u000001", null, "O1", null),
                    new PairRecord(2, null, "eng-00000000000002", null, "O2\u0000", null),
                    new PairRecord(3, null, "eng-00000000000003", null, "O3", null));
            PairSource source = new PairSource() {

                @Override
                public void read(Consumer<PairRecord> sink) {
                    records.forEach(sink);
                }

                @Override
                public String describe() {
                    return "test rows";
                }

            };

            // when
            int staged = stager.stage(run, source, new RowDefaults("Sandbox", "OpportunitySummaryView"));

            // then the two rows are REJECTED, their values stored with U+2400 where the NUL was
            assertThat(staged).isEqualTo(3);
            assertThat(jdbc.queryForList("select outcome || ' ' || engagement_id || ' ' || resource_id from snapshot_row "
                    + "where run_id = ? order by line", String.class, run.runId()))
                .containsExactly("REJECTED eng-0000000000\u240001 O1", "REJECTED eng-00000000000002 O2\u2400",
                        "PENDING eng-00000000000003 O3");
        }
        finally {
            TestDatabases.dropPostgres(database);
        }
    }

    private static DriverManagerDataSource migrated(DatabaseTarget database, String vendor) {
        DriverManagerDataSource dataSource = dataSource(database);
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
            .load()
            .migrate();
        return dataSource;
    }

    private static int count(JdbcTemplate jdbc, SnapshotRun run) {
        return jdbc.queryForObject("select count(*) from snapshot_row where run_id = ?", Integer.class, run.runId());
    }

    private static DriverManagerDataSource dataSource(DatabaseTarget database) {
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

}
