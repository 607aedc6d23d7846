package io.snapshotbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlPairSourceTests {

    private static final String ENG_1 = "eng-aaaaaaaaaaaaa1";

    private static final String ENG_2 = "eng-bbbbbbbbbbbbb2";

    private JdbcDataSource dataSource;

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        // a fresh in-memory database per test
        this.dataSource = new JdbcDataSource();
        this.dataSource.setURL("jdbc:h2:mem:sqlpairs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        this.jdbc = new JdbcTemplate(this.dataSource);
        this.jdbc.execute("""
                create table pairs (id int primary key, eng varchar(100), opp varchar(100), cat varchar(20),
                    tpl varchar(100), rtype varchar(40))""");
        this.jdbc.update("insert into pairs values (1, ?, 'O1', 'AWS', 'ViewA', 'Opportunity')", ENG_1);
        this.jdbc.update("insert into pairs values (2, ?, ' O2 ', null, '  ', null)", ENG_2);
        this.jdbc.update("insert into pairs values (3, null, 'O3', 'Sandbox', null, null)");
    }

    @Test
    void quotedColumnLabelsUseTheApiNames() {
        // given
        SqlPairSource source = source("""
                select cat as "catalog", eng as "EngagementIdentifier", rtype as "resource_type",
                    opp as "ResourceIdentifier", tpl as "ResourceSnapshotTemplateIdentifier"
                from pairs order by id""");

        // when
        List<PairRecord> rows = read(source);

        // then values are trimmed, blanks and NULLs are null, line is the position from 1
        assertThat(rows).containsExactly(new PairRecord(1, "AWS", ENG_1, "Opportunity", "O1", "ViewA"),
                new PairRecord(2, null, ENG_2, null, "O2", null),
                new PairRecord(3, "Sandbox", null, null, "O3", null));
    }

    @Test
    void unquotedLabelsMatchDespiteTheDatabaseUpperCasingThem() {
        // given H2 reports these labels as ENGAGEMENT_ID and OPPORTUNITY_ID
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from pairs order by id");

        // when
        List<PairRecord> rows = read(source);

        // then
        assertThat(rows).extracting(PairRecord::engagementId).containsExactly(ENG_1, ENG_2, null);
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O1", "O2", "O3");
    }

    @Test
    void theLineIsThePositionInTheResultNotAnyIdColumn() {
        // given a result in reverse id order
        SqlPairSource source = source(
                "select id, eng as engagement_id, opp as resource_id from pairs order by id desc");

        // when
        List<PairRecord> rows = read(source);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(1, 2, 3);
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O3", "O2", "O1");
    }

    @Test
    void nonTextColumnsAreReadAsText() {
        // given
        SqlPairSource source = source("select 'eng-' || lpad(cast(id as varchar), 14, '0') as engagement_id, "
                + "'O' || (id * 1000) as opportunity_id from pairs where id = 2");

        // when
        List<PairRecord> rows = read(source);

        // then
        assertThat(rows).containsExactly(new PairRecord(1, null, "eng-00000000000002", null, "O2000", null));
    }

    @Test
    void otherQueryFormsAreAccepted() {
        // given
        SqlPairSource withClause = source("""
                  WITH p AS (select * from pairs where id = 1)
                  SELECT eng AS engagement_id, opp AS opportunity_id FROM p""");
        SqlPairSource values = source("values ('" + ENG_1 + "', 'O9')");

        // when
        List<PairRecord> fromWith = read(withClause);

        // then
        assertThat(fromWith).containsExactly(new PairRecord(1, null, ENG_1, null, "O1", null));
        // a VALUES list has no usable column names, so it is refused for its columns, not for being a write
        assertThatThrownBy(() -> read(values)).isInstanceOf(InputException.class).hasMessageContaining("engagement_id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "delete from pairs", "update pairs set eng = null", "insert into pairs(id) values (9)",
            "drop table pairs", "truncate table pairs", "create table x (id int)", "merge into pairs key (id) values (1)",
            "call 1", "   DELETE FROM pairs", "" })
    void anythingButAQueryIsRefusedBeforeItRuns(String sql) {
        // when / then
        assertThatThrownBy(() -> source(sql)).isInstanceOf(InputException.class).hasMessageContaining("SELECT");
        assertThat(this.jdbc.queryForObject("select count(*) from pairs", Integer.class)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "select eng as engagement_id, opp as opportunity_id from pairs; delete from pairs",
            "select eng as engagement_id, opp as opportunity_id from pairs;drop table pairs;",
            "select 1 as engagement_id, 2 as opportunity_id /* ; */ ; -- ;\n truncate table pairs" })
    void aQueryFollowedByAnotherStatementIsRefusedBeforeItRuns(String sql) {
        // when / then: H2 (like other databases) would run every statement of the string
        assertThatThrownBy(() -> source(sql)).isInstanceOf(InputException.class).hasMessageContaining("SELECT");
        assertThat(this.jdbc.queryForObject("select count(*) from pairs", Integer.class)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "select eng as engagement_id, opp as opportunity_id from pairs where id = 1;",
            "select eng as engagement_id, opp as opportunity_id from pairs where id = 1 ; \n -- the end; really\n",
            "select eng as engagement_id, opp as opportunity_id from pairs where id = 1 and cat <> 'a;b' /* ; */",
            "select eng as engagement_id, opp as opportunity_id, 1 as \"x;y\" from pairs where id = 1 and 'it''s; ok' <> ''" })
    void semicolonsInLiteralsCommentsOrAtTheEndAreNotASecondStatement(String sql) {
        // when
        List<PairRecord> rows = read(source(sql));

        // then
        assertThat(rows).extracting(PairRecord::engagementId).containsExactly(ENG_1);
    }

    @Test
    void aFailingQueryIsAnInputError() {
        // given
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from no_such_table");

        // when / then
        assertThatThrownBy(() -> read(source)).isInstanceOf(InputException.class)
            .hasMessageContaining("the test database")
            .hasMessageContaining("NO_SUCH_TABLE");
    }

    @Test
    void aSyntaxErrorIsAnInputError() {
        // given
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from pairs where");

        // when / then
        assertThatThrownBy(() -> read(source)).isInstanceOf(InputException.class);
    }

    @Test
    void anUnreachableDatabaseIsAnInputError() {
        // given a data source no driver can serve
        SqlPairSource source = new SqlPairSource(new DriverManagerDataSource("jdbc:nothing-here:db"),
                "select 1 as engagement_id, 2 as opportunity_id", "the source database");

        // when / then
        assertThatThrownBy(() -> read(source)).isInstanceOf(InputException.class)
            .hasMessageContaining("the source database");
    }

    @Test
    void aMissingRequiredColumnIsAnInputErrorEvenWithoutRows() {
        // given a query without an opportunity column that returns nothing
        SqlPairSource source = source("select eng as engagement_id, cat as catalog from pairs where 1 = 0");
        List<PairRecord> rows = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> source.read(rows::add)).isInstanceOf(InputException.class)
            .hasMessageContaining("opportunity_id");
        assertThat(rows).isEmpty();
    }

    @Test
    void aMissingEngagementColumnIsAnInputError() {
        // given
        SqlPairSource source = source("select opp as opportunity_id from pairs");

        // when / then
        assertThatThrownBy(() -> read(source)).isInstanceOf(InputException.class).hasMessageContaining("engagement_id");
    }

    @Test
    void twoColumnsForTheSameFieldAreAnInputError() {
        // given
        SqlPairSource source = source(
                "select eng as engagement_id, eng as \"EngagementIdentifier\", opp as opportunity_id from pairs");

        // when / then
        assertThatThrownBy(() -> read(source)).isInstanceOf(InputException.class);
    }

    @Test
    void anEmptyResultWithTheRightColumnsHasNoRows() {
        // given
        SqlPairSource source = source("select eng as engagement_id, opp as opportunity_id from pairs where 1 = 0");

        // when / then
        assertThatNoException().isThrownBy(() -> assertThat(read(source)).isEmpty());
    }

    @Test
    void describeShowsTheQueryOnOneLineAndAbbreviated() {
        // given
        String longSql = "select eng as engagement_id,\n  opp as opportunity_id\nfrom pairs where eng in ("
                + "'x', ".repeat(200) + "'y')";

        // when
        String description = source(longSql).describe();

        // then
        assertThat(description).startsWith("sql:select eng as engagement_id, opp as opportunity_id from pairs")
            .doesNotContain("\n")
            .endsWith("...")
            .hasSize("sql:".length() + 500 + 3);
    }

    private SqlPairSource source(String sql) {
        return new SqlPairSource(this.dataSource, sql, "the test database");
    }

    private static List<PairRecord> read(SqlPairSource source) {
        List<PairRecord> rows = new ArrayList<>();
        source.read(rows::add);
        return rows;
    }

}
