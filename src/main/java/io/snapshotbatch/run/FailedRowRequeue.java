package io.snapshotbatch.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
        int[] same = new int[1];
        int[] renewed = new int[1];
        int[] left = new int[1];
        // A page at a time (keyset on line), each page's updates in one batch: 100,000 FAILED rows are neither
        // held in memory nor sent as 100,000 statements. Re-queued rows leave the FAILED pages behind them.
        this.ledger.forEachRowWithOutcome(run.runId(), Outcome.FAILED, (page) -> {
            List<LedgerRepository.Requeue> requeues = new ArrayList<>(page.size());
            for (LedgerRow row : page) {
                if (!filter.matches(row)) {
                    left[0]++;
                }
                else if (ApiFailure.isDefinitive(row.errorCode())) {
                    int generation = row.tokenGeneration() + 1;
                    requeues.add(new LedgerRepository.Requeue(row.line(),
                            ClientTokens.derive(run.runDate(), run.generation(), row.key(), generation), generation));
                    renewed[0]++;
                }
                else {
                    requeues.add(new LedgerRepository.Requeue(row.line(), row.clientToken(), row.tokenGeneration()));
                    same[0]++;
                }
            }
            this.ledger.requeue(run.runId(), requeues, this.clock.instant());
        });
        return new Requeued(same[0], renewed[0], left[0]);
    }

}
