package io.snapshotbatch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes {@code snapshot_row}. */
@Repository
public class LedgerRepository {

    /** Records one API outcome; {@code attempts} and {@code throttled_calls} accumulate across launches. */
    public static final String RECORD_RESULT_SQL = """
            update snapshot_row set outcome = :outcome, snapshot_arn = :snapshotArn, revision = :revision,
                error_code = :errorCode, error_message = :errorMessage, attempts = attempts + :attempts,
                throttled_calls = throttled_calls + :throttledCalls, updated_at = :updatedAt
            where run_id = :runId and line = :line""";

    /** The columns a partition reads to send a row. */
    public static final String SELECT_COLUMNS = "run_id, line, catalog, engagement_id, resource_type, resource_id, "
            + "template, client_token, token_generation, outcome, duplicate_of, snapshot_arn, revision, error_code, "
            + "error_message, attempts, throttled_calls, verify_status, verified_at, updated_at";

    /**
     * Rows a streaming read fetches at a time. Without a fetch size (and a transaction: autocommit off) the
     * PostgreSQL driver loads the whole result set, a million rows, into the heap before the first one.
     */
    static final int FETCH_SIZE = 1000;

    /** Rows a paged read (of rows that are updated while they are read) takes at a time. */
    public static final int PAGE_SIZE = 1000;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final JdbcTemplate streaming;

    private final TransactionTemplate readOnly;

    public LedgerRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        // Joins the caller's transaction when there is one (same DataSource), else opens a read-only one.
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbcTemplate.getDataSource()));
        this.readOnly.setReadOnly(true);
    }

    public void insert(List<LedgerRow> rows) {
        this.jdbcTemplate.batchUpdate("""
                insert into snapshot_row (run_id, line, catalog, engagement_id, resource_type, resource_id, template,
                    client_token, token_generation, outcome, duplicate_of, error_code, error_message, attempts,
                    throttled_calls, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)""", rows, rows.size(), (ps, row) -> {
            ps.setLong(1, row.runId());
            ps.setInt(2, row.line());
            ps.setString(3, row.catalog());
            ps.setString(4, row.engagementId());
            ps.setString(5, row.resourceType());
            ps.setString(6, row.resourceId());
            ps.setString(7, row.template());
            ps.setString(8, row.clientToken());
            ps.setInt(9, row.tokenGeneration());
            ps.setString(10, row.outcome().name());
            if (row.duplicateOf() != null) {
                ps.setInt(11, row.duplicateOf());
            }
            else {
                ps.setNull(11, Types.INTEGER);
            }
            ps.setString(12, row.errorCode());
            ps.setString(13, row.errorMessage());
            ps.setObject(14, RunRepository.utc(row.updatedAt()));
        });
    }

    /** Removes what a staging that died half-way may have left. */
    public int deleteRows(long runId) {
        return this.jdbc.sql("delete from snapshot_row where run_id = :runId").param("runId", runId).update();
    }

    public OutcomeCounts counts(long runId) {
        long[] byOutcome = new long[Outcome.values().length];
        long[] calls = new long[2];
        this.jdbc.sql("""
                select outcome, count(*) as row_count, coalesce(sum(attempts), 0) as calls,
                    coalesce(sum(throttled_calls), 0) as throttled
                from snapshot_row where run_id = :runId group by outcome""")
            .param("runId", runId)
            .query((ResultSet rs) -> {
                byOutcome[Outcome.valueOf(rs.getString("outcome")).ordinal()] = rs.getLong("row_count");
                calls[0] += rs.getLong("calls");
                calls[1] += rs.getLong("throttled");
            });
        long readCalls = this.jdbc.sql("select read_calls from snapshot_run where run_id = :runId")
            .param("runId", runId)
            .query(Long.class)
            .optional()
            .orElse(0L);
        return new OutcomeCounts(byOutcome[Outcome.CREATED.ordinal()], byOutcome[Outcome.FAILED.ordinal()],
                byOutcome[Outcome.REJECTED.ordinal()], byOutcome[Outcome.DUPLICATE.ordinal()],
                byOutcome[Outcome.PENDING.ordinal()], calls[0], calls[1], byOutcome[Outcome.UNCHANGED.ordinal()],
                readCalls);
    }

    /** A run's rows by outcome; every outcome is present, 0 when the run has none. */
    public Map<Outcome, Long> rowsByOutcome(long runId) {
        Map<Outcome, Long> rows = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            rows.put(outcome, 0L);
        }
        this.jdbc.sql("select outcome, count(*) as row_count from snapshot_row where run_id = :runId group by outcome")
            .param("runId", runId)
            .query((ResultSet rs) -> {
                rows.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("row_count"));
            });
        return rows;
    }

    /** The last error of the run's PENDING rows, by error code (rows never answered are under "not sent yet"). */
    public java.util.Map<String, Long> pendingByLastError(long runId) {
        java.util.Map<String, Long> byCode = new java.util.TreeMap<>();
        this.jdbc.sql("""
                select coalesce(error_code, 'not sent yet') as code, count(*) as row_count
                from snapshot_row where run_id = :runId and outcome = 'PENDING' group by coalesce(error_code, 'not sent yet')""")
            .param("runId", runId)
            .query((ResultSet rs) -> {
                byCode.put(rs.getString("code"), rs.getLong("row_count"));
            });
        return byCode;
    }

    /**
     * Every row of a run in line order, streamed {@link #FETCH_SIZE} rows at a time inside a read-only
     * transaction (or the caller's), so that a large run is never held in memory. Ordered by the primary key's
     * columns, so that H2 reads its index in order instead of sorting the run (see PendingRowReader).
     */
    public void forEachRow(long runId, Consumer<LedgerRow> consumer) {
        this.readOnly.executeWithoutResult((status) -> this.streaming.query(
                "select " + SELECT_COLUMNS + " from snapshot_row where run_id = ? order by run_id, line",
                (RowCallbackHandler) (rs) -> consumer.accept(map(rs, 0)), runId));
    }

    /**
     * At most {@code limit} rows of a run with {@code outcome} after line {@code afterLine}, in line order:
     * keyset paging for readers that update the rows they read (and may take long between pages), so they
     * neither hold a run in memory nor keep a cursor open across calls to the service.
     */
    public List<LedgerRow> rowsWithOutcome(long runId, Outcome outcome, int afterLine, int limit) {
        return this.jdbc.sql("select " + SELECT_COLUMNS + """
                 from snapshot_row where run_id = :runId and outcome = :outcome and line > :after
                order by run_id, outcome, line limit :limit""")
            .param("runId", runId)
            .param("outcome", outcome.name())
            .param("after", afterLine)
            .param("limit", limit)
            .query(LedgerRepository::map)
            .list();
    }

    /** Every row of a run with {@code outcome}, in line order, read a page at a time. */
    public void forEachRowWithOutcome(long runId, Outcome outcome, Consumer<List<LedgerRow>> pageConsumer) {
        int after = Integer.MIN_VALUE;
        while (true) {
            List<LedgerRow> page = rowsWithOutcome(runId, outcome, after, PAGE_SIZE);
            if (page.isEmpty()) {
                return;
            }
            pageConsumer.accept(page);
            if (page.size() < PAGE_SIZE) {
                return;
            }
            after = page.get(page.size() - 1).line();
        }
    }

    /** What {@code verify} found for one row. */
    public record Verification(int line, String verifyStatus) {
    }

    /** Records a page of {@code verify} results in one batch. */
    public void recordVerifications(long runId, List<Verification> results, Instant now) {
        this.jdbcTemplate.batchUpdate(
                "update snapshot_row set verify_status = ?, verified_at = ? where run_id = ? and line = ?", results,
                results.size(), (ps, result) -> {
                    ps.setString(1, result.verifyStatus());
                    ps.setObject(2, RunRepository.utc(now));
                    ps.setLong(3, runId);
                    ps.setInt(4, result.line());
                });
    }

    /** A FAILED row to make PENDING again, with the token it must be re-sent with. */
    public record Requeue(int line, String clientToken, int tokenGeneration) {
    }

    /** {@link #requeue(long, int, String, int, Instant)} for a page of rows, in one batch. */
    public void requeue(long runId, List<Requeue> rows, Instant now) {
        this.jdbcTemplate.batchUpdate("""
                update snapshot_row set outcome = 'PENDING', client_token = ?, token_generation = ?, updated_at = ?
                where run_id = ? and line = ? and outcome = 'FAILED'""", rows, rows.size(), (ps, row) -> {
            ps.setString(1, row.clientToken());
            ps.setInt(2, row.tokenGeneration());
            ps.setObject(3, RunRepository.utc(now));
            ps.setLong(4, runId);
            ps.setInt(5, row.line());
        });
    }

    /**
     * Makes a FAILED row PENDING again for {@code rerun-failed}, with the token it must be re-sent with.
     */
    public void requeue(long runId, int line, String clientToken, int tokenGeneration, Instant now) {
        this.jdbc.sql("""
                update snapshot_row set outcome = 'PENDING', client_token = :token, token_generation = :generation,
                    updated_at = :now
                where run_id = :runId and line = :line and outcome = 'FAILED'""")
            .param("token", clientToken)
            .param("generation", tokenGeneration)
            .param("now", RunRepository.utc(now))
            .param("runId", runId)
            .param("line", line)
            .update();
    }

    public static LedgerRow map(ResultSet rs, int rowNum) throws SQLException {
        return new LedgerRow(rs.getLong("run_id"), rs.getInt("line"), rs.getString("catalog"),
                rs.getString("engagement_id"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("template"), rs.getString("client_token"), rs.getInt("token_generation"),
                Outcome.valueOf(rs.getString("outcome")), nullableInt(rs, "duplicate_of"), rs.getString("snapshot_arn"),
                nullableInt(rs, "revision"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getInt("attempts"), rs.getInt("throttled_calls"), rs.getString("verify_status"),
                RunRepository.instant(rs, "verified_at"), RunRepository.instant(rs, "updated_at"));
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

}
