package io.snapshotbatch.throttle;

/** Thrown before an attempt is sent when the run is stopping; the row stays PENDING and nothing is sent. */
public class CallAbortedException extends RuntimeException {

    public CallAbortedException(String reason) {
        super(reason);
    }

}
