package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotResponse;

import java.io.IOException;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OPPORTUNITY;
import static io.snapshotbatch.emulator.EmulatorClients.TEMPLATE;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateResourceSnapshotTests {

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
    void firstSnapshotOfAViewIsRevisionOneWithTheServiceArnFormat() {
        // given a valid request
        CreateResourceSnapshotRequest request = validCreate().build();

        // when
        CreateResourceSnapshotResponse response = client.createResourceSnapshot(request);

        // then
        assertThat(response.revision()).isEqualTo(1);
        assertThat(response.arn()).isEqualTo("arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/"
                + ENGAGEMENT + "/resource/Opportunity/" + OPPORTUNITY + "/template/" + TEMPLATE + "/snapshot/1");
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "Success")).isEqualTo(1);
        assertThat(emulator.stats().revisionsCreated("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE))
                .isEqualTo(1);
    }

    @Test
    void eachNewTokenAddsTheNextRevisionOfTheSameView() {
        // given two earlier snapshots of the view
        client.createResourceSnapshot(validCreate().build());
        client.createResourceSnapshot(validCreate().build());

        // when a third request with a new token arrives
        CreateResourceSnapshotResponse third = client.createResourceSnapshot(validCreate().build());

        // then
        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.arn()).endsWith("/snapshot/3");
        assertThat(emulator.stats().revisionsByKey())
                .containsEntry("Sandbox|" + ENGAGEMENT + "|Opportunity|" + OPPORTUNITY + "|" + TEMPLATE, 3);
    }

    @Test
    void revisionsAreCountedPerViewAndCatalog() {
        // given one snapshot in Sandbox
        client.createResourceSnapshot(validCreate().build());

        // when the same view is snapshotted in AWS and another template in Sandbox
        var inAws = client.createResourceSnapshot(validCreate().catalog("AWS").build());
        var otherTemplate = client.createResourceSnapshot(
                validCreate().resourceSnapshotTemplateIdentifier("Opportunity").build());

        // then each starts at 1
        assertThat(inAws.revision()).isEqualTo(1);
        assertThat(inAws.arn()).contains("catalog/AWS/");
        assertThat(otherTemplate.revision()).isEqualTo(1);
        assertThat(otherTemplate.arn()).contains("/template/Opportunity/snapshot/1");
    }

    @Test
    void sameTokenAndSameRequestReplaysTheOriginalAnswerWithoutANewRevision() {
        // given
        CreateResourceSnapshotRequest request = validCreate().build();
        CreateResourceSnapshotResponse original = client.createResourceSnapshot(request);

        // when the identical request is sent again (e.g. after a lost reply or a restart)
        CreateResourceSnapshotResponse replay = client.createResourceSnapshot(request);

        // then
        assertThat(replay.arn()).isEqualTo(original.arn());
        assertThat(replay.revision()).isEqualTo(original.revision());
        assertThat(emulator.stats().revisionsCreated("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE))
                .isEqualTo(1);
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "Success")).isEqualTo(1);
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "Replay")).isEqualTo(1);
    }

    @Test
    void replayAnswersTheOriginalRevisionEvenAfterNewerRevisions() {
        // given a snapshot, then a newer one with another token
        CreateResourceSnapshotRequest first = validCreate().build();
        client.createResourceSnapshot(first);
        client.createResourceSnapshot(validCreate().build());

        // when the first request is replayed
        CreateResourceSnapshotResponse replay = client.createResourceSnapshot(first);

        // then it still gets revision 1
        assertThat(replay.revision()).isEqualTo(1);
    }

    @Test
    void sameTokenWithADifferentRequestIsAConflictAndCreatesNothing() {
        // given
        CreateResourceSnapshotRequest original = validCreate().build();
        client.createResourceSnapshot(original);

        // when the token is reused for another opportunity
        CreateResourceSnapshotRequest other = original.toBuilder().resourceIdentifier("O1111111").build();

        // then
        assertThatThrownBy(() -> client.createResourceSnapshot(other))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Conflicting client token submitted for a new request body.");
                });
        assertThat(emulator.stats().revisionsCreated("Sandbox", ENGAGEMENT, "Opportunity", "O1111111", TEMPLATE))
                .isZero();
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "ConflictException")).isEqualTo(1);
    }

    @Test
    void tokensAreScopedPerCatalog() {
        // given a token used in Sandbox
        CreateResourceSnapshotRequest sandbox = validCreate().build();
        client.createResourceSnapshot(sandbox);

        // when the same token is used for the AWS catalog
        var aws = client.createResourceSnapshot(sandbox.toBuilder().catalog("AWS").build());

        // then it is a new request there, not a conflict
        assertThat(aws.revision()).isEqualTo(1);
        assertThat(aws.arn()).contains("catalog/AWS/");
    }
}
