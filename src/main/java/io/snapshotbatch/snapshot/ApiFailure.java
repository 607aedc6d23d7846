package io.snapshotbatch.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.http.conn.ConnectTimeoutException;

import io.snapshotbatch.throttle.CallAbortedException;
import io.snapshotbatch.throttle.CallBudgetExhaustedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

/**
 * What a failed call means for its row and for the run, after the SDK's own retries.
 *
 * @param code the service's error name, or a client-side cause ({@code Timeout}, {@code ConnectionError})
 * @param message for the report; service messages only, never request headers
 * @param disposition what happens next
 */
public record ApiFailure(String code, String message, Disposition disposition) {

    /** Errors after which the service certainly created nothing: re-sending needs a new token. */
    private static final Set<String> DEFINITIVE = Set.of("ValidationException", "ResourceNotFoundException",
            "AccessDeniedException", "ConflictException", "ServiceQuotaExceededException");

    public enum Disposition {

        /** The row is FAILED and the service created nothing. */
        FAILED,
        /** Throttled after every SDK attempt: the row stays PENDING and a later pass sends it again, same token. */
        THROTTLED,
        /**
         * No answer (timeout, dropped or refused connection): the outcome is unknown, so the row stays PENDING
         * with its token; a later pass sends it again. Many in a row mean the service is unreachable.
         */
        NO_ANSWER,
        /**
         * The service answered 5xx: it may have created the snapshot. PENDING the first time in a launch (a
         * later pass tries again, same token); FAILED the second time, re-sent with its token by rerun-failed.
         */
        SERVICE_ERROR,
        /**
         * AccessDeniedException: FAILED for this row once the service has accepted some call of the launch;
         * until then PENDING, because a denial of every call (a missing permission) stops the run instead.
         */
        DENIED,
        /** The row stays PENDING and the run stops: the cause affects every row (quota, budget, stop, client). */
        STOP_RUN

    }

    /** Whether a FAILED row's earlier call certainly created nothing (re-sent with a new token). */
    public static boolean isDefinitive(String errorCode) {
        return errorCode != null && DEFINITIVE.contains(errorCode);
    }

    public static ApiFailure of(Throwable error) {
        if (error instanceof AwsServiceException service) {
            return ofService(service);
        }
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof CallBudgetExhaustedException || cause instanceof CallAbortedException) {
                return new ApiFailure("NotSent", cause.getMessage(), Disposition.STOP_RUN);
            }
            // Apache's connect and pool-lease timeouts are InterruptedIOExceptions too, but nobody interrupted us.
            if (cause instanceof AbortedException || cause instanceof InterruptedException
                    || (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)
                            && !(cause instanceof ConnectTimeoutException))) {
                return new ApiFailure("Interrupted", "the call was interrupted", Disposition.STOP_RUN);
            }
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                    || cause instanceof SocketTimeoutException || cause instanceof ConnectTimeoutException) {
                return new ApiFailure("Timeout", describe(cause), Disposition.NO_ANSWER);
            }
            if (cause instanceof IOException) {
                return new ApiFailure("ConnectionError", describe(cause), Disposition.NO_ANSWER);
            }
            cause = cause.getCause();
        }
        // Nothing went out on the wire (credentials, signing, marshalling): keep the row, stop the run.
        return new ApiFailure("ClientError", describe(error), Disposition.STOP_RUN);
    }

    private static ApiFailure ofService(AwsServiceException error) {
        String code = (error.awsErrorDetails() != null && error.awsErrorDetails().errorCode() != null)
                ? error.awsErrorDetails().errorCode() : "HTTP" + error.statusCode();
        String message = serviceMessage(error);
        if ("ThrottlingException".equals(code) || error.isThrottlingException()) {
            return new ApiFailure("ThrottlingException", "still throttled after every retry: " + message,
                    Disposition.THROTTLED);
        }
        if ("AccessDeniedException".equals(code)) {
            return new ApiFailure(code, message, Disposition.DENIED);
        }
        if ("ServiceQuotaExceededException".equals(code)) {
            return new ApiFailure(code, message, Disposition.STOP_RUN);
        }
        if (error.statusCode() >= 500 || "InternalServerException".equals(code)) {
            return new ApiFailure(code, message, Disposition.SERVICE_ERROR);
        }
        return new ApiFailure(code, message, Disposition.FAILED);
    }

    private static String serviceMessage(AwsServiceException error) {
        String message = (error.awsErrorDetails() != null) ? error.awsErrorDetails().errorMessage() : null;
        if (message == null) {
            message = "HTTP " + error.statusCode();
        }
        if (error instanceof ValidationException validation && validation.hasErrorList()) {
            message += " [" + validation.errorList()
                .stream()
                .map((e) -> e.fieldName() + ": " + e.codeAsString() + " " + e.message())
                .collect(Collectors.joining("; ")) + "]";
        }
        return message;
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ((error.getMessage() != null) ? ": " + error.getMessage() : "");
    }

}
