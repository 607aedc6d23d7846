package io.snapshotbatch.input;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whose fault a failing {@code --source-sql} is (issue 11): the query's errors are usage errors with the
 * database's message on one line, found by {@link SqlPairSource#check()} before anything is read; a failure
 * of the staging writes (the sink) passes through untouched, never disguised as the query's.
 */
class SqlPairSourceFailureTests {

    private JdbcDataSource dataSource;

    @BeforeEach
    void database() {
        this.dataSource = new JdbcDataSource();
        this.dataSource.setURL("jdbc:h2:mem:sqlfailures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        jdbc.execute("create table pairs (id int primary key, eng varchar(100), opp varchar(100))");
        jdbc.update("""
                insert into pairs select x, 'eng-' || lpad(cast(x as varchar), 14, '0'), case when x = 2100 then 'x' else '7' end
                from system_range(1, 2500)""");
    }

    @Test
    void theSinksFailurePassesThroughUntouched() {
        // given staging writes that fail on the 1,500th row
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from pairs order by id");
        IllegalStateException writeFailure = new IllegalStateException("the ledger refused the insert");

        // when / then it is not turned into a usage error about the query
        assertThatThrownBy(() -> source.read((row) -> {
            if (row.line() == 1500) {
                throw writeFailure;
            }
        })).isSameAs(writeFailure);
    }

    @Test
    void aRowTheQueryCannotComputeIsAnInputErrorWithTheDatabasesMessageOnOneLine() {
        // given row 2,100 holds "x" where the query expects a number
        SqlPairSource source = source(
                "select eng as engagement_id, 'O' || cast(opp as int) as opportunity_id from pairs order by id");

        // when / then
        assertThatThrownBy(() -> source.read((row) -> {
        })).isInstanceOf(InputException.class)
            .hasMessageStartingWith("--source-sql failed on the test database: Data conversion error")
            .hasMessageNotContaining("\n");
    }

    @Test
    void checkFindsAMissingTableWithoutRunningTheQuery() {
        // when / then
        assertThatThrownBy(() -> source("select eng as engagement_id, opp as opportunity_id from no_such_table").check())
            .isInstanceOf(InputException.class)
            .hasMessageContaining("NO_SUCH_TABLE")
            .hasMessageNotContaining("\n");
    }

    @Test
    void checkFindsMissingColumnsWithoutRunningTheQuery() {
        // when / then
        assertThatThrownBy(() -> source("select eng as engagement_id from pairs").check())
            .isInstanceOf(InputException.class)
            .hasMessageContaining("opportunity_id");
    }

    @Test
    void checkPassesAGoodQueryEvenIfARowWouldFail() {
        // when / then: the failing row is found while staging, not by the check
        assertThatNoException().isThrownBy(() -> source(
                "select eng as engagement_id, 'O' || cast(opp as int) as opportunity_id from pairs order by id").check());
    }

    @Test
    void everyRowIsReadPastTheFetchSize() {
        // given
        List<PairRecord> rows = new ArrayList<>();

        // when
        source("select eng as engagement_id, opp as opportunity_id from pairs order by id").read(rows::add);

        // then
        assertThat(rows).hasSize(2500);
        assertThat(rows.get(2499)).isEqualTo(new PairRecord(2500, null, "eng-00000000002500", null, "7", null));
    }

    @Test
    void aQueryThatWritesOnH2IsRolledBack() {
        // given H2's data change delta table, a SELECT that deletes (H2 takes read-only as a hint only)
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from old table (delete from pairs)");
        List<PairRecord> rows = new ArrayList<>();

        // when
        source.read(rows::add);

        // then the rows were read, and the delete undone: the read's transaction is always rolled back
        assertThat(rows).hasSize(2500);
        assertThat(new JdbcTemplate(this.dataSource).queryForObject("select count(*) from pairs", Integer.class))
            .isEqualTo(2500);
    }

    @ParameterizedTest
    @CsvSource({ "42P01, true", "42601, true", "42703, true", "42501, true", "22012, true", "21000, true",
            "3F000, true", "25006, true", "P0001, true", "42S02, true", "90079, true", "90022, true",
            "08006, false", "57P01, false", "53100, false", "XX000, false", "90028, false", "HY000, false" })
    void theSqlStateTellsAQueryErrorFromAnInternalOne(String state, boolean queryError) {
        // when / then
        assertThat(SourceQueryFailures.isQueryError(new SQLException("message", state))).isEqualTo(queryError);
    }

    @Test
    void aFailureWithoutSqlStateIsNotTheQuerys() {
        // when / then
        assertThat(SourceQueryFailures.isQueryError(new SQLException("message"))).isFalse();
    }

    private SqlPairSource source(String sql) {
        return new SqlPairSource(this.dataSource, sql, "the test database");
    }

}
