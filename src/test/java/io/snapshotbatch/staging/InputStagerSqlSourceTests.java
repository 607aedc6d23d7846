package io.snapshotbatch.staging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

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
            DriverManagerDataSource ledgerDataSource = dataSource(database);
            Flyway.configure()
                .dataSource(ledgerDataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
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

    private static int count(JdbcTemplate jdbc, SnapshotRun run) {
        return jdbc.queryForObject("select count(*) from snapshot_row where run_id = ?", Integer.class, run.runId());
    }

    private static DriverManagerDataSource dataSource(DatabaseTarget database) {
        return new DriverManagerDataSource(database.url(), database.user(), database.password());
    }

}
