package io.snapshotbatch.emulator;

/** The error shapes the emulator can answer with, with their Smithy {@code httpError} status. */
enum ErrorType {
    ValidationException(400),
    AccessDeniedException(403),
    ResourceNotFoundException(404),
    ConflictException(409),
    ServiceQuotaExceededException(402),
    ThrottlingException(429),
    InternalServerException(500),
    // Protocol-level errors of the awsJson front end; not in the service model, always 400.
    SerializationException(400),
    UnknownOperationException(400);

    private final int smithyStatus;

    ErrorType(int smithyStatus) {
        this.smithyStatus = smithyStatus;
    }

    int smithyStatus() {
        return smithyStatus;
    }
}
