package io.snapshotbatch.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.FailedRowFilter;
import io.snapshotbatch.run.FailedRowRequeue;
import io.snapshotbatch.run.RunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rerun-failed}: re-send the rows of a run whose outcome is FAILED, then rewrite its report. */
@Command(name = "rerun-failed", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Re-send the rows of a run whose outcome is FAILED, then rewrite its report.",
                "Rows whose earlier outcome is unknown keep their token; rows the service refused get a new one." })
public class RerunFailedCommand implements Callable<Integer> {

    private static final Pattern LINES = Pattern.compile("(\\d{1,10})\\s*-\\s*(\\d{1,10})");

    @Mixin
    RunDateOption runDate;

    @Option(names = "--error-code", paramLabel = "CODE", split = ",",
            description = "Re-send only FAILED rows with one of these error codes, e.g. ResourceNotFoundException "
                    + "(default: all); the other FAILED rows stay as they are")
    List<String> errorCodes;

    @Option(names = "--lines", paramLabel = "FROM-TO",
            description = "Re-send only FAILED rows whose line is in this range, e.g. 2-5000 (default: all)")
    String lines;

    @Mixin
    RunDateWindowOption runDateWindow;

    @Mixin
    SendOptions send;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    MetricsPushOption metrics;

    @Mixin
    QuietOption quiet;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        this.runDateWindow.check(this.runDate.runDate());
        FailedRowFilter filter = filter();
        Preflight.reportDirWritable(this.reportDir.path(), this.runDate.runDate());
        Map<String, Object> settings = this.send.springProperties();
        settings.putAll(this.reportDir.springProperties());
        settings.putAll(this.metrics.springProperties());
        settings.putAll(this.quiet.springProperties());
        DatabaseTarget database = this.database.target();
        BatchContext.requireExisting(database);
        Optional<GuardedLaunch> launch = GuardedLaunch.open(database, this.runDate.runDate(), settings);
        if (launch.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (GuardedLaunch held = launch.get()) {
            SnapshotRun run = Runs.latest(held.bean(RunRepository.class), this.runDate.runDate(), database);
            long pending = held.bean(LedgerRepository.class).counts(run.runId()).pending();
            FailedRowRequeue.Requeued requeued = held.bean(FailedRowRequeue.class).requeue(run, filter);
            System.out.println(describe(run, requeued, pending, filter));
            if (requeued.leftFailed() > 0) {
                System.out.printf("%d other FAILED rows are left as they are%n", requeued.leftFailed());
            }
            return held.finish(held.bean(RunLauncher.class).resume(run), this.reportDir.path());
        }
    }

    /** {@code --error-code} and {@code --lines}, checked before anything is sent. */
    FailedRowFilter filter() {
        Set<String> codes = new TreeSet<>();
        if (this.errorCodes != null) {
            for (String code : this.errorCodes.isEmpty() ? List.of("") : this.errorCodes) {
                if (code.isBlank()) {
                    throw new UsageException("--error-code needs error codes separated by commas, e.g. "
                            + "ResourceNotFoundException,AccessDeniedException");
                }
                codes.add(code.trim());
            }
        }
        if (this.lines == null) {
            return new FailedRowFilter(codes, null, null);
        }
        Matcher range = LINES.matcher(this.lines.trim());
        if (!range.matches() || Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))
                || Long.parseLong(range.group(2)) > Integer.MAX_VALUE) {
            throw new UsageException("--lines must be FROM-TO with FROM <= TO, e.g. 2-5000, got '" + this.lines + "'");
        }
        return new FailedRowFilter(codes, Integer.valueOf(range.group(1)), Integer.valueOf(range.group(2)));
    }

    /** Says what is sent: the FAILED rows, and the PENDING rows a stopped run left, which go with them. */
    static String describe(SnapshotRun run, FailedRowRequeue.Requeued requeued, long pending, FailedRowFilter filter) {
        String failed = "%d FAILED rows%s (%d with their token: outcome unknown; %d with a new token)"
            .formatted(requeued.total(), filter.selectsAll() ? "" : " " + filter.describe(), requeued.sameToken(),
                    requeued.newToken());
        String stillPending = pending + " PENDING rows a stopped or killed run left";
        if (requeued.total() == 0 && requeued.leftFailed() > 0) {
            // FAILED rows there are, only none in the slice asked for: say that, not "no FAILED rows".
            String none = "Run " + run.runDate() + " has no FAILED rows " + filter.describe() + " (it has "
                    + requeued.leftFailed() + " other FAILED rows)";
            return none + ((pending > 0) ? "; sending its " + stillPending : ": nothing to send; its report is rewritten");
        }
        if (requeued.total() == 0 && pending == 0) {
            return "Run " + run.runDate() + " has no FAILED or PENDING rows: nothing to send; its report is rewritten";
        }
        if (requeued.total() == 0) {
            return "Run " + run.runDate() + " has no FAILED rows; sending its " + stillPending;
        }
        return "Re-sending " + failed + " of run " + run.runDate() + ((pending > 0) ? ", and its " + stillPending : "");
    }

}
