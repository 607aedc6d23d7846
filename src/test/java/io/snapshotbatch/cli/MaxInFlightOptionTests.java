package io.snapshotbatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine;

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
        Result zero = run("run", "--input", input.toString(), "--max-in-flight", "0");
        Result tooMany = run("rerun-failed", "--max-in-flight", "1025");

        // then
        assertThat(zero.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err).isEqualTo("snapshot-batch: --max-in-flight must be between 1 and 1024, got 0");
        assertThat(tooMany.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err).isEqualTo("snapshot-batch: --max-in-flight must be between 1 and 1024, got 1025");
    }

    @Test
    void helpOfRunAndRerunFailedListsIt() {
        assertThat(run("run", "--help").out).contains("--max-in-flight=N");
        assertThat(run("rerun-failed", "--help").out).contains("--max-in-flight=N");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine commandLine = SnapshotBatchCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        // A database that cannot exist: the option must be refused before anything touches it.
        all[args.length] = "--db";
        all[args.length + 1] = "jdbc:postgresql://127.0.0.1:1/never";
        return new Result(commandLine.execute(all), out.toString(), err.toString().strip());
    }

}
