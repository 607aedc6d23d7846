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
 * revision) and records whether the service has it with the recorded ARN, at {@code --read-rate}.
 */
@Component
public class SnapshotVerifier {

    public static final String VERIFIED = "VERIFIED";

    public static final String MISMATCH = "MISMATCH";

    /**
     * @param verified rows found as recorded
     * @param problems rows the service answered otherwise (recorded in {@code verify_status})
     * @param unanswered rows without an answer (timeout, connection error, throttled, 5xx): their
     *     {@code verify_status} is left as it was, and verify did not finish
     * @param stopReason why verify stopped before its last row (the service looks unreachable), or null
     */
    public record Verified(int verified, int problems, int unanswered, String stopReason) {

        public Verified(int verified, int problems) {
            this(verified, problems, 0, null);
        }

        /** Whether every CREATED row got an answer. */
        public boolean finished() {
            return this.unanswered == 0 && this.stopReason == null;
        }

    }

    /** Unanswered calls in a row after which the service is taken to be unreachable and verify stops. */
    static final int STOP_AFTER_UNANSWERED = 10;

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
        int unanswered = 0;
        int unansweredInARow = 0;
        long startNanos = System.nanoTime();
        // A page at a time, its answers written in one batch: a million CREATED rows are never held in memory,
        // and a verify that stops keeps what it checked up to there.
        int after = Integer.MIN_VALUE;
        List<LedgerRow> page;
        do {
            page = this.ledger.rowsWithOutcome(run.runId(), Outcome.CREATED, after, LedgerRepository.PAGE_SIZE);
            List<LedgerRepository.Verification> results = new ArrayList<>(page.size());
            try {
                for (LedgerRow row : page) {
                    String status = check(row);
                    int checked = verified + problems + unanswered + 1;
                    if (progress != null) {
                        progress.update(checked, checked / Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9));
                    }
                    if (status == null) {
                        // No answer says nothing about the snapshot: the status recorded earlier stays.
                        unanswered++;
                        if (++unansweredInARow >= STOP_AFTER_UNANSWERED) {
                            return new Verified(verified, problems, unanswered, "the service looks unreachable: "
                                    + unansweredInARow + " calls in a row got no answer");
                        }
                        continue;
                    }
                    unansweredInARow = 0;
                    results.add(new LedgerRepository.Verification(row.line(), status));
                    if (VERIFIED.equals(status)) {
                        verified++;
                    }
                    else {
                        problems++;
                    }
                }
            }
            finally {
                if (!results.isEmpty()) {
                    this.ledger.recordVerifications(run.runId(), results, this.clock.instant());
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).line();
        }
        while (page.size() == LedgerRepository.PAGE_SIZE);
        return new Verified(verified, problems, unanswered, null);
    }

    /** The row's verify status, or null when the service gave no answer about it. */
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
            ApiFailure failure = ApiFailure.of(ex);
            return switch (failure.disposition()) {
                case FAILED, DENIED -> failure.code();
                case NO_ANSWER, THROTTLED, SERVICE_ERROR, STOP_RUN -> null;
            };
        }
    }

}
