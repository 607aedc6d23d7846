package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementResourceAssociationSummary;
import software.amazon.awssdk.services.partnercentralselling.model.GetOpportunityResponse;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementResourceAssociationsResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ListOpportunitiesResponse;
import software.amazon.awssdk.services.partnercentralselling.model.OpportunitySummary;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OPPORTUNITY;
import static io.snapshotbatch.emulator.EmulatorClients.TEMPLATE;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reads of a nightly sync, through the real SDK: opportunities' dates, associations, the caller's account. */
class NightlyReadsTests {

    private static final String OTHER_ACCOUNT = "210987654321";

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
    void anOpportunityNotMarkedChangedWasLastModifiedBeforeItsSnapshot() {
        // given a snapshot of an opportunity nobody changed
        client.createResourceSnapshot(validCreate().build());

        // when
        GetOpportunityResponse opportunity = client.getOpportunity(r -> r.catalog("Sandbox").identifier(OPPORTUNITY));
        Instant createdAt = latestSnapshotCreatedAt();

        // then
        assertThat(opportunity.id()).isEqualTo(OPPORTUNITY);
        assertThat(opportunity.lastModifiedDate()).isBefore(createdAt);
        assertThat(opportunity.createdDate()).isNotNull();
    }

    @Test
    void markingChangedMovesLastModifiedDateAfterTheSnapshot() {
        // given
        client.createResourceSnapshot(validCreate().build());
        Instant createdAt = latestSnapshotCreatedAt();

        // when
        emulator.markChanged("Sandbox", List.of(OPPORTUNITY));

        // then
        Instant modified = client.getOpportunity(r -> r.catalog("Sandbox").identifier(OPPORTUNITY)).lastModifiedDate();
        assertThat(modified).isAfter(createdAt);
        // and the other catalog's opportunity of the same id did not change
        assertThat(client.getOpportunity(r -> r.catalog("AWS").identifier(OPPORTUNITY)).lastModifiedDate())
                .isBefore(createdAt);
    }

    @Test
    void listOpportunitiesFiltersByIdentifierAndLastModifiedDate() {
        // given 20 opportunities, 3 of them changed
        List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> "O" + (1000 + i)).toList();
        Instant cut = Instant.now();
        emulator.markChanged("Sandbox", List.of("O1003", "O1011", "O1020"));

        // when
        ListOpportunitiesResponse all = client.listOpportunities(r -> r.catalog("Sandbox").identifier(ids).maxResults(100));
        ListOpportunitiesResponse changed = client.listOpportunities(r -> r.catalog("Sandbox").identifier(ids)
                .lastModifiedDate(d -> d.afterLastModifiedDate(cut)));

        // then
        assertThat(all.opportunitySummaries()).extracting(OpportunitySummary::id).containsExactlyElementsOf(ids);
        assertThat(all.nextToken()).isNull();
        assertThat(changed.opportunitySummaries()).extracting(OpportunitySummary::id)
                .containsExactly("O1003", "O1011", "O1020");
        assertThat(client.listOpportunities(r -> r.catalog("Sandbox").identifier(ids)
                .lastModifiedDate(d -> d.beforeLastModifiedDate(cut))).opportunitySummaries()).hasSize(17);
    }

    @Test
    void listOpportunitiesPagesWithoutRepeatsAndRefusesMoreThanTwentyIdentifiers() {
        // given
        List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> "O" + (2000 + i)).toList();
        client.listOpportunities(r -> r.catalog("Sandbox").identifier(ids));

        // when pages of 7 without an Identifier filter
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListOpportunitiesResponse page = client.listOpportunities(r -> r.catalog("Sandbox").maxResults(7).nextToken(next));
            page.opportunitySummaries().forEach(o -> seen.add(o.id()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        // then
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        List<String> tooMany = IntStream.rangeClosed(1, 21).mapToObj(i -> "O" + i).toList();
        assertThatThrownBy(() -> client.listOpportunities(r -> r.catalog("Sandbox").identifier(tooMany)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.listOpportunities(r -> r.catalog("Sandbox").nextToken("garbage")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void associationsAreFilteredByCreatedByAndPagedUpToAThousand() {
        // given 1,500 associations of ours and 500 of another account, interleaved
        for (int i = 0; i < 2000; i++) {
            String engagement = String.format("eng-%014d", i / 10);
            emulator.associate("Sandbox", engagement, "O" + (5000 + i), i % 4 == 3 ? OTHER_ACCOUNT : "111122223333");
        }
        emulator.associate("AWS", ENGAGEMENT, OPPORTUNITY, "111122223333");

        // when
        List<EngagementResourceAssociationSummary> ours = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListEngagementResourceAssociationsResponse page = client.listEngagementResourceAssociations(r -> r
                    .catalog("Sandbox").resourceType("Opportunity").createdBy("111122223333").maxResults(1000)
                    .nextToken(next));
            ours.addAll(page.engagementResourceAssociationSummaries());
            token = page.nextToken();
            pages++;
        } while (token != null);

        // then
        assertThat(ours).hasSize(1500).allMatch(a -> a.createdBy().equals("111122223333"));
        assertThat(ours.get(0).resourceId()).isEqualTo("O5000");
        assertThat(ours.get(0).engagementId()).isEqualTo("eng-00000000000000");
        assertThat(pages).isEqualTo(2);
        assertThat(client.listEngagementResourceAssociations(r -> r.catalog("Sandbox")
                .engagementIdentifier("eng-00000000000000")).engagementResourceAssociationSummaries()).hasSize(10);
        assertThatThrownBy(() -> client.listEngagementResourceAssociations(r -> r.catalog("Sandbox").maxResults(1001)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void readFaultsFailTheReadsOfMatchingOpportunitiesOnly() throws Exception {
        // given
        client.createResourceSnapshot(validCreate().build());
        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.endpoint() + "/_emulator/read-faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pattern\":\"O4974569\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(set.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.getOpportunity(r -> r.catalog("Sandbox").identifier(OPPORTUNITY)))
                .isInstanceOf(InternalServerException.class);
        assertThatThrownBy(this::latestSnapshotCreatedAt).isInstanceOf(InternalServerException.class);
        assertThat(client.getOpportunity(r -> r.catalog("Sandbox").identifier("O1")).id()).isEqualTo("O1");
    }

    @Test
    void adminEndpointMarksChangedWithAGivenTimestamp() throws Exception {
        // when
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.endpoint() + "/_emulator/opportunities"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identifiers\":[\"O7\"],\"lastModifiedDate\":\"2030-01-02T03:04:05.123456789Z\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(answer.body()).contains("\"modified\":1");
        assertThat(client.getOpportunity(r -> r.catalog("Sandbox").identifier("O7")).lastModifiedDate())
                .isEqualTo(Instant.parse("2030-01-02T03:04:05.123456789Z"));
    }

    @Test
    void stsGetCallerIdentityAnswersTheEmulatorsAccount() {
        try (StsClient sts = StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(EmulatorTuning.DEFAULT_ACCOUNT_ID);
        }
    }

    private Instant latestSnapshotCreatedAt() {
        return client.getResourceSnapshot(r -> r.catalog("Sandbox").engagementIdentifier(ENGAGEMENT)
                .resourceType("Opportunity").resourceIdentifier(OPPORTUNITY).resourceSnapshotTemplateIdentifier(TEMPLATE))
                .createdAt();
    }
}
