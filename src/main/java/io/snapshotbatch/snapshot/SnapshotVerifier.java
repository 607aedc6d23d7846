package io.snapshotbatch.snapshot;

import java.time.Clock;

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
 * revision) and records whether the service has it with the recorded ARN, at {@code --read-rate}.
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

    /** Reads through the read client: paced by --read-rate, never by the writes' pace or budget. */
    public SnapshotVerifier(PartnerCentralClientConfiguration.ReadClient readClient, LedgerRepository ledger, Clock clock) {
        this.client = readClient.client();
        this.ledger = ledger;
        this.clock = clock;
    }

    public Verified verify(SnapshotRun run) {
        return verify(run, null);
    }

    /** As {@link #verify(SnapshotRun)}, telling {@code progress} (if not null) after each row. */
    public Verified verify(SnapshotRun run, RowProgress progress) {
        int verified = 0;
        int problems = 0;
        long startNanos = System.nanoTime();
        for (LedgerRow row : this.ledger.rowsWithOutcome(run.runId(), Outcome.CREATED)) {
            String status = check(row);
            if (progress != null) {
                progress.update(verified + problems + 1L,
                        (verified + problems + 1) / Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9));
            }
            this.ledger.recordVerification(run.runId(), row.line(), status, this.clock.instant());
            if (VERIFIED.equals(status)) {
                verified++;
            }
            else {
                problems++;
            }
        }
        return new Verified(verified, problems);
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
