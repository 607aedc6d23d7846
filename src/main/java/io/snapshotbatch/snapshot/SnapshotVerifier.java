package io.snapshotbatch.snapshot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.progress.RowProgress;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.GetResourceSnapshotResponse;

/**
 * {@code verify}: reads back every CREATED row's snapshot (GetResourceSnapshot at the recorded
 * revision) and records whether the service has it with the recorded ARN.
 */
@Component
public class SnapshotVerifier {

    public static final String VERIFIED = "VERIFIED";

    public static final String MISMATCH = "MISMATCH";

    public record Verified(int verified, int problems) {
    }

    private final PartnerCentralSellingClient client;

    private final LedgerRepository ledger;

    private final Clock clock;

    public SnapshotVerifier(PartnerCentralSellingClient client, LedgerRepository ledger, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
    }

    public Verified verify(SnapshotRun run) {
        return verify(run, null);
    }

    /** As {@link #verify(SnapshotRun)}, telling {@code progress} (if not null) after each row. */
    public Verified verify(SnapshotRun run, RowProgress progress) {
        int[] verified = new int[1];
        int[] problems = new int[1];
        long startNanos = System.nanoTime();
        // A page at a time, its results written in one batch: a million CREATED rows are never held in memory,
        // and a verify that is stopped keeps what it checked up to its last page.
        this.ledger.forEachRowWithOutcome(run.runId(), Outcome.CREATED, (page) -> {
            List<LedgerRepository.Verification> results = new ArrayList<>(page.size());
            for (LedgerRow row : page) {
                String status = check(row);
                results.add(new LedgerRepository.Verification(row.line(), status));
                if (VERIFIED.equals(status)) {
                    verified[0]++;
                }
                else {
                    problems[0]++;
                }
                if (progress != null) {
                    long done = (long) verified[0] + problems[0];
                    progress.update(done, done / Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9));
                }
            }
            this.ledger.recordVerifications(run.runId(), results, this.clock.instant());
        });
        return new Verified(verified[0], problems[0]);
    }

    private String check(LedgerRow row) {
        try {
            GetResourceSnapshotResponse snapshot = this.client.getResourceSnapshot((r) -> r.catalog(row.catalog())
                .engagementIdentifier(row.engagementId())
                .resourceType(row.resourceType())
                .resourceIdentifier(row.resourceId())
                .resourceSnapshotTemplateIdentifier(row.template())
                .revision(row.revision()));
            return (row.snapshotArn() != null && row.snapshotArn().equals(snapshot.arn())) ? VERIFIED : MISMATCH;
        }
        catch (RuntimeException ex) {
            return ApiFailure.of(ex).code();
        }
    }

}
