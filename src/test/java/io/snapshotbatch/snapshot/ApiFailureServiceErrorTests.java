package io.snapshotbatch.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapshotbatch.snapshot.ApiFailure.Disposition;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.partnercentralselling.model.AccessDeniedException;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionError;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationExceptionErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/** How errors answered by the service are classified, and which error codes are definitive. */
class ApiFailureServiceErrorTests {

    // --- service errors -------------------------------------------------------------------------------

    @Test
    void throttlingAfterEveryRetryLeavesTheRowForALaterPass() {
        // given
        ThrottlingException error = ThrottlingException.builder()
            .awsErrorDetails(details("ThrottlingException", "Rate exceeded"))
            .statusCode(429)
            .build();

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("ThrottlingException");
        assertThat(failure.disposition()).isEqualTo(Disposition.THROTTLED);
        assertThat(failure.message()).contains("Rate exceeded");
    }

    @Test
    void throttlingAnsweredAsA400WithTheErrorTypeIsThrottlingToo() {
        // given the service's other status profile
        ThrottlingException error = ThrottlingException.builder()
            .awsErrorDetails(details("ThrottlingException", "Rate exceeded"))
            .statusCode(400)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ThrottlingException", Disposition.THROTTLED);
    }

    @Test
    void aBare429IsThrottling() {
        // given a 429 without a recognisable error body
        AwsServiceException error = AwsServiceException.builder().statusCode(429).build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ThrottlingException", Disposition.THROTTLED);
    }

    @Test
    void aValidationErrorFailsTheRowWithEveryFieldInTheMessage() {
        // given
        ValidationException error = ValidationException.builder()
            .awsErrorDetails(details("ValidationException", "The request is invalid"))
            .statusCode(400)
            .errorList(ValidationExceptionError.builder()
                .fieldName("EngagementIdentifier")
                .code(ValidationExceptionErrorCode.INVALID_STRING_FORMAT)
                .message("must match eng-[0-9a-z]{14}")
                .build(),
                    ValidationExceptionError.builder()
                        .fieldName("Catalog")
                        .code(ValidationExceptionErrorCode.INVALID_ENUM_VALUE)
                        .message("must be AWS or Sandbox")
                        .build())
            .build();

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("ValidationException");
        assertThat(failure.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(failure.message()).startsWith("The request is invalid")
            .contains("EngagementIdentifier: INVALID_STRING_FORMAT must match eng-[0-9a-z]{14}")
            .contains("Catalog: INVALID_ENUM_VALUE must be AWS or Sandbox");
    }

    @Test
    void aValidationErrorWithoutFieldsKeepsTheServiceMessage() {
        // given
        ValidationException error = ValidationException.builder()
            .awsErrorDetails(details("ValidationException", "Bad request"))
            .statusCode(400)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::message, ApiFailure::disposition)
            .containsExactly("ValidationException", "Bad request", Disposition.FAILED);
    }

    @Test
    void aConflictFailsTheRow() {
        // given
        ConflictException error = ConflictException.builder()
            .awsErrorDetails(details("ConflictException", "Token reused with different parameters"))
            .statusCode(409)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::message, ApiFailure::disposition)
            .containsExactly("ConflictException", "Token reused with different parameters", Disposition.FAILED);
    }

    @Test
    void anUnknownResourceFailsTheRow() {
        // given
        ResourceNotFoundException error = ResourceNotFoundException.builder()
            .awsErrorDetails(details("ResourceNotFoundException", "Engagement not found"))
            .statusCode(404)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ResourceNotFoundException", Disposition.FAILED);
    }

    @Test
    void accessDeniedIsADenialForTheProcessorToJudge() {
        // given
        AccessDeniedException error = AccessDeniedException.builder()
            .awsErrorDetails(details("AccessDeniedException", "User is not authorized"))
            .statusCode(403)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::message, ApiFailure::disposition)
            .containsExactly("AccessDeniedException", "User is not authorized", Disposition.DENIED);
    }

    @Test
    void anExhaustedQuotaStopsTheRun() {
        // given
        ServiceQuotaExceededException error = ServiceQuotaExceededException.builder()
            .awsErrorDetails(details("ServiceQuotaExceededException", "Daily quota exceeded"))
            .statusCode(402)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ServiceQuotaExceededException", Disposition.STOP_RUN);
    }

    @Test
    void anInternalServerErrorMayHaveCreatedTheSnapshot() {
        // given
        InternalServerException error = InternalServerException.builder()
            .awsErrorDetails(details("InternalServerException", "Internal failure"))
            .statusCode(500)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("InternalServerException", Disposition.SERVICE_ERROR);
    }

    @Test
    void anyOther5xxMayHaveCreatedTheSnapshot() {
        // given a gateway error without a modelled type
        AwsServiceException error = AwsServiceException.builder()
            .awsErrorDetails(details("ServiceUnavailable", "try later"))
            .statusCode(503)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ServiceUnavailable", Disposition.SERVICE_ERROR);
    }

    @Test
    void aServiceErrorWithoutDetailsIsNamedByItsStatus() {
        // given
        AwsServiceException error = AwsServiceException.builder().statusCode(502).build();

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("HTTP502");
        assertThat(failure.message()).isEqualTo("HTTP 502");
        assertThat(failure.disposition()).isEqualTo(Disposition.SERVICE_ERROR);
    }

    // --- definitive errors ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "ValidationException", "ResourceNotFoundException", "AccessDeniedException",
            "ConflictException", "ServiceQuotaExceededException" })
    void errorsAfterWhichNothingWasCreatedAreDefinitive(String code) {
        assertThat(ApiFailure.isDefinitive(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ThrottlingException", "InternalServerException", "Timeout", "ConnectionError",
            "HTTP502", "NotSent", "Interrupted", "ClientError", "INVALID_ENGAGEMENT_ID", "validationexception", "" })
    void errorsThatMayHaveCreatedTheSnapshotAreNotDefinitive(String code) {
        assertThat(ApiFailure.isDefinitive(code)).isFalse();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

}
