package io.snapshotbatch.run;

/** The exit codes schedulers rely on (CONTRACT.md). */
public final class ExitCodes {

    /** Every input row CREATED or UNCHANGED, or the run date had already completed. */
    public static final int OK = 0;

    /** Unexpected internal error. */
    public static final int INTERNAL_ERROR = 1;

    /** Usage or configuration error: bad option, unreadable input, database unreachable. */
    public static final int USAGE = 2;

    /** Finished, but some rows FAILED, REJECTED or DUPLICATE. */
    public static final int FINISHED_WITH_PROBLEMS = 3;

    /** Stopped before finishing; the same command continues it. */
    public static final int STOPPED = 4;

    /** Refused: this run date is already running elsewhere. */
    public static final int ALREADY_RUNNING = 5;

    private ExitCodes() {
    }

}
