package io.snapshotbatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.snapshotbatch.input.InputException;
import io.snapshotbatch.ledger.DatabaseFailures;
import io.snapshotbatch.metrics.MetricsPusher;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.LaunchInterruptedException;
import io.snapshotbatch.run.LedgerInUseException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar snapshot-batch.jar <command> [options]}. */
@Command(name = "snapshot-batch", mixinStandardHelpOptions = true, versionProvider = SnapshotBatchCli.Version.class,
        description = "Creates AWS Partner Central resource snapshots in bulk, restartably, with a reconciliation report.",
        subcommands = { RunCommand.class, RerunFailedCommand.class, ReportCommand.class, StatusCommand.class,
                VerifyCommand.class, EmulatorCommand.class, AutoComplete.GenerateCompletion.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:every input row CREATED (or the run date had already completed)",
                "3:finished, but some rows FAILED, REJECTED or DUPLICATE - see the report",
                "4:stopped before finishing; the same command continues it",
                "5:refused: this run date is already running elsewhere (on an H2 file: any other run)",
                "2:usage or configuration error", "1:unexpected internal error" })
public class SnapshotBatchCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command");
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SnapshotBatchCli());
        commandLine.setExecutionExceptionHandler(SnapshotBatchCli::handle);
        commandLine.setParameterExceptionHandler(SnapshotBatchCli::badParameter);
        return commandLine;
    }

    /**
     * A mistyped command line is a usage error like any other: one line that says what is wrong and where
     * the help is. Picocli's default prints the whole usage after the message, 60 lines that bury it in a
     * scheduler's log.
     */
    private static int badParameter(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = maskSecrets(ex.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        PrintWriter err = command.getErr();
        err.println("snapshot-batch: " + Secrets.scrub(message) + "; see '" + command.getCommandSpec().qualifiedName()
                + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Expected failures get one clear line and their exit code; only the unexpected get a stack trace. */
    private static int handle(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        int code = report(ex, commandLine.getErr());
        // The last push of a command that ended this way carries the code it ends with.
        MetricsPusher.finishActive(code);
        return code;
    }

    private static int report(Exception ex, PrintWriter err) {
        if (ex instanceof UsageException || ex instanceof InputException || ex instanceof IllegalArgumentException) {
            err.println("snapshot-batch: " + Secrets.scrub(ex.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        if (ex instanceof LedgerInUseException) {
            err.println("snapshot-batch: " + Secrets.scrub(ex.getMessage()));
            err.flush();
            return ExitCodes.ALREADY_RUNNING;
        }
        if (ex instanceof LaunchInterruptedException) {
            err.println("snapshot-batch: " + ex.getMessage());
            err.flush();
            return ExitCodes.STOPPED;
        }
        if (DatabaseFailures.isConnectionLoss(ex)) {
            err.println("snapshot-batch: the database became unreachable: " + Secrets.scrub(BatchContext.rootMessage(ex)));
            err.println("Nothing recorded is lost; run the same command again once the database is back.");
            err.flush();
            return ExitCodes.STOPPED;
        }
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.println("snapshot-batch: unexpected error: " + Secrets.scrub(ex.toString()));
        err.print(Secrets.scrub(trace.toString()));
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** A mistyped password option ({@code --db-pasword=...}) is echoed by picocli with its value. */
    static String maskSecrets(String message) {
        return message.replaceAll("(?i)(--[\\w-]*(?:pa?s+w|pwd|secret|token)[\\w-]*=)[^'\\s,]*", "$1***")
            .replaceAll("(?i)('--[\\w-]*(?:pa?s+w|pwd|secret|token)[\\w-]*', )'[^']*'", "$1'***'");
    }

    /** The version the build wrote into the jar's manifest (Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = SnapshotBatchCli.class.getPackage().getImplementationVersion();
            return new String[] { "snapshot-batch " + ((version != null) ? version : "development build"),
                    "Java " + Runtime.version() + ", " + System.getProperty("java.vm.name") };
        }

    }

}
