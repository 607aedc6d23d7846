package io.snapshotbatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly-sync options on the command line: misuse is exit 2 with one line before anything starts (the
 * database given does not even exist), and --help documents them.
 */
class NightlyOptionsTests {

    @TempDir
    Path work;

    @Test
    void misusedNightlyOptionsAreOneLineUsageErrors() throws Exception {
        // given
        Path input = Files.writeString(this.work.resolve("pairs.csv"), "engagement_id,opportunity_id\n");

        // when
        CommandLineResult createdByWithCsv = run("run", "--input", input.toString(), "--created-by", "123456789012");
        CommandLineResult shortAccount = run("run", "--from-service", "--created-by", "12345");
        CommandLineResult zeroReadRate = run("run", "--from-service", "--read-rate", "0");
        CommandLineResult twoSources = run("run", "--from-service", "--input", input.toString());

        // then
        assertThat(createdByWithCsv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(createdByWithCsv.err()).isEqualTo("snapshot-batch: --created-by applies to --from-service only");
        assertThat(shortAccount.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortAccount.err()).isEqualTo("snapshot-batch: --created-by must be a 12-digit AWS account id, got 12345");
        assertThat(zeroReadRate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroReadRate.err()).isEqualTo("snapshot-batch: --read-rate must be a number greater than 0, got 0.0");
        assertThat(twoSources.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twoSources.err()).contains("mutually exclusive");
    }

    @Test
    void helpListsTheNightlyOptions() {
        assertThat(run("run", "--help").out()).contains("--from-service", "--skip-unchanged", "--created-by=ACCOUNT",
                "--read-rate=N");
        assertThat(run("verify", "--help").out()).contains("--read-rate=N");
    }

    @Test
    void verifySaysThatItIgnoresTheWriteOptionsItUsedToReadAt() {
        // when: a verify command written when verify read at --rate
        CommandLineResult verify = verify("--rate", "100", "--partitions", "8");

        // then: it says the pace is --read-rate's (then fails on the database that does not exist)
        assertThat(verify.err()).contains("verify ignores --rate, --partitions: it only reads, one call at a time, "
                + "paced by --read-rate (now 5.0/s)");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(verify("--read-rate", "20").err()).doesNotContain("ignores");
    }

    /** verify takes no --report-dir. */
    private static CommandLineResult verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return CommandLineResult.executeWithoutDatabase(all);
    }

    private CommandLineResult run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--report-dir";
        all[args.length + 1] = this.work.resolve("reports").toString();
        return CommandLineResult.executeWithoutDatabase(all);
    }

}
