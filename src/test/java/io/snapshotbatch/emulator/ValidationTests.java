package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionError;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionReason;

import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** CreateResourceSnapshot's server-side validation, as the SDK sees it (the SDK itself validates nothing). */
class ValidationTests {

    private static PartnerCentralEmulator emulator;
    private static PartnerCentralSellingClient client;

    @BeforeAll
    static void start() throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
        client = EmulatorClients.noRetryClient(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("missing Catalog", edit(b -> b.catalog(null)), "Catalog", "REQUIRED_FIELD_MISSING"),
                arguments("missing engagement", edit(b -> b.engagementIdentifier(null)), "EngagementIdentifier",
                        "REQUIRED_FIELD_MISSING"),
                arguments("missing ResourceType", edit(b -> b.resourceType((String) null)), "ResourceType",
                        "REQUIRED_FIELD_MISSING"),
                arguments("missing resource", edit(b -> b.resourceIdentifier(null)), "ResourceIdentifier",
                        "REQUIRED_FIELD_MISSING"),
                arguments("missing template", edit(b -> b.resourceSnapshotTemplateIdentifier(null)),
                        "ResourceSnapshotTemplateIdentifier", "REQUIRED_FIELD_MISSING"),
                arguments("Catalog not letters", edit(b -> b.catalog("AWS1")), "Catalog", "INVALID_STRING_FORMAT"),
                arguments("Catalog neither AWS nor Sandbox", edit(b -> b.catalog("Production")), "Catalog",
                        "INVALID_VALUE"),
                arguments("Catalog in wrong case", edit(b -> b.catalog("sandbox")), "Catalog", "INVALID_VALUE"),
                arguments("engagement too short", edit(b -> b.engagementIdentifier("eng-12356whnauo")),
                        "EngagementIdentifier", "INVALID_STRING_FORMAT"),
                arguments("engagement with upper case", edit(b -> b.engagementIdentifier("eng-EYL04G6B3YZ2T6")),
                        "EngagementIdentifier", "INVALID_STRING_FORMAT"),
                arguments("engagement with a suffix (whole value must match)",
                        edit(b -> b.engagementIdentifier("eng-eyl04g6b3yz2t6x")), "EngagementIdentifier",
                        "INVALID_STRING_FORMAT"),
                arguments("ResourceType not Opportunity", edit(b -> b.resourceType("Lead")), "ResourceType",
                        "INVALID_ENUM_VALUE"),
                arguments("resource without O", edit(b -> b.resourceIdentifier("4974569")), "ResourceIdentifier",
                        "INVALID_STRING_FORMAT"),
                arguments("resource with 20 digits", edit(b -> b.resourceIdentifier("O12345678901234567890")),
                        "ResourceIdentifier", "INVALID_STRING_FORMAT"),
                arguments("template too short", edit(b -> b.resourceSnapshotTemplateIdentifier("Op")),
                        "ResourceSnapshotTemplateIdentifier", "INVALID_STRING_FORMAT"),
                arguments("template with a dash", edit(b -> b.resourceSnapshotTemplateIdentifier("Opp-View")),
                        "ResourceSnapshotTemplateIdentifier", "INVALID_STRING_FORMAT"),
                arguments("empty ClientToken", edit(b -> b.clientToken("")), "ClientToken", "INVALID_STRING_FORMAT"),
                arguments("ClientToken of 256 characters", edit(b -> b.clientToken("t".repeat(256))), "ClientToken",
                        "INVALID_STRING_FORMAT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void invalidFieldIsARequestValidationFailureNamingTheField(String description,
            UnaryOperator<CreateResourceSnapshotRequest.Builder> change, String field, String code) {
        // given a request that is valid but for one field
        CreateResourceSnapshotRequest request = change.apply(validCreate()).build();

        // when
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.createResourceSnapshot(request));

        // then
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.REQUEST_VALIDATION_FAILED);
        assertThat(e.errorList()).singleElement().satisfies(error -> {
            assertThat(error.fieldName()).isEqualTo(field);
            assertThat(error.codeAsString()).isEqualTo(code);
            assertThat(error.message()).isNotBlank();
        });
        assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
    }

    @Test
    void everyInvalidFieldIsListedInOneAnswer() {
        // given a request with three bad fields and one missing
        CreateResourceSnapshotRequest request = validCreate().catalog("Prod1").engagementIdentifier("eng-1")
                .resourceIdentifier("X1").clientToken(null).build();

        // when the SDK auto-fills the null token (it does), three errors remain
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.createResourceSnapshot(request));

        // then
        assertThat(e.errorList()).extracting(ValidationExceptionError::fieldName)
                .containsExactly("Catalog", "EngagementIdentifier", "ResourceIdentifier");
    }

    @Test
    void unknownTemplateIsABusinessValidationFailure() {
        // given a template name that is well-formed but not a known template
        CreateResourceSnapshotRequest request = validCreate()
                .resourceSnapshotTemplateIdentifier("AwsOpportunitySummaryFullView").build();

        // when
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.createResourceSnapshot(request));

        // then
        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.BUSINESS_VALIDATION_FAILED);
        assertThat(e.errorList()).singleElement().satisfies(error -> {
            assertThat(error.fieldName()).isEqualTo("ResourceSnapshotTemplateIdentifier");
            assertThat(error.codeAsString()).isEqualTo("INVALID_VALUE");
        });
    }

    @Test
    void bothKnownTemplatesAreAccepted() {
        // given / when
        var summaryView = client.createResourceSnapshot(validCreate().build());
        var opportunity = client.createResourceSnapshot(
                validCreate().resourceSnapshotTemplateIdentifier("Opportunity").build());

        // then
        assertThat(summaryView.revision()).isPositive();
        assertThat(opportunity.revision()).isPositive();
    }

    @Test
    void aRejectedRequestCreatesNothingAndIsCountedAsValidationException() {
        // given
        long before = emulator.stats().calls("CreateResourceSnapshot", "ValidationException");
        int revisionsBefore = emulator.stats().revisionsByKey().size();

        // when
        catchThrowableOfType(ValidationException.class,
                () -> client.createResourceSnapshot(validCreate().resourceIdentifier("O12345678").catalog("X1").build()));

        // then
        assertThat(emulator.stats().calls("CreateResourceSnapshot", "ValidationException")).isEqualTo(before + 1);
        assertThat(emulator.stats().revisionsByKey()).hasSize(revisionsBefore)
                .doesNotContainKey("X1|eng-eyl04g6b3yz2t6|Opportunity|O12345678|OpportunitySummaryView");
    }

    private static UnaryOperator<CreateResourceSnapshotRequest.Builder> edit(
            UnaryOperator<CreateResourceSnapshotRequest.Builder> change) {
        return change;
    }
}
