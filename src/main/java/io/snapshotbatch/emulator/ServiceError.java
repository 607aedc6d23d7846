package io.snapshotbatch.emulator;

import java.util.List;

/**
 * An error answer of the service. Thrown anywhere before a state change and turned into an awsJson error response
 * by {@link WireWriter}. No stack trace: these are answers, not bugs, and some are thrown thousands of times a second.
 */
final class ServiceError extends RuntimeException {

    static final String REQUEST_VALIDATION_FAILED = "REQUEST_VALIDATION_FAILED";
    static final String BUSINESS_VALIDATION_FAILED = "BUSINESS_VALIDATION_FAILED";

    private final ErrorType type;
    private final String reason;
    private final List<FieldViolation> violations;

    private ServiceError(ErrorType type, String message, String reason, List<FieldViolation> violations) {
        super(message, null, false, false);
        this.type = type;
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    static ServiceError of(ErrorType type, String message) {
        return new ServiceError(type, message, null, List.of());
    }

    static ServiceError validation(String reason, List<FieldViolation> violations) {
        StringBuilder message = new StringBuilder(BUSINESS_VALIDATION_FAILED.equals(reason)
                ? "The request failed business validation:" : "The request failed validation:");
        for (FieldViolation v : violations) {
            message.append(' ').append(v.message());
        }
        return new ServiceError(ErrorType.ValidationException, message.toString(), reason, violations);
    }

    static ServiceError throttled() {
        return of(ErrorType.ThrottlingException, "Rate exceeded");
    }

    static ServiceError serialization(String detail) {
        return of(ErrorType.SerializationException, "Unable to parse the request body: " + detail);
    }

    ErrorType type() {
        return type;
    }

    /** The ValidationException {@code Reason}, or null for other errors. */
    String reason() {
        return reason;
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
