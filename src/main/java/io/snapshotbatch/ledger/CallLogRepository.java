package io.snapshotbatch.ledger;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.snapshotbatch.throttle.CallLog;

/** {@code call_log}: CreateResourceSnapshot calls per minute and launch, for {@code --quota-24h}. */
@Repository
public class CallLogRepository implements CallLog {

    private final JdbcClient jdbc;

    public CallLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SortedMap<Instant, Long> callsPerMinuteSince(Instant from) {
        SortedMap<Instant, Long> perMinute = new TreeMap<>();
        this.jdbc.sql("select minute_start, sum(calls) as calls from call_log where minute_start >= :from group by minute_start")
            .param("from", RunRepository.utc(from))
            .query((ResultSet rs) -> {
                perMinute.put(RunRepository.instant(rs, "minute_start"), rs.getLong("calls"));
            });
        return perMinute;
    }

    /** Only this launch writes its rows, so an update-else-insert cannot race with another launch. */
    @Override
    public void record(String launchId, Instant minute, long calls) {
        int updated = this.jdbc.sql("update call_log set calls = :calls where minute_start = :minute and launch_id = :launch")
            .param("calls", calls)
            .param("minute", RunRepository.utc(minute))
            .param("launch", launchId)
            .update();
        if (updated == 0) {
            this.jdbc.sql("insert into call_log (minute_start, launch_id, calls) values (:minute, :launch, :calls)")
                .param("calls", calls)
                .param("minute", RunRepository.utc(minute))
                .param("launch", launchId)
                .update();
        }
    }

    @Override
    public void forgetBefore(Instant before) {
        this.jdbc.sql("delete from call_log where minute_start < :before").param("before", RunRepository.utc(before)).update();
    }

}
