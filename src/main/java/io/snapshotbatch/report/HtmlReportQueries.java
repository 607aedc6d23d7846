package io.snapshotbatch.report;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * What report.html reads from the ledger besides the counts: each query is bounded (a limit, or a
 * GROUP BY over a handful of values), so a run of a million rows never makes a large page nor holds
 * its rows in memory.
 */
class HtmlReportQueries {

    /** Outcomes an operator has to look at. */
    static final List<Outcome> ATTENTION = List.of(Outcome.FAILED, Outcome.REJECTED, Outcome.DUPLICATE, Outcome.PENDING);

    /** One run of the trend: its rows by outcome. */
    record TrendRun(long runId, LocalDate runDate, int generation, RunStatus status, Map<Outcome, Long> rows) {

        long total() {
            return this.rows.values().stream().mapToLong(Long::longValue).sum();
        }

    }

    private final JdbcClient jdbc;

    HtmlReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows with an error code, by code, most frequent first. */
    Map<String, Long> errorCodes(long runId) {
        Map<String, Long> codes = new LinkedHashMap<>();
        this.jdbc.sql("""
                select error_code, count(*) as row_count from snapshot_row
                where run_id = :runId and error_code is not null
                group by error_code order by row_count desc, error_code""")
            .param("runId", runId)
            .query((ResultSet rs) -> {
                codes.put(rs.getString("error_code"), rs.getLong("row_count"));
            });
        return codes;
    }

    /** The first {@code limit} rows, in line order, whose outcome needs attention. */
    List<LedgerRow> attentionRows(long runId, int limit) {
        return this.jdbc.sql("select " + LedgerRepository.SELECT_COLUMNS + " from snapshot_row "
                + "where run_id = :runId and outcome in (:outcomes) order by line limit :limit")
            .param("runId", runId)
            .param("outcomes", ATTENTION.stream().map(Outcome::name).toList())
            .param("limit", limit)
            .query(LedgerRepository::map)
            .list();
    }

    /** Keeps the run's rows by outcome as this report counted them, for the trend of later reports. */
    void recordOutcomes(long runId, Map<Outcome, Long> rows) {
        this.jdbc.sql("delete from snapshot_run_outcome where run_id = :runId").param("runId", runId).update();
        rows.forEach((outcome, count) -> this.jdbc
            .sql("insert into snapshot_run_outcome (run_id, outcome, row_count) values (:runId, :outcome, :rows)")
            .param("runId", runId)
            .param("outcome", outcome.name())
            .param("rows", count)
            .update());
    }

    /**
     * Up to {@code limit} runs up to and including {@code run}, oldest first, each with its rows by outcome
     * as its last report recorded them; runs without a recorded report are counted row by row.
     */
    List<TrendRun> trend(SnapshotRun run, int limit) {
        List<TrendRun> runs = new ArrayList<>(this.jdbc.sql("""
                select run_id, run_date, generation, status from snapshot_run
                where run_date < :runDate or (run_date = :runDate and generation <= :generation)
                order by run_date desc, generation desc limit :limit""")
            .param("runDate", run.runDate())
            .param("generation", run.generation())
            .param("limit", limit)
            .query((rs, n) -> new TrendRun(rs.getLong("run_id"), rs.getObject("run_date", LocalDate.class),
                    rs.getInt("generation"), RunStatus.valueOf(rs.getString("status")), new EnumMap<>(Outcome.class)))
            .list());
        if (runs.isEmpty()) {
            return runs;
        }
        Map<Long, TrendRun> byId = new LinkedHashMap<>();
        runs.forEach((trendRun) -> byId.put(trendRun.runId(), trendRun));
        this.jdbc.sql("select run_id, outcome, row_count from snapshot_run_outcome where run_id in (:runIds)")
            .param("runIds", List.copyOf(byId.keySet()))
            .query((ResultSet rs) -> {
                byId.get(rs.getLong("run_id")).rows().put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("row_count"));
            });
        List<Long> uncounted = runs.stream().filter((r) -> r.rows().isEmpty()).map(TrendRun::runId).toList();
        if (!uncounted.isEmpty()) {
            this.jdbc.sql("""
                    select run_id, outcome, count(*) as row_count from snapshot_row
                    where run_id in (:runIds) group by run_id, outcome""")
                .param("runIds", uncounted)
                .query((ResultSet rs) -> {
                    byId.get(rs.getLong("run_id")).rows().put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("row_count"));
                });
        }
        Collections.reverse(runs);
        return runs;
    }

}
