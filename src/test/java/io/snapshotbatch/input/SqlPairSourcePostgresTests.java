package io.snapshotbatch.input;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SqlPairSource} on real PostgreSQL, whose driver would fetch a whole result into memory unless the
 * query runs with auto-commit off and a fetch size: the rows are streamed, and the query runs read-only.
 */
class SqlPairSourcePostgresTests {

    private static DatabaseTarget database;

    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.freshPostgres();
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        new JdbcTemplate(dataSource).execute("create table pairs (id int primary key, eng varchar(100), opp varchar(100))");
        new JdbcTemplate(dataSource).update("""
                insert into pairs select g, 'eng-' || lpad(g::text, 14, '0'), 'O' || g from generate_series(1, 3000) g""");
    }

    @AfterAll
    static void dropDatabase() {
        TestDatabases.dropPostgres(database);
    }

    @Test
    void rowsAreFetchedAsTheyAreConsumedNotAllAtOnce() {
        // given a query whose every row says, in its opportunity id, when the server computed it
        SqlPairSource source = new SqlPairSource(dataSource, """
                select 'eng-' || lpad(g::text, 14, '0') as engagement_id,
                       'O' || (extract(epoch from clock_timestamp()) * 1000)::bigint as opportunity_id
                from generate_series(1, 3000) g""", "the test database");
        List<Long> computedAt = new ArrayList<>();

        // when the consumer takes its time over the first row
        source.read((row) -> {
            computedAt.add(Long.parseLong(row.resourceId().substring(1)));
            if (row.line() == 1) {
                sleep(500);
            }
        });

        // then the rows of the next fetches were computed after that pause, not before the first row was handed over
        assertThat(computedAt).hasSize(3000);
        assertThat(computedAt.get(SqlPairSource.FETCH_SIZE) - computedAt.get(0)).isGreaterThanOrEqualTo(500);
    }

    @Test
    void aQueryThatWouldWriteIsRefusedByTheReadOnlyTransaction() {
        // given a data-modifying CTE, which starts with WITH like any query
        SqlPairSource source = new SqlPairSource(dataSource, """
                with gone as (delete from pairs where id = 1 returning eng, opp)
                select eng as engagement_id, opp as opportunity_id from gone""", "the test database");

        // when / then
        assertThatThrownBy(() -> source.read((row) -> {
        })).isInstanceOf(InputException.class).hasMessageContaining("read-only transaction");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from pairs", Integer.class)).isEqualTo(3000);
    }

    @Test
    void checkFindsAMissingTableWithTheServersMessageOnOneLine() {
        // when / then
        assertThatThrownBy(() -> new SqlPairSource(dataSource, "select nope from missing_table", "the test database").check())
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("--source-sql failed on the test database: ERROR: relation \"missing_table\" does not exist")
            .hasMessageNotContaining("\n");
    }

    @Test
    void checkDoesNotRunTheQuery() {
        // given a query that fails only when a row is computed
        SqlPairSource source = new SqlPairSource(dataSource,
                "select eng as engagement_id, 'O' || (1 / (id - id)) as opportunity_id from pairs", "the test database");

        // when / then the check passes; reading fails on the first row, as the query's fault
        source.check();
        assertThatThrownBy(() -> source.read((row) -> {
        })).isInstanceOf(InputException.class).hasMessageContaining("division by zero");
    }

    @Test
    void aConnectionLostWhileReadingIsALostDatabaseNotAQueryError() {
        // given a read whose server session is terminated after the first fetch (a restart, a failover)
        SqlPairSource source = new SqlPairSource(dataSource,
                "select eng as engagement_id, opp as opportunity_id from pairs /* lost-while-reading */ order by id",
                "the test database");
        JdbcTemplate admin = new JdbcTemplate(dataSource);

        // when / then the run stops as for any lost database (exit 4, the same command stages it), not exit 2
        assertThatThrownBy(() -> source.read((row) -> {
            if (row.line() == 1) {
                admin.queryForList("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where query like '%lost-while-reading%' and pid <> pg_backend_pid()");
            }
        })).isNotInstanceOf(InputException.class).satisfies((ex) -> assertThat(DatabaseFailures.isConnectionLoss(ex)).isTrue());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
