package io.snapshotbatch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code snapshot_run}. */
@Repository
public class RunRepository {

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SnapshotRun create(LocalDate runDate, int generation, String source, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.sql("""
                insert into snapshot_run (run_date, generation, source, status, staged, started_at)
                values (:runDate, :generation, :source, :status, false, :now)""")
            .param("runDate", runDate)
            .param("generation", generation)
            .param("source", source)
            .param("status", RunStatus.RUNNING.name())
            .param("now", utc(now))
            .update(keys, "run_id");
        return find(keys.getKey().longValue()).orElseThrow();
    }

    /** The newest generation of a run date, if there is any. */
    public Optional<SnapshotRun> latest(LocalDate runDate) {
        // A list, not stream().findFirst(): an unclosed JdbcClient stream keeps its pooled connection, and the
        // metrics pusher asks this every push interval.
        return this.jdbc.sql("select * from snapshot_run where run_date = :runDate order by generation desc")
            .param("runDate", runDate)
            .query(RunRepository::map)
            .list()
            .stream()
            .findFirst();
    }

    /** One generation of a run date (0, then one per {@code --force-new-run}). */
    public Optional<SnapshotRun> generation(LocalDate runDate, int generation) {
        return this.jdbc.sql("select * from snapshot_run where run_date = :runDate and generation = :generation")
            .param("runDate", runDate)
            .param("generation", generation)
            .query(RunRepository::map)
            .optional();
    }

    public Optional<SnapshotRun> find(long runId) {
        return this.jdbc.sql("select * from snapshot_run where run_id = :runId")
            .param("runId", runId)
            .query(RunRepository::map)
            .optional();
    }

    public void markStaged(long runId, int inputRows) {
        this.jdbc.sql("update snapshot_run set staged = true, input_rows = :rows where run_id = :runId")
            .param("rows", inputRows)
            .param("runId", runId)
            .update();
    }

    /** Keeps the encoding the CSV input was read in, for the summary's {@code input_encoding}. */
    public void recordInputEncoding(long runId, String encoding) {
        this.jdbc.sql("update snapshot_run set input_encoding = :encoding where run_id = :runId")
            .param("encoding", encoding)
            .param("runId", runId)
            .update();
    }

    /** Adds read calls a launch made to the run's total (summary.csv's read_calls). */
    public void addReadCalls(long runId, long calls) {
        if (calls == 0) {
            return;
        }
        this.jdbc.sql("update snapshot_run set read_calls = read_calls + :calls where run_id = :runId")
            .param("calls", calls)
            .param("runId", runId)
            .update();
    }

    /** The read calls of every launch of the run so far. */
    public long readCalls(long runId) {
        return this.jdbc.sql("select read_calls from snapshot_run where run_id = :runId")
            .param("runId", runId)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /** Starts a new Spring Batch job instance for this run: the previous one completed (e.g. before a re-run). */
    public int nextJobLaunch(long runId) {
        this.jdbc.sql("update snapshot_run set job_launch = job_launch + 1 where run_id = :runId").param("runId", runId).update();
        return find(runId).orElseThrow().jobLaunch();
    }

    public void markRunning(long runId) {
        this.jdbc.sql("update snapshot_run set status = :status, stop_reason = null, finished_at = null where run_id = :runId")
            .param("status", RunStatus.RUNNING.name())
            .param("runId", runId)
            .update();
    }

    /** Records how the run ended and returns it as it now stands. */
    public SnapshotRun markEnded(long runId, RunStatus status, String stopReason, Instant now) {
        this.jdbc.sql("""
                update snapshot_run set status = :status, stop_reason = :reason, finished_at = :now
                where run_id = :runId""")
            .param("status", status.name())
            .param("reason", stopReason)
            .param("now", utc(now))
            .param("runId", runId)
            .update();
        return find(runId).orElseThrow();
    }

    static OffsetDateTime utc(Instant instant) {
        return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    private static SnapshotRun map(ResultSet rs, int rowNum) throws SQLException {
        int inputRows = rs.getInt("input_rows");
        return new SnapshotRun(rs.getLong("run_id"), rs.getObject("run_date", LocalDate.class), rs.getInt("generation"),
                rs.getString("source"), RunStatus.valueOf(rs.getString("status")), rs.getBoolean("staged"),
                rs.getInt("job_launch"),
                rs.wasNull() ? null : inputRows, rs.getString("stop_reason"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("input_encoding"));
    }

}
