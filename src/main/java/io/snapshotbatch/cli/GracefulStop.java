package io.snapshotbatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.snapshot.RunStopSignal;

/**
 * SIGTERM or Ctrl-C during a run: stop taking new rows, let in-flight calls finish and be recorded,
 * write the report, then exit with the run's code (4: the same command resumes it). The JVM's
 * shutdown hook waits for the command to finish instead of letting the process die mid-chunk.
 */
final class GracefulStop implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

    /** Kubernetes gives 30 s by default before SIGKILL; a chunk in flight normally takes far less. */
    private static final long WAIT_MINUTES = 10;

    private final RunStopSignal stopSignal;

    private final Thread hook;

    private final CountDownLatch finished = new CountDownLatch(1);

    private volatile int exitCode = ExitCodes.STOPPED;

    GracefulStop(RunStopSignal stopSignal) {
        this.stopSignal = stopSignal;
        this.hook = new Thread(this::onSignal, "graceful-stop");
        Runtime.getRuntime().addShutdownHook(this.hook);
    }

    private void onSignal() {
        if (this.finished.getCount() == 0) {
            return;
        }
        this.stopSignal.stop("interrupted by a signal (SIGTERM or Ctrl-C)");
        logger.warn("Stopping: no new rows are sent; waiting for the calls in flight to be recorded");
        try {
            if (!this.finished.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
                logger.error("The run did not stop within {} minutes; exiting anyway", WAIT_MINUTES);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        // System.exit would block during shutdown; halt ends the process with the run's own code.
        Runtime.getRuntime().halt(this.exitCode);
    }

    /** Records the command's exit code; from now on a signal ends the process with it. */
    void finish(int code) {
        this.exitCode = code;
        this.finished.countDown();
    }

    @Override
    public void close() {
        this.finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(this.hook);
        }
        catch (IllegalStateException ex) {
            // Shutdown is under way: the hook ends the process with the recorded code.
        }
    }

}
