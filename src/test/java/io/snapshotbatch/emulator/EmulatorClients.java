package io.snapshotbatch.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClientBuilder;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;

import java.util.UUID;

/** Real SDK clients pointed at an emulator, and request fixtures that pass validation. */
final class EmulatorClients {

    static final String ENGAGEMENT = "eng-eyl04g6b3yz2t6";
    static final String OTHER_ENGAGEMENT = "eng-abcdefgh012345";
    static final String OPPORTUNITY = "O4974569";
    static final String TEMPLATE = "OpportunitySummaryView";

    private EmulatorClients() {
    }

    /** The SDK with its default retry strategy, as the product uses it. */
    static PartnerCentralSellingClient client(PartnerCentralEmulator emulator) {
        return builder(emulator).build();
    }

    /** One attempt per call, so tests see the emulator's raw answer. */
    static PartnerCentralSellingClient noRetryClient(PartnerCentralEmulator emulator) {
        return builder(emulator).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static PartnerCentralSellingClientBuilder builder(PartnerCentralEmulator emulator) {
        return PartnerCentralSellingClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(ApacheHttpClient.builder());
    }

    /** A valid Sandbox create for the default engagement/opportunity/template with a fresh token. */
    static CreateResourceSnapshotRequest.Builder validCreate() {
        return CreateResourceSnapshotRequest.builder()
                .catalog("Sandbox")
                .engagementIdentifier(ENGAGEMENT)
                .resourceType("Opportunity")
                .resourceIdentifier(OPPORTUNITY)
                .resourceSnapshotTemplateIdentifier(TEMPLATE)
                .clientToken(UUID.randomUUID().toString());
    }

    /** An emulator on a free port with settings suited to fast tests (deterministic seed). */
    static EmulatorSettings testSettings() {
        return EmulatorSettings.defaults().withPort(0).withRandomSeed(42);
    }
}
