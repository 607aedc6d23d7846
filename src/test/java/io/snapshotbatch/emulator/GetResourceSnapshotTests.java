package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.GetResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.GetResourceSnapshotResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceSnapshotPayload;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

import java.io.IOException;
import java.time.Instant;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OPPORTUNITY;
import static io.snapshotbatch.emulator.EmulatorClients.TEMPLATE;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetResourceSnapshotTests {

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
        client = EmulatorClients.noRetryClient(emulator);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void withoutRevisionReturnsTheLatestWithAllMembers() {
        // given three revisions
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            client.createResourceSnapshot(validCreate().build());
        }

        // when
        GetResourceSnapshotResponse latest = client.getResourceSnapshot(get().build());

        // then
        assertThat(latest.revision()).isEqualTo(3);
        assertThat(latest.arn()).endsWith("/snapshot/3");
        assertThat(latest.catalog()).isEqualTo("Sandbox");
        assertThat(latest.engagementId()).isEqualTo(ENGAGEMENT);
        assertThat(latest.resourceTypeAsString()).isEqualTo("Opportunity");
        assertThat(latest.resourceId()).isEqualTo(OPPORTUNITY);
        assertThat(latest.resourceSnapshotTemplateName()).isEqualTo(TEMPLATE);
        assertThat(latest.createdBy()).matches("[0-9]{12}");
        assertThat(latest.createdAt()).isBetween(before, Instant.now());
        assertThat(latest.payload().type()).isEqualTo(ResourceSnapshotPayload.Type.OPPORTUNITY_SUMMARY);
        assertThat(latest.payload().opportunitySummary().customer().account().companyName()).contains(OPPORTUNITY);
        assertThat(latest.payload().opportunitySummary().lifecycle().stageAsString()).isNotBlank();
    }

    @Test
    void withRevisionReturnsThatRevision() {
        // given
        var first = client.createResourceSnapshot(validCreate().build());
        client.createResourceSnapshot(validCreate().build());

        // when
        GetResourceSnapshotResponse response = client.getResourceSnapshot(get().revision(1).build());

        // then
        assertThat(response.revision()).isEqualTo(1);
        assertThat(response.arn()).isEqualTo(first.arn());
    }

    @Test
    void aRevisionThatDoesNotExistIsResourceNotFound() {
        // given one revision
        client.createResourceSnapshot(validCreate().build());

        // when / then
        assertThatThrownBy(() -> client.getResourceSnapshot(get().revision(2).build()))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aViewWithoutSnapshotsIsResourceNotFound() {
        // given nothing was created
        // when / then
        assertThatThrownBy(() -> client.getResourceSnapshot(get().build()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(emulator.stats().calls("GetResourceSnapshot", "ResourceNotFoundException")).isEqualTo(1);
    }

    @Test
    void catalogsAreSeparateStores() {
        // given a Sandbox snapshot
        client.createResourceSnapshot(validCreate().build());

        // when the same view is read from the AWS catalog / then it is not there
        assertThatThrownBy(() -> client.getResourceSnapshot(get().catalog("AWS").build()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void revisionZeroIsAValidationError() {
        assertThatThrownBy(() -> client.getResourceSnapshot(get().revision(0).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList())
                        .singleElement().satisfies(error -> {
                            assertThat(error.fieldName()).isEqualTo("Revision");
                            assertThat(error.codeAsString()).isEqualTo("VALUE_OUT_OF_RANGE");
                        }));
    }

    @Test
    void createdAtCarriesANanosecondFraction() throws Exception {
        // given
        client.createResourceSnapshot(validCreate().build());

        // when read raw, bypassing the SDK's parsing
        String body = RawHttp.post(emulator, "GetResourceSnapshot",
                "{\"Catalog\":\"Sandbox\",\"EngagementIdentifier\":\"" + ENGAGEMENT + "\",\"ResourceType\":"
                        + "\"Opportunity\",\"ResourceIdentifier\":\"" + OPPORTUNITY + "\","
                        + "\"ResourceSnapshotTemplateIdentifier\":\"" + TEMPLATE + "\"}").body();

        // then
        assertThat(body).containsPattern("\"CreatedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z\"");
        assertThat(body).contains("\"Payload\":{\"OpportunitySummary\":{");
    }

    private static GetResourceSnapshotRequest.Builder get() {
        return GetResourceSnapshotRequest.builder()
                .catalog("Sandbox")
                .engagementIdentifier(ENGAGEMENT)
                .resourceType("Opportunity")
                .resourceIdentifier(OPPORTUNITY)
                .resourceSnapshotTemplateIdentifier(TEMPLATE);
    }
}
