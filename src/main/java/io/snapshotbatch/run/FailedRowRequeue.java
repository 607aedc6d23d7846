package io.snapshotbatch.run;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.snapshot.ApiFailure;

/**
 * {@code rerun-failed}: makes a run's FAILED rows PENDING again, each with the token it must be
 * re-sent with. Where the earlier outcome is unknown (timeout, connection error, 5xx, throttling) the
 * token stays, so a snapshot the service did create is answered back instead of made twice; where the
 * service certainly created nothing (validation, not found, access denied, conflict) the row gets a
 * new token of the next generation, because the old one may be bound to a different request.
 */
@Component
public class FailedRowRequeue {

    /**
     * @param sameToken rows re-queued with their token (outcome unknown)
     * @param newToken rows re-queued with a new token (the service created nothing)
     * @param leftFailed FAILED rows the filter did not select: they stay FAILED
     */
    public record Requeued(int sameToken, int newToken, int leftFailed) {

        public int total() {
            return this.sameToken + this.newToken;
        }

    }

    private final LedgerRepository ledger;

    private final Clock clock;

    public FailedRowRequeue(LedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Requeued requeue(SnapshotRun run) {
        return requeue(run, FailedRowFilter.ALL);
    }

    /** Re-queues only the FAILED rows that {@code filter} selects. */
    @Transactional
    public Requeued requeue(SnapshotRun run, FailedRowFilter filter) {
        int same = 0;
        int renewed = 0;
        int left = 0;
        for (LedgerRow row : this.ledger.rowsWithOutcome(run.runId(), Outcome.FAILED)) {
            if (!filter.matches(row)) {
                left++;
            }
            else if (ApiFailure.isDefinitive(row.errorCode())) {
                int generation = row.tokenGeneration() + 1;
                this.ledger.requeue(run.runId(), row.line(),
                        ClientTokens.derive(run.runDate(), run.generation(), row.key(), generation), generation,
                        this.clock.instant());
                renewed++;
            }
            else {
                this.ledger.requeue(run.runId(), row.line(), row.clientToken(), row.tokenGeneration(), this.clock.instant());
                same++;
            }
        }
        return new Requeued(same, renewed, left);
    }

}
