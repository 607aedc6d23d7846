package io.snapshotbatch.ledger;

import java.time.Instant;
import java.time.LocalDate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's reads give their connection back: the metrics pusher and the progress line read the ledger
 * every second for hours, so one read that keeps its connection drains the pool within a minute and stops
 * the partitions' chunk transactions (a JdbcClient {@code stream()} that is never closed does exactly that).
 */
class RepositoryConnectionTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

    private LedgerDatabase ledger;

    private HikariDataSource pool;

    private JdbcClient jdbc;

    @BeforeEach
    void smallPoolOverAMigratedLedger() {
        this.ledger = LedgerDatabase.create();
        HikariConfig config = new HikariConfig();
        config.setDataSource(this.ledger.dataSource());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1000);
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(this.pool);
    }

    @AfterEach
    void close() {
        this.pool.close();
        this.ledger.close();
    }

    @Test
    void readingTheLatestGenerationManyTimesKeepsNoConnection() {
        // given: two generations of a run date
        RunRepository runs = new RunRepository(this.jdbc);
        runs.create(RUN_DATE, 0, "csv:a.csv", Instant.now());
        SnapshotRun newest = runs.create(RUN_DATE, 1, "csv:a.csv", Instant.now());

        // when: far more reads than the pool has connections
        for (int i = 0; i < 20; i++) {
            assertThat(runs.latest(RUN_DATE)).get().extracting(SnapshotRun::runId).isEqualTo(newest.runId());
        }

        // then
        assertThat(this.pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(runs.latest(RUN_DATE.minusDays(1))).isEmpty();
    }

    @Test
    void readingTheMainCatalogManyTimesKeepsNoConnection() {
        // given: a run without rows
        SnapshotRun run = new RunRepository(this.jdbc).create(RUN_DATE, 0, "csv:a.csv", Instant.now());
        PaceRepository paces = new PaceRepository(this.jdbc);

        // when
        for (int i = 0; i < 20; i++) {
            assertThat(paces.mainCatalogOfPendingRows(run.runId())).isEmpty();
        }

        // then
        assertThat(this.pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

}
