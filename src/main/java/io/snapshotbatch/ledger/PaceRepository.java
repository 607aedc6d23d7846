package io.snapshotbatch.ledger;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The learned pace per catalog ({@code pace}) and each run's pace figures ({@code snapshot_run}). */
@Repository
public class PaceRepository {

    private final JdbcClient jdbc;

    public PaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pace the last launch learned for this catalog, if any did. */
    public Optional<Double> learned(String catalog) {
        return this.jdbc.sql("select calls_per_second from pace where catalog = :catalog")
            .param("catalog", catalog)
            .query(Double.class)
            .optional();
    }

    public void saveLearned(String catalog, double callsPerSecond, Instant now) {
        int updated = this.jdbc.sql("update pace set calls_per_second = :pace, learned_at = :now where catalog = :catalog")
            .param("pace", callsPerSecond)
            .param("now", RunRepository.utc(now))
            .param("catalog", catalog)
            .update();
        if (updated == 0) {
            this.jdbc.sql("insert into pace (catalog, calls_per_second, learned_at) values (:catalog, :pace, :now)")
                .param("pace", callsPerSecond)
                .param("now", RunRepository.utc(now))
                .param("catalog", catalog)
                .update();
        }
    }

    /** The catalog most of the run's PENDING rows are in (the pace is the quota of a catalog), if any. */
    public Optional<String> mainCatalogOfPendingRows(long runId) {
        return this.jdbc.sql("""
                select catalog from snapshot_row where run_id = :runId and outcome = 'PENDING' and catalog is not null
                group by catalog order by count(*) desc, catalog
                fetch first 1 rows only""")
            .param("runId", runId)
            .query(String.class)
            .optional();
    }

    public void saveRunPace(long runId, RunPace pace) {
        this.jdbc.sql("""
                update snapshot_run set rate_ceiling = :ceiling, rate_end = :end, pace_limited_by = :limitedBy,
                latency_p50_ms = coalesce(:p50, latency_p50_ms), latency_p95_ms = coalesce(:p95, latency_p95_ms)
                where run_id = :runId""")
            .param("ceiling", pace.rateCeiling())
            .param("p50", pace.latencyP50Ms(), java.sql.Types.DOUBLE)
            .param("p95", pace.latencyP95Ms(), java.sql.Types.DOUBLE)
            .param("end", pace.rateEnd())
            .param("limitedBy", pace.limitedBy())
            .param("runId", runId)
            .update();
    }

    public RunPace runPace(long runId) {
        return this.jdbc.sql("""
                select rate_ceiling, rate_end, pace_limited_by, latency_p50_ms, latency_p95_ms
                from snapshot_run where run_id = :runId""")
            .param("runId", runId)
            .query((rs, n) -> new RunPace(nullableDouble(rs, "rate_ceiling"), nullableDouble(rs, "rate_end"),
                    rs.getString("pace_limited_by"), nullableDouble(rs, "latency_p50_ms"),
                    nullableDouble(rs, "latency_p95_ms")))
            .optional()
            .orElse(RunPace.UNKNOWN);
    }

    private static Double nullableDouble(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

}
