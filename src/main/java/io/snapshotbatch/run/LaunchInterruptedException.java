package io.snapshotbatch.run;

/** A launch told to stop (a signal) before its run started: nothing was sent; exit 4, the same command starts it. */
public class LaunchInterruptedException extends RuntimeException {

    public LaunchInterruptedException(String message) {
        super(message);
    }

}
