package io.snapshotbatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;
import picocli.CommandLine;

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
        Result createdByWithCsv = run("run", "--input", input.toString(), "--created-by", "123456789012");
        Result shortAccount = run("run", "--from-service", "--created-by", "12345");
        Result zeroReadRate = run("run", "--from-service", "--read-rate", "0");
        Result twoSources = run("run", "--from-service", "--input", input.toString());

        // then
        assertThat(createdByWithCsv.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(createdByWithCsv.err).isEqualTo("snapshot-batch: --created-by applies to --from-service only");
        assertThat(shortAccount.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(shortAccount.err).isEqualTo("snapshot-batch: --created-by must be a 12-digit AWS account id, got 12345");
        assertThat(zeroReadRate.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroReadRate.err).isEqualTo("snapshot-batch: --read-rate must be a number greater than 0, got 0.0");
        assertThat(twoSources.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(twoSources.err).contains("mutually exclusive");
    }

    @Test
    void helpListsTheNightlyOptions() {
        assertThat(run("run", "--help").out).contains("--from-service", "--skip-unchanged", "--created-by=ACCOUNT",
                "--read-rate=N");
        assertThat(run("verify", "--help").out).contains("--read-rate=N");
    }

    @Test
    void verifySaysThatItIgnoresTheWriteOptionsItUsedToReadAt() {
        // when: a verify command written when verify read at --rate
        Result verify = verify("--rate", "100", "--partitions", "8");

        // then: it says the pace is --read-rate's (then fails on the database that does not exist)
        assertThat(verify.err).contains("verify ignores --rate, --partitions: it only reads, one call at a time, "
                + "paced by --read-rate (now 5.0/s)");
        assertThat(verify.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(verify("--read-rate", "20").err).doesNotContain("ignores");
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** verify takes no --report-dir. */
    private Result verify(String... args) {
        CommandLine commandLine = SnapshotBatchCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = "jdbc:postgresql://127.0.0.1:1/never";
        int exitCode = commandLine.execute(all);
        return new Result(exitCode, out.toString(), err.toString().strip());
    }

    private Result run(String... args) {
        CommandLine commandLine = SnapshotBatchCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = "jdbc:postgresql://127.0.0.1:1/never";
        all[args.length + 2] = "--report-dir";
        all[args.length + 3] = this.work.resolve("reports").toString();
        int exitCode = commandLine.execute(all);
        return new Result(exitCode, out.toString(), err.toString().strip());
    }

}
