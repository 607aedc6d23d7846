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
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/** How client-side failures are classified: timeouts, connection errors, calls not sent, interruptions. */
class ApiFailureClientErrorTests {

    @Test
    void aSocketTimeoutIsATimeoutWithUnknownOutcome() {
        // given
        SdkClientException error = clientError(new SocketTimeoutException("Read timed out"));

        // when
        ApiFailure failure = ApiFailure.of(error);

        // then
        assertThat(failure.code()).isEqualTo("Timeout");
        assertThat(failure.disposition()).isEqualTo(Disposition.NO_ANSWER);
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
            .containsExactly("Timeout", Disposition.NO_ANSWER);
        assertThat(ApiFailure.of(clientError(attempt))).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Timeout", Disposition.NO_ANSWER);
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
        assertThat(failure.disposition()).isEqualTo(Disposition.NO_ANSWER);
    }

    @Test
    void waitingTooLongForAPooledConnectionIsATimeout() {
        // given
        SdkClientException error = clientError(
                new ConnectionPoolTimeoutException("Timeout waiting for connection from pool"));

        // when / then
        assertThat(ApiFailure.of(error)).extracting(ApiFailure::code, ApiFailure::disposition)
            .containsExactly("Timeout", Disposition.NO_ANSWER);
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
        assertThat(failure.disposition()).isEqualTo(Disposition.NO_ANSWER);
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

    private static SdkClientException clientError(Throwable cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage()).cause(cause)
            .build();
    }

}
