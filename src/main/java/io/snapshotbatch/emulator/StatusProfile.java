package io.snapshotbatch.emulator;

/**
 * Which HTTP status an error is sent with. The sources disagree (reference doc §1.4), so a client must key on the
 * error code; the two profiles let tests prove that it does.
 */
public enum StatusProfile {
    /** Smithy {@code httpError} traits: 400/403/404/409/402/429, 500 for InternalServerException. */
    SMITHY,
    /** API Reference pages: 400 for every client error, 500 for InternalServerException. */
    DOCS;

    int statusOf(ErrorType error) {
        if (this == SMITHY || error.smithyStatus() >= 500) {
            return error.smithyStatus();
        }
        return 400;
    }
}
