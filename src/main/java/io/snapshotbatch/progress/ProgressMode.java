package io.snapshotbatch.progress;

import java.util.Locale;

/** How progress is shown; the command line decides, because only it knows whether there is a terminal. */
public enum ProgressMode {

    /** A live progress bar: rows done of total, pace, time left. Only on a terminal. */
    BAR,
    /** A progress log line every interval: output goes to a file, a pipe or a journal. */
    LOG,
    /** Nothing ({@code --quiet}). */
    OFF;

    /** The Spring property that carries the mode into the context. */
    public static final String PROPERTY = "snapshot.progress";

    /** The mode named by the property; a context opened without the command line logs. */
    public static ProgressMode of(String value) {
        return (value == null || value.isBlank()) ? LOG : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

}
