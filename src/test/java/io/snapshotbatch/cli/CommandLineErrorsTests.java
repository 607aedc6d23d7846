package io.snapshotbatch.cli;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.snapshotbatch.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a mistyped command line prints: picocli's own errors (a date that is no date, a number that is
 * no number, a missing or unknown option) are usage errors like the others, exit 2 and one clear line
 * that names what to fix and where the help is, not the message followed by 70 lines of usage that
 * bury it in a scheduler's log.
 */
class CommandLineErrorsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "run --input x.csv --run-date 2026-13-01 | 2026-13-01 | snapshot-batch run --help",
            "run --input x.csv --rate abc | abc | snapshot-batch run --help",
            "run --input x.csv --no-such-option | --no-such-option | snapshot-batch run --help",
            "run | --input | snapshot-batch run --help",
            "rerun-failed --error-code | --error-code | snapshot-batch rerun-failed --help",
            "frobnicate | frobnicate | snapshot-batch --help" })
    void aParameterErrorIsOneLineAndExitTwo(String commandLine, String names, String help) {
        // when
        CommandLineResult result = run(commandLine.split(" "));

        // then
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("snapshot-batch: ").contains(names, help).doesNotContain("\n", "Usage:");
    }

    @Test
    void aMistypedPasswordOptionIsNotEchoedWithItsValue() {
        // when
        CommandLineResult joined = run("run", "--input", "x.csv", "--db-pasword=hunter2");
        CommandLineResult separate = run("run", "--input", "x.csv", "--source-db-passwrd", "hunter2");

        // then
        assertThat(joined.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(joined.err()).contains("--db-pasword=***").doesNotContain("hunter2");
        assertThat(separate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(separate.err()).contains("--source-db-passwrd").doesNotContain("hunter2");
    }

    @Test
    void helpAsked_isStillTheWholeUsage() {
        // when
        CommandLineResult help = run("run", "--help");

        // then
        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains("Usage: snapshot-batch run", "--input=FILE");
    }

    private static CommandLineResult run(String... args) {
        return CommandLineResult.execute(args);
    }

}
