package io.snapshotbatch.nightly;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision of --skip-unchanged, on its own and against the emulator through the real SDK and a ReadGate. */
class ChangeCheckTests {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00.123456789Z");

    private static final String ARN = "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/3";

    private PartnerCentralEmulator emulator;

    private PartnerCentralSellingClient reads;

    private ReadGate gate;

    @BeforeEach
    void start() throws Exception {
        this.emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
        this.gate = new ReadGate(1000, () -> false);
        this.reads = PartnerCentralSellingClient.builder()
            .endpointOverride(this.emulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(this.gate))
            .build();
    }

    @AfterEach
    void stop() {
        this.reads.close();
        this.emulator.close();
    }

    @Test
    void unchangedOnlyWhenModifiedStrictlyBeforeTheSnapshot() {
        assertThat(ChangeCheck.decide(T.minusNanos(1), T, ARN, 3)).isEqualTo(new ChangeCheck.Unchanged(ARN, 3,
                "opportunity LastModifiedDate 2026-11-26T10:00:00.123456788Z is before the latest snapshot's CreatedAt "
                        + "2026-11-26T10:00:00.123456789Z"));
        // Equal timestamps count as changed: the snapshot may have been taken before the change in the same instant.
        assertThat(ChangeCheck.decide(T, T, ARN, 3)).isInstanceOf(ChangeCheck.Create.class);
        assertThat(ChangeCheck.decide(T.plusSeconds(1), T, ARN, 3)).isInstanceOf(ChangeCheck.Create.class);
        assertThat(ChangeCheck.decide(null, T, ARN, 3)).isInstanceOf(ChangeCheck.Create.class);
        assertThat(ChangeCheck.decide(T.minusSeconds(1), null, ARN, 3)).isInstanceOf(ChangeCheck.Create.class);
        assertThat(ChangeCheck.decide(T.minusSeconds(1), T, null, 3)).isInstanceOf(ChangeCheck.Create.class);
    }

    @Test
    void noSnapshotYetMeansCreateAfterOneRead() {
        // given
        ChangeCheck check = new ChangeCheck(this.reads, () -> false);

        // when
        ChangeCheck.Verdict verdict = check.check(row(1, "O1001"));

        // then
        assertThat(verdict).isEqualTo(new ChangeCheck.Create("no snapshot yet"));
        assertThat(this.gate.total()).isEqualTo(1);
    }

    @Test
    void prefetchedDatesSpareGetOpportunityAndAChangedOpportunityIsCreated() {
        // given two snapshots made now, then one opportunity changed
        List<LedgerRow> rows = List.of(row(1, "O1001"), row(2, "O1002"));
        rows.forEach(this::snapshot);
        this.emulator.markChanged("Sandbox", List.of("O1002"));
        ChangeCheck check = new ChangeCheck(this.reads, () -> false);
        this.gate.drain();

        // when
        check.prefetch(rows);
        ChangeCheck.Verdict first = check.check(rows.get(0));
        ChangeCheck.Verdict second = check.check(rows.get(1));

        // then one ListOpportunities and two GetResourceSnapshot
        assertThat(this.gate.drain()).isEqualTo(3);
        assertThat(first).isInstanceOf(ChangeCheck.Unchanged.class);
        assertThat(((ChangeCheck.Unchanged) first).revision()).isEqualTo(1);
        assertThat(((ChangeCheck.Unchanged) first).arn()).endsWith("/snapshot/1");
        assertThat(second).isInstanceOf(ChangeCheck.Create.class);
    }

    @Test
    void aFailedReadMeansCreateNeverSkip() throws Exception {
        // given a snapshot of an unchanged opportunity whose reads fail
        LedgerRow row = row(1, "O1001");
        snapshot(row);
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(this.emulator.endpoint() + "/_emulator/read-faults"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pattern\":\"O1001\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        ChangeCheck check = new ChangeCheck(this.reads, () -> false);

        // when
        check.prefetch(List.of(row));
        ChangeCheck.Verdict verdict = check.check(row);

        // then
        assertThat(verdict).isInstanceOf(ChangeCheck.Create.class);
        assertThat(((ChangeCheck.Create) verdict).why()).startsWith("GetResourceSnapshot failed: InternalServerException");
    }

    @Test
    void theReadGateEndsItsWaitWhenTheRunStops() {
        // given a gate at one read per 100 seconds whose only permit is taken
        AtomicBoolean stopping = new AtomicBoolean();
        ReadGate slow = new ReadGate(0.01, stopping::get);
        slow.acquire();
        stopping.set(true);

        // when / then
        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(slow::acquire)
            .isInstanceOf(io.snapshotbatch.throttle.CallAbortedException.class);
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    private void snapshot(LedgerRow row) {
        this.reads.createResourceSnapshot((r) -> r.catalog(row.catalog()).engagementIdentifier(row.engagementId())
            .resourceType(row.resourceType()).resourceIdentifier(row.resourceId())
            .resourceSnapshotTemplateIdentifier(row.template()).clientToken("token-" + row.line()));
    }

    private static LedgerRow row(int line, String opportunity) {
        return new LedgerRow(1, line, "Sandbox", "eng-nightly000000" + line, "Opportunity", opportunity,
                "OpportunitySummaryView", "token-" + line, 0, Outcome.PENDING, null, null, null, null, null, 0, 0, null,
                null, Instant.now());
    }

}
