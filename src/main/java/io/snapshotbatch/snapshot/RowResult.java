package io.snapshotbatch.snapshot;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import io.snapshotbatch.ledger.Outcome;

/**
 * What one call did to one row, written back to the ledger. {@code outcome} is CREATED, FAILED, or
 * PENDING when the outcome is unknown, the row was throttled out, or the run stopped around the call
 * (the row is sent again, with the same token, later); a PENDING row keeps the last error seen.
 */
public record RowResult(long runId, int line, Outcome outcome, String snapshotArn, Integer revision, String errorCode,
        String errorMessage, int attempts, int throttledCalls, Instant updatedAt) {

    public RowResult withOutcome(Outcome newOutcome) {
        return new RowResult(this.runId, this.line, newOutcome, this.snapshotArn, this.revision, this.errorCode,
                this.errorMessage, this.attempts, this.throttledCalls, this.updatedAt);
    }

    /** The parameters of {@link io.snapshotbatch.ledger.LedgerRepository#RECORD_RESULT_SQL}. */
    public SqlParameterSource sqlParameters() {
        return new MapSqlParameterSource().addValue("runId", this.runId)
            .addValue("line", this.line)
            .addValue("outcome", this.outcome.name())
            .addValue("snapshotArn", this.snapshotArn)
            .addValue("revision", this.revision, Types.INTEGER)
            .addValue("errorCode", this.errorCode)
            .addValue("errorMessage", this.errorMessage)
            .addValue("attempts", this.attempts)
            .addValue("throttledCalls", this.throttledCalls)
            .addValue("updatedAt", this.updatedAt.atOffset(ZoneOffset.UTC));
    }

}
