package io.snapshotbatch.snapshot;

import java.time.Clock;

import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.throttle.CallAttempts;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotResponse;

/**
 * Sends one row as a CreateResourceSnapshot call with the row's stored token and turns whatever
 * happens into a {@link RowResult}. Never throws: every outcome is something to record.
 */
public class SnapshotCaller {

    private final PartnerCentralSellingClient client;

    private final Clock clock;

    private final CallsInFlight inFlight;

    public SnapshotCaller(PartnerCentralSellingClient client, Clock clock) {
        this(client, clock, CallsInFlight.unbounded());
    }

    public SnapshotCaller(PartnerCentralSellingClient client, Clock clock, CallsInFlight inFlight) {
        this.client = client;
        this.clock = clock;
        this.inFlight = inFlight;
    }

    /** The result, plus the failure when there was one (for the run-level decisions of the caller). */
    public record Sent(RowResult result, ApiFailure failure) {
    }

    public Sent send(LedgerRow row) {
        CallAttempts attempts = new CallAttempts();
        if (row.clientToken() == null || row.clientToken().isBlank()) {
            // The SDK would invent a random token for a null one, and a restart would then duplicate.
            ApiFailure failure = new ApiFailure("MissingClientToken", "the ledger row has no ClientToken",
                    ApiFailure.Disposition.FAILED);
            return new Sent(failed(row, failure, attempts), failure);
        }
        this.inFlight.started();
        try {
            CreateResourceSnapshotResponse response = this.client.createResourceSnapshot(request(row, attempts));
            return new Sent(new RowResult(row.runId(), row.line(), Outcome.CREATED, response.arn(), response.revision(),
                    null, null, attempts.sent(), attempts.throttled(), this.clock.instant()), null);
        }
        catch (RuntimeException ex) {
            ApiFailure failure = ApiFailure.of(ex);
            return new Sent(failed(row, failure, attempts), failure);
        }
        finally {
            this.inFlight.ended();
        }
    }

    /** FAILED only when the failure is definitive; the processor decides the rest (PENDING until then). */
    private RowResult failed(LedgerRow row, ApiFailure failure, CallAttempts attempts) {
        Outcome outcome = (failure.disposition() == ApiFailure.Disposition.FAILED) ? Outcome.FAILED : Outcome.PENDING;
        return new RowResult(row.runId(), row.line(), outcome, null, null, failure.code(), truncate(failure.message()),
                attempts.sent(), attempts.throttled(), this.clock.instant());
    }

    private static CreateResourceSnapshotRequest request(LedgerRow row, CallAttempts attempts) {
        return CreateResourceSnapshotRequest.builder()
            .catalog(row.catalog())
            .engagementIdentifier(row.engagementId())
            .resourceType(row.resourceType())
            .resourceIdentifier(row.resourceId())
            .resourceSnapshotTemplateIdentifier(row.template())
            .clientToken(row.clientToken())
            .overrideConfiguration((o) -> o.putExecutionAttribute(CallAttempts.ATTRIBUTE, attempts))
            .build();
    }

    private static String truncate(String message) {
        return (message == null || message.length() <= 2000) ? message : message.substring(0, 1997) + "...";
    }

}
