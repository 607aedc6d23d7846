package io.snapshotbatch.cli;

/** A bad option or configuration found after parsing: exit 2 with the message. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

}
