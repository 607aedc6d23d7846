package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ListResourceSnapshotsRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ListResourceSnapshotsResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceSnapshotSummary;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.snapshotbatch.emulator.EmulatorClients.ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.OTHER_ENGAGEMENT;
import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListResourceSnapshotsTests {

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;

    @BeforeEach
    void start() throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
        client = EmulatorClients.noRetryClient(emulator);
        // 3 opportunities x 2 templates, 2 revisions each = 12 snapshots in ENGAGEMENT; 1 in another engagement
        for (String opportunity : List.of("O1", "O2", "O3")) {
            for (String template : List.of("OpportunitySummaryView", "Opportunity")) {
                for (int revision = 0; revision < 2; revision++) {
                    client.createResourceSnapshot(validCreate().resourceIdentifier(opportunity)
                            .resourceSnapshotTemplateIdentifier(template).build());
                }
            }
        }
        client.createResourceSnapshot(validCreate().engagementIdentifier(OTHER_ENGAGEMENT).build());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void pagesThroughEveryRevisionWithMaxResultsAndNextToken() {
        // given pages of 5
        List<ResourceSnapshotSummary> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String nextToken = null;

        // when following NextToken to the end
        do {
            ListResourceSnapshotsResponse page = client.listResourceSnapshots(list().maxResults(5)
                    .nextToken(nextToken).build());
            all.addAll(page.resourceSnapshotSummaries());
            pageSizes.add(page.resourceSnapshotSummaries().size());
            nextToken = page.nextToken();
        } while (nextToken != null);

        // then 12 snapshots in pages 5, 5, 2, one summary per revision, none repeated
        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(all).extracting(ResourceSnapshotSummary::arn).doesNotHaveDuplicates().hasSize(12)
                .allMatch(arn -> arn.contains("/engagement/" + ENGAGEMENT + "/"));
        assertThat(all).first().satisfies(s -> {
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.resourceTypeAsString()).isEqualTo("Opportunity");
            assertThat(s.resourceId()).isEqualTo("O1");
            assertThat(s.resourceSnapshotTemplateName()).isNotBlank();
            assertThat(s.createdBy()).matches("[0-9]{12}");
        });
    }

    @Test
    void theSdkPaginatorSeesEverySnapshotAndTheLastPageHasNoToken() {
        // when
        List<ResourceSnapshotSummary> all = client.listResourceSnapshotsPaginator(list().maxResults(4).build())
                .resourceSnapshotSummaries().stream().toList();
        ListResourceSnapshotsResponse single = client.listResourceSnapshots(list().maxResults(1000).build());

        // then
        assertThat(all).hasSize(12);
        assertThat(single.resourceSnapshotSummaries()).hasSize(12);
        assertThat(single.nextToken()).isNull();
    }

    @Test
    void snapshotsCreatedBetweenPagesNeitherShiftNorRepeatEarlierItems() {
        // given a first page
        ListResourceSnapshotsResponse first = client.listResourceSnapshots(list().maxResults(6).build());

        // when a new revision of an already listed view is created, then the rest is read
        client.createResourceSnapshot(validCreate().resourceIdentifier("O1").build());
        List<ResourceSnapshotSummary> rest = client.listResourceSnapshotsPaginator(
                list().maxResults(6).nextToken(first.nextToken()).build()).resourceSnapshotSummaries().stream()
                .toList();

        // then nothing from the first page comes again
        assertThat(rest).extracting(ResourceSnapshotSummary::arn)
                .doesNotContainAnyElementsOf(first.resourceSnapshotSummaries().stream()
                        .map(ResourceSnapshotSummary::arn).toList());
    }

    @Test
    void filtersByResourceTemplateTypeAndCreator() {
        // when
        var byResource = client.listResourceSnapshots(list().resourceIdentifier("O2").build());
        var byTemplate = client.listResourceSnapshots(list().resourceSnapshotTemplateIdentifier("Opportunity").build());
        var byBoth = client.listResourceSnapshots(list().resourceIdentifier("O3")
                .resourceSnapshotTemplateIdentifier("OpportunitySummaryView").resourceType("Opportunity").build());
        var byOtherCreator = client.listResourceSnapshots(list().createdBy("999999999999").build());
        var byCreator = client.listResourceSnapshots(list().createdBy(EmulatorTuning.DEFAULT_ACCOUNT_ID).build());

        // then
        assertThat(byResource.resourceSnapshotSummaries()).hasSize(4).allMatch(s -> s.resourceId().equals("O2"));
        assertThat(byTemplate.resourceSnapshotSummaries()).hasSize(6)
                .allMatch(s -> s.resourceSnapshotTemplateName().equals("Opportunity"));
        assertThat(byBoth.resourceSnapshotSummaries()).extracting(ResourceSnapshotSummary::revision)
                .containsExactly(1, 2);
        assertThat(byOtherCreator.resourceSnapshotSummaries()).isEmpty();
        assertThat(byCreator.resourceSnapshotSummaries()).hasSize(12);
    }

    @Test
    void anEngagementWithoutSnapshotsListsNothing() {
        var response = client.listResourceSnapshots(list().engagementIdentifier("eng-00000000000000").build());

        assertThat(response.resourceSnapshotSummaries()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void maxResultsOutsideOneToAThousandIsAValidationError() {
        for (int bad : new int[] {0, 1001}) {
            assertThatThrownBy(() -> client.listResourceSnapshots(list().maxResults(bad).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList())
                            .singleElement().satisfies(error -> assertThat(error.fieldName()).isEqualTo("MaxResults")));
        }
    }

    @Test
    void aNextTokenThatWasNotIssuedIsAValidationError() {
        assertThatThrownBy(() -> client.listResourceSnapshots(list().nextToken("not-a-token").build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void catalogAndEngagementAreRequired() {
        assertThatThrownBy(() -> client.listResourceSnapshots(ListResourceSnapshotsRequest.builder().build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errorList())
                        .extracting(error -> error.fieldName() + ":" + error.codeAsString())
                        .containsExactly("Catalog:REQUIRED_FIELD_MISSING",
                                "EngagementIdentifier:REQUIRED_FIELD_MISSING"));
    }

    private static ListResourceSnapshotsRequest.Builder list() {
        return ListResourceSnapshotsRequest.builder().catalog("Sandbox").engagementIdentifier(ENGAGEMENT);
    }
}
