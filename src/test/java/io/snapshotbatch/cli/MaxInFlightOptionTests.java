package io.snapshotbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --max-in-flight}: documented in the help of run and rerun-failed, 1 to 1024, else exit 2 with one line. */
class MaxInFlightOptionTests {

    @TempDir
    Path work;

    @Test
    void aCapOutsideOneTo1024IsAUsageErrorInOneLine() throws IOException {
        // given
        Path input = this.work.resolve("pairs.csv");
        try (InputStream in = getClass().getResourceAsStream("/csv-corpus/google-sheets.csv")) {
            Files.copy(in, input);
        }

        // when
        CommandLineResult zero = run("run", "--input", input.toString(), "--max-in-flight", "0");
        CommandLineResult tooMany = run("rerun-failed", "--max-in-flight", "1025");

        // then
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).isEqualTo("snapshot-batch: --max-in-flight must be between 1 and 1024, got 0");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).isEqualTo("snapshot-batch: --max-in-flight must be between 1 and 1024, got 1025");
    }

    @Test
    void helpOfRunAndRerunFailedListsIt() {
        assertThat(run("run", "--help").out()).contains("--max-in-flight=N");
        assertThat(run("rerun-failed", "--help").out()).contains("--max-in-flight=N");
    }

    private static CommandLineResult run(String... args) {
        return CommandLineResult.executeWithoutDatabase(args);
    }

}
