package io.snapshotbatch.input;

/** The input cannot be read at all (missing file, no required header, failing query): a usage error. */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

}
