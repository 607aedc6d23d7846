package io.snapshotbatch.snapshot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import io.snapshotbatch.input.InputException;

/**
 * Keeps Spring Batch's "Encountered an error executing step" log, with its stack trace, out of the output
 * when the step failed on the user's input ({@link InputException}: an unreadable file, a failing query).
 * That error is a usage error: the command prints it as one clear line and exits 2; a trace before it
 * would read as a crash. Every other step failure keeps its trace in the log, where an internal error
 * belongs. Registered once Spring Boot has set up logging, which would otherwise reset it.
 */
@Component
class InputErrorLogFilter extends TurboFilter {

    /** Where Spring Batch logs a step's failure ({@code AbstractStep} and its subclasses). */
    private static final String STEP_LOGGERS = "org.springframework.batch.core.step";

    InputErrorLogFilter() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            // One per logging context, however many commands this JVM runs (tests run several in-process).
            context.getTurboFilterList().removeIf(InputErrorLogFilter.class::isInstance);
            setName("input-error-step-log");
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (t != null && level == Level.ERROR && logger.getName().startsWith(STEP_LOGGERS) && isInputError(t)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static boolean isInputError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
            if (cause instanceof InputException) {
                return true;
            }
        }
        return false;
    }

}
