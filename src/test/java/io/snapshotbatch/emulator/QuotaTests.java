package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ListResourceSnapshotsRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException;

import java.io.IOException;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-operation rate and the rolling daily quota, as a client without retries sees them. */
class QuotaTests {

    private static final String CREATE = "CreateResourceSnapshot";

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void callsBeyondTheRateAreThrottledAndCreateNothing() throws Exception {
        // given 5 calls per second (a bucket of 5)
        start(EmulatorClients.testSettings().withRatePerSecond(5));

        // when 15 creates are sent back to back
        int succeeded = 0;
        int throttled = 0;
        for (int i = 0; i < 15; i++) {
            try {
                client.createResourceSnapshot(validCreate().build());
                succeeded++;
            } catch (ThrottlingException e) {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                throttled++;
            }
        }

        // then about one bucket got through (plus what refilled meanwhile), the rest was throttled
        assertThat(succeeded).isBetween(5, 9);
        assertThat(throttled).isEqualTo(15 - succeeded);
        assertThat(emulator.stats().calls(CREATE, "ThrottlingException")).isEqualTo(throttled);
        assertThat(emulator.stats().revisionsByKey()).containsValue(succeeded);

        // and after a pause the bucket has refilled
        Thread.sleep(450);
        assertThat(client.createResourceSnapshot(validCreate().build()).revision()).isEqualTo(succeeded + 1);
    }

    @Test
    void eachOperationHasItsOwnBucket() throws IOException {
        // given a spent CreateResourceSnapshot bucket
        start(EmulatorClients.testSettings().withRatePerSecond(1));
        client.createResourceSnapshot(validCreate().build());
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOf(ThrottlingException.class);

        // when / then another operation is still served
        var list = client.listResourceSnapshots(ListResourceSnapshotsRequest.builder().catalog("Sandbox")
                .engagementIdentifier(ENGAGEMENT).build());
        assertThat(list.resourceSnapshotSummaries()).hasSize(1);
    }

    @Test
    void onceTheDailyQuotaIsSpentCreatesAreThrottled() throws IOException {
        // given a quota of 3 new snapshots per rolling 24 h, all spent
        start(EmulatorClients.testSettings().withDailyQuota(3));
        CreateResourceSnapshotRequest first = validCreate().build();
        client.createResourceSnapshot(first);
        client.createResourceSnapshot(validCreate().build());
        client.createResourceSnapshot(validCreate().build());

        // when / then a fourth create is throttled and creates nothing
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).contains("daily quota"));
        assertThat(emulator.stats().revisionsByKey()).containsValue(3);
        assertThat(emulator.stats().calls(CREATE, "Success")).isEqualTo(3);
        assertThat(emulator.stats().calls(CREATE, "ThrottlingException")).isEqualTo(1);

        // and a replay is throttled too: the gate applies to every create once the quota is spent
        assertThatThrownBy(() -> client.createResourceSnapshot(first)).isInstanceOf(ThrottlingException.class);
    }

    @Test
    void replaysAndRejectedCallsDoNotSpendTheDailyQuota() throws IOException {
        // given a quota of 2
        start(EmulatorClients.testSettings().withDailyQuota(2));
        CreateResourceSnapshotRequest first = validCreate().build();
        client.createResourceSnapshot(first);

        // when the same request is replayed and an invalid one is rejected
        client.createResourceSnapshot(first);
        client.createResourceSnapshot(first);
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().catalog("Prod").build()))
                .isNotInstanceOf(ThrottlingException.class);

        // then one unit is left for a new snapshot
        assertThat(client.createResourceSnapshot(validCreate().build()).revision()).isEqualTo(2);
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOf(ThrottlingException.class);
    }

    private void start(EmulatorSettings settings) throws IOException {
        emulator = PartnerCentralEmulator.start(settings);
        client = EmulatorClients.noRetryClient(emulator);
    }
}
