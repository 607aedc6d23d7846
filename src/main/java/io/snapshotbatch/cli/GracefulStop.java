package io.snapshotbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.snapshot.RunStopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM, Ctrl-C (SIGINT) or a closed terminal (SIGHUP) during a run: stop taking new rows, let the
 * calls in flight finish and be recorded, write the report, close the database, then exit with the
 * run's code (4: the same command resumes it).
 * <p>
 * The signals are handled here instead of by the JVM's shutdown: a shutdown would run every shutdown
 * hook at once, H2's among them, which closes the embedded database while the stop is still recording
 * the chunks in flight. (H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} together with the
 * {@code AUTO_SERVER=TRUE} of the default ledger.) The JVM only shuts down when the command returns,
 * after its context, and with it the data source, has been closed. A second signal exits at once.
 */
final class GracefulStop implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(GracefulStop.class);

    private static final String[] SIGNALS = { "TERM", "INT", "HUP" };

    /** A stop normally takes one chunk's calls; this only bounds a stop that hangs. */
    private static final long WAIT_MINUTES = 10;

    private final RunStopSignal stopSignal;

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private final AtomicInteger received = new AtomicInteger();

    GracefulStop(RunStopSignal stopSignal) {
        this.stopSignal = stopSignal;
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                this.previous.put(signal, Signal.handle(signal, this::onSignal));
            }
            catch (IllegalArgumentException ex) {
                // Not available here (another platform, or reserved with -Xrs): the JVM's default applies.
                logger.debug("SIG{} cannot be handled: {}", name, ex.getMessage());
            }
        }
    }

    private void onSignal(Signal signal) {
        String name = describe(signal);
        if (this.received.getAndIncrement() > 0) {
            logger.warn("{} again: exiting now; the rows in flight stay PENDING and the same command sends them "
                    + "again with their tokens", name);
            System.out.flush();
            Runtime.getRuntime().halt(ExitCodes.STOPPED);
        }
        this.stopSignal.stop("interrupted by a signal (" + name + ")");
        logger.warn("{}: stopping; no new rows are sent, the calls in flight are recorded and the report is written "
                + "(a second signal exits at once)", name);
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.MINUTES.sleep(WAIT_MINUTES);
                logger.error("The run did not stop within {} minutes; exiting anyway", WAIT_MINUTES);
                Runtime.getRuntime().halt(ExitCodes.STOPPED);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String describe(Signal signal) {
        return switch (signal.getName()) {
            case "INT" -> "SIGINT, Ctrl-C";
            default -> "SIG" + signal.getName();
        };
    }

    /** From now on signals end the process the JVM's usual way: there is nothing left to stop gracefully. */
    @Override
    public void close() {
        this.previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            }
            catch (IllegalArgumentException ex) {
                // Leaving ours in place is harmless: it only sets the stop signal of a finished run.
            }
        });
    }

}
