package io.snapshotbatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

import picocli.CommandLine;

/**
 * The command line run in-process as a user types it, with its exit code and what it printed: for the tests
 * of options and usage errors, which must be refused before anything touches a database.
 */
record CommandLineResult(int exitCode, String out, String err) {

    /** A database that cannot exist: an option refused as it should be never reaches it. */
    static final String NO_DATABASE = "jdbc:postgresql://127.0.0.1:1/never";

    static CommandLineResult execute(String... args) {
        CommandLine commandLine = SnapshotBatchCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CommandLineResult(exitCode, out.toString(), err.toString().strip());
    }

    /** The arguments, then {@code --db} {@link #NO_DATABASE}. */
    static CommandLineResult executeWithoutDatabase(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = NO_DATABASE;
        return execute(all);
    }

}
