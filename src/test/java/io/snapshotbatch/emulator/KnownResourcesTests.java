package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ListResourceSnapshotsRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;

import java.io.IOException;
import java.util.Set;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OPPORTUNITY;
import static io.snapshotbatch.emulator.EmulatorClients.OTHER_ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With seeded engagements/opportunities, anything else is ResourceNotFoundException and creates nothing. */
class KnownResourcesTests {

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings()
                .withKnownEngagements(Set.of(ENGAGEMENT)).withKnownOpportunities(Set.of(OPPORTUNITY)));
        client = EmulatorClients.noRetryClient(emulator);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aKnownEngagementAndOpportunityAreServed() {
        assertThat(client.createResourceSnapshot(validCreate().build()).revision()).isEqualTo(1);
    }

    @Test
    void anUnknownEngagementIsResourceNotFound() {
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().engagementIdentifier(OTHER_ENGAGEMENT)
                .build())).isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains(OTHER_ENGAGEMENT));
        assertThatThrownBy(() -> client.listResourceSnapshots(ListResourceSnapshotsRequest.builder().catalog("Sandbox")
                .engagementIdentifier(OTHER_ENGAGEMENT).build())).isInstanceOf(ResourceNotFoundException.class);
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }

    @Test
    void anUnknownOpportunityIsResourceNotFound() {
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().resourceIdentifier("O1").build()))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("O1"));
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "ResourceNotFoundException")).isEqualTo(1);
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }
}
