package io.snapshotbatch.cli;

import java.util.Map;

import io.snapshotbatch.progress.ProgressMode;
import picocli.CommandLine.Option;

/**
 * {@code --quiet}, and how progress is shown otherwise: a live bar on a terminal, a log line every 30 s
 * when the output goes to a file or a scheduler's journal (the bar would fill it with carriage returns).
 */
public class QuietOption {

    @Option(names = "--quiet", description = "No progress bar and no progress log line")
    boolean quiet;

    ProgressMode mode() {
        if (this.quiet) {
            return ProgressMode.OFF;
        }
        return (System.console() != null) ? ProgressMode.BAR : ProgressMode.LOG;
    }

    Map<String, Object> springProperties() {
        return Map.of(ProgressMode.PROPERTY, mode().name());
    }

}
