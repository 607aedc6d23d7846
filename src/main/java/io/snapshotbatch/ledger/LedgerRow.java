package io.snapshotbatch.ledger;

import java.time.Instant;

import io.snapshotbatch.input.SnapshotKey;

/** One row of the ledger: an input row, its token and where it stands. */
public record LedgerRow(long runId, int line, String catalog, String engagementId, String resourceType,
        String resourceId, String template, String clientToken, int tokenGeneration, Outcome outcome,
        Integer duplicateOf, String snapshotArn, Integer revision, String errorCode, String errorMessage, int attempts,
        int throttledCalls, String verifyStatus, Instant verifiedAt, Instant updatedAt) {

    public SnapshotKey key() {
        return new SnapshotKey(this.catalog, this.engagementId, this.resourceType, this.resourceId, this.template);
    }

    /** A freshly staged row. */
    public static LedgerRow staged(long runId, int line, SnapshotKey key, String clientToken, Outcome outcome,
            Integer duplicateOf, String errorCode, String errorMessage, Instant now) {
        return new LedgerRow(runId, line, key.catalog(), key.engagementId(), key.resourceType(), key.resourceId(),
                key.template(), clientToken, 0, outcome, duplicateOf, null, null, errorCode, errorMessage, 0, 0, null,
                null, now);
    }

}
