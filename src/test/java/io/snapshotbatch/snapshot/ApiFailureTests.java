package io.snapshotbatch.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.snapshotbatch.snapshot.ApiFailure.Disposition;
import io.snapshotbatch.throttle.CallAbortedException;
import io.snapshotbatch.throttle.CallBudgetExhaustedException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
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

class ApiFailureTests {

    // --- service errors -------------------------------------------------------------------------------

    @Test
    void throttlingAfterEveryRetryStopsTheRun() {
        // given
        ThrottlingException error = ThrottlingException.builder()
            .awsErrorDetails(details("ThrottlingException", "Rate exceeded"))
            .statusCode(429)
            .build();

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("ThrottlingException");
        assertThat(failure.disposition()).isEqualTo(Disposition.STOP_RUN);
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
            .containsExactly("ThrottlingException", Disposition.STOP_RUN);
    }

    @Test
    void aBare429IsThrottling() {
        // given a 429 without a recognisable error body
        AwsServiceException error = AwsServiceException.builder().statusCode(429).build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("ThrottlingException", Disposition.STOP_RUN);
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
    void accessDeniedStopsTheRun() {
        // given
        AccessDeniedException error = AccessDeniedException.builder()
            .awsErrorDetails(details("AccessDeniedException", "User is not authorized"))
            .statusCode(403)
            .build();

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::message, ApiFailure::disposition)
            .containsExactly("AccessDeniedException", "User is not authorized", Disposition.STOP_RUN);
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
            .containsExactly("InternalServerException", Disposition.FAILED_OUTCOME_UNKNOWN);
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
            .containsExactly("ServiceUnavailable", Disposition.FAILED_OUTCOME_UNKNOWN);
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
        assertThat(failure.disposition()).isEqualTo(Disposition.FAILED_OUTCOME_UNKNOWN);
    }

    // --- client-side failures -------------------------------------------------------------------------

    @Test
    void aSocketTimeoutIsATimeoutWithUnknownOutcome() {
        // given
        SdkClientException error = clientError(new SocketTimeoutException("Read timed out"));

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("Timeout");
        assertThat(failure.disposition()).isEqualTo(Disposition.FAILED_OUTCOME_UNKNOWN);
        assertThat(failure.message()).contains("SocketTimeoutException").contains("Read timed out");
    }

    @Test
    void theSdksCallTimeoutsAreTimeouts() {
        // given
        ApiCallTimeoutException call = ApiCallTimeoutException.builder().message("call timed out").build();
        ApiCallAttemptTimeoutException attempt = ApiCallAttemptTimeoutException.builder()
            .message("attempt timed out")
            .build();

        // when / then
        assertThat(ApiFailure.of(call)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Timeout", Disposition.FAILED_OUTCOME_UNKNOWN);
        assertThat(ApiFailure.of(clientError(attempt))).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Timeout", Disposition.FAILED_OUTCOME_UNKNOWN);
    }

    @Test
    void aConnectTimeoutOfTheApacheClientIsATimeoutNotAnInterruption() {
        // given what the SDK's Apache client really throws when a connection cannot be opened in time
        SdkClientException error = clientError(new ConnectTimeoutException(
                new SocketTimeoutException("Connect timed out"), new org.apache.http.HttpHost("127.0.0.1", 4566), null));

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then the row fails like any timeout; the run is not stopped as if the process were interrupted
        assertThat(failure.code()).isEqualTo("Timeout");
        assertThat(failure.disposition()).isEqualTo(Disposition.FAILED_OUTCOME_UNKNOWN);
    }

    @Test
    void waitingTooLongForAPooledConnectionIsATimeout() {
        // given
        SdkClientException error = clientError(
                new ConnectionPoolTimeoutException("Timeout waiting for connection from pool"));

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Timeout", Disposition.FAILED_OUTCOME_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(classes = { ConnectException.class, UnknownHostException.class, SSLHandshakeException.class,
            NoHttpResponseException.class, IOException.class })
    void otherIoFailuresAreConnectionErrorsWithUnknownOutcome(Class<? extends IOException> type) throws Exception {
        // given
        IOException cause = type.getConstructor(String.class).newInstance("connection trouble");

        // when
        ApiFailure failure = ApiFailure.of(clientError(cause));

        // then
        assertThat(failure.code()).isEqualTo("ConnectionError");
        assertThat(failure.disposition()).isEqualTo(Disposition.FAILED_OUTCOME_UNKNOWN);
        assertThat(failure.message()).contains(type.getSimpleName()).contains("connection trouble");
    }

    @Test
    void aConnectionErrorDeepInTheCauseChainIsFound() {
        // given
        SdkClientException error = SdkClientException.builder()
            .message("outer")
            .cause(new RuntimeException("middle", new ConnectException("Connection refused")))
            .build();

        // when / then
        assertThat(ApiFailure.of(error).code()).isEqualTo("ConnectionError");
    }

    @Test
    void aSpentBudgetStopsTheRunWithNothingSent() {
        // given
        SdkClientException error = clientError(new CallBudgetExhaustedException(500));

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("NotSent");
        assertThat(failure.disposition()).isEqualTo(Disposition.STOP_RUN);
        assertThat(failure.message()).contains("500");
    }

    @Test
    void aCallAbortedBecauseTheRunIsStoppingIsNotSent() {
        // given
        SdkClientException error = clientError(new CallAbortedException("stop requested by SIGTERM"));

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::message, ApiFailure::disposition)
            .containsExactly("NotSent", "stop requested by SIGTERM", Disposition.STOP_RUN);
    }

    @Test
    void interruptionsStopTheRun() {
        // given
        AbortedException aborted = AbortedException.builder().message("Thread was interrupted").build();
        SdkClientException interrupted = clientError(new InterruptedException());
        SdkClientException interruptedIo = clientError(new InterruptedIOException());

        // when / then
        assertThat(ApiFailure.of(aborted)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Interrupted", Disposition.STOP_RUN);
        assertThat(ApiFailure.of(interrupted)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Interrupted", Disposition.STOP_RUN);
        assertThat(ApiFailure.of(interruptedIo)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Interrupted", Disposition.STOP_RUN);
    }

    @Test
    void aFailureBeforeAnythingWasSentStopsTheRun() {
        // given e.g. missing credentials
        SdkClientException error = SdkClientException.builder().message("Unable to load credentials").build();

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("ClientError");
        assertThat(failure.disposition()).isEqualTo(Disposition.STOP_RUN);
        assertThat(failure.message()).contains("Unable to load credentials");
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

    private static SdkClientException clientError(Throwable cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage()).cause(cause)
            .build();
    }

}
