package io.snapshotbatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * One night of {@code run} through the jar, SIGKILLed at random moments and launched again until it
 * finishes, as a scheduler would: the harness of the randomized kill test and of the kill soak.
 *
 * A kill lands at one of three kinds of moment, drawn from the seeded {@link Random}: a delay from the
 * process's first millisecond (start-up: JVM, Spring, Flyway's first migration of an empty database, Batch's
 * job instance and execution, staging), a number of snapshots created (mid-partition, calls in flight), or a
 * few milliseconds after the report's first file appears (while the report files are moved into place). The
 * first kill of a night is a start-up one, the last one at the report, those between either of the others. The draws are replayable from the seed; where exactly a delay lands in the
 * process depends on the machine, so each kill is printed with the last line the process logged.
 */
public final class RandomKills {

    /** How one night went. {@code unexpectedExits} lists launches that ended on their own with 1, 2 or 5. */
    public record Night(String prefix, int rows, int kills, int launches, int finalExit, long created, long failed,
            long notFinished, long duplicates, long missingRevisions, Duration wall, List<String> unexpectedExits,
            List<String> killLog) {

        public boolean converged() {
            return (this.finalExit == 0 || this.finalExit == 3) && this.notFinished == 0 && this.unexpectedExits.isEmpty();
        }

    }

    private final EmulatorProcess emulator;

    private final Random random;

    private final Duration startupWindow;

    public RandomKills(EmulatorProcess emulator, long seed, Duration startupWindow) {
        this.emulator = emulator;
        this.random = new Random(seed);
        this.startupWindow = startupWindow;
    }

    /**
     * Runs one night of {@code rows} rows on {@code db}, with {@code kills} kills, then launches the same command
     * until it ends with 0 or 3 (at most {@code maxRelaunches} more launches).
     */
    public Night night(Path work, DatabaseTarget db, String prefix, String runDate, int rows, int kills, int maxRelaunches)
            throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(work);
        Path input = InputFiles.validPairs(work, prefix, rows);
        Path reports = work.resolve("reports");
        Path reportDir = reports.resolve(runDate);
        List<String> command = JarProcess.withDatabase(db, "run", "--input", input.toString(), "--run-date", runDate,
                "--endpoint", this.emulator.endpoint(), "--rate", "150", "--partitions", "4", "--quiet", "--report-dir",
                reports.toString());
        List<String> killLog = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int killed = 0;
        int launches = 0;
        int exit = -1;
        while (killed < kills) {
            // The first kill is in start-up (a new ledger: Flyway's first migration), the last at the report.
            Moment moment = (killed == 0) ? Moment.START_UP : (killed == kills - 1) ? Moment.REPORT : Moment.draw(this.random);
            Instant launched = Instant.now();
            JarProcess process = JarProcess.start(work, Map.of(), command);
            launches++;
            String at = killAt(process, moment, prefix, rows, kills - killed, reportDir, launched);
            if (at != null) {
                killed++;
                killLog.add("kill " + killed + " " + at + " after: " + lastLine(process));
                continue;
            }
            exit = process.waitFor(Duration.ofMinutes(5));
            killLog.add("launch " + launches + " ended by itself (" + moment + " not reached), exit " + exit);
            checkExit(process, exit, unexpected);
            if (exit == 0 || exit == 3) {
                break;
            }
        }
        for (int relaunch = 0; relaunch < maxRelaunches && exit != 0 && exit != 3; relaunch++) {
            JarProcess process = JarProcess.start(work, Map.of(), command);
            launches++;
            exit = process.waitFor(Duration.ofMinutes(5));
            killLog.add("relaunch " + (relaunch + 1) + ": exit " + exit);
            checkExit(process, exit, unexpected);
        }
        Map<String, Long> outcomes = LedgerQueries.outcomes(db);
        Map<String, Integer> revisions = this.emulator.stats().revisionsOf(enginePrefix(prefix));
        long duplicates = revisions.values().stream().mapToLong((n) -> Math.max(0, n - 1)).sum();
        long created = outcomes.getOrDefault("CREATED", 0L);
        long rowsInLedger = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long notFinished = outcomes.getOrDefault("PENDING", 0L) + (rows - rowsInLedger);
        return new Night(prefix, rows, killed, launches, exit, created, outcomes.getOrDefault("FAILED", 0L), notFinished,
                duplicates, created - revisions.size(), Duration.ofNanos(System.nanoTime() - start), unexpected, killLog);
    }

    /** A launch that ended by itself must end 0, 3 or 4: never 1 (or 2, 5) for a state the program left behind. */
    private static void checkExit(JarProcess process, int exit, List<String> unexpected) throws IOException {
        if (exit != 0 && exit != 3 && exit != 4) {
            unexpected.add("exit " + exit + ":\n" + process.output());
        }
    }

    enum Moment {

        START_UP, SENDING, REPORT;

        /**
         * Start-up or sending, for the kills between the first and the last: a launch that reaches its report
         * has sent every row, so a report kill there would end the night before its kills are done.
         */
        static Moment draw(Random random) {
            return (random.nextDouble() < 0.35) ? START_UP : SENDING;
        }

    }

    /** SIGKILLs the process at the moment drawn; returns where, or null when the process ended first. */
    private String killAt(JarProcess process, Moment moment, String prefix, int rows, int killsLeft, Path reportDir,
            Instant launched) throws Exception {
        String enginePrefix = enginePrefix(prefix);
        switch (moment) {
            case START_UP -> {
                long delay = (long) (this.random.nextDouble() * this.startupWindow.toMillis());
                long deadline = System.nanoTime() + delay * 1_000_000;
                while (System.nanoTime() < deadline && process.isAlive()) {
                    Thread.sleep(Math.min(5, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
                }
                return kill(process, "at " + delay + " ms from start");
            }
            case SENDING -> {
                int done = this.emulator.stats().revisionsOf(enginePrefix).size();
                // Somewhere in this launch's share of the rows left, so that the kills spread over the whole night.
                int target = done + 1 + this.random.nextInt(Math.max(1, (rows - done) / killsLeft));
                return when(process, () -> this.emulator.stats().revisionsOf(enginePrefix).size() >= target, 0,
                        "at " + target + " of " + rows + " rows created");
            }
            case REPORT -> {
                long delay = this.random.nextInt(40);
                return when(process, () -> reportFileSince(reportDir, launched), delay,
                        delay + " ms after the report's first file appeared");
            }
        }
        throw new IllegalStateException(moment.name());
    }

    /** What the night's engagement ids start with ({@code eng-} and the prefix): its keys in the emulator's stats. */
    private static String enginePrefix(String prefix) {
        return InputFiles.engagement(prefix, 0).substring(0, 8);
    }

    private static String when(JarProcess process, Callable<Boolean> condition, long delayMillis, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            boolean holds;
            try {
                holds = condition.call();
            }
            catch (IOException notYet) {
                holds = false;
            }
            if (holds) {
                Thread.sleep(delayMillis);
                return kill(process, what);
            }
            Thread.sleep(3);
        }
        if (process.isAlive()) {
            process.kill();
            throw new AssertionError("Not " + what + " within 5 minutes; output:\n" + process.output());
        }
        return null;
    }

    private static String kill(JarProcess process, String what) throws InterruptedException {
        if (!process.isAlive()) {
            return null;
        }
        process.kill();
        return what;
    }

    /** Whether a file (a report or its temporary file) was written in the report directory since the launch. */
    private static boolean reportFileSince(Path reportDir, Instant launched) throws IOException {
        if (!Files.isDirectory(reportDir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(reportDir)) {
            return files.anyMatch((file) -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(FileTime.from(launched)) >= 0;
                }
                catch (IOException gone) {
                    // A temporary file moved into place between the listing and now: it was written.
                    return true;
                }
            });
        }
    }

    private static String lastLine(JarProcess process) {
        try {
            List<String> lines = process.output().lines().filter((line) -> !line.isBlank()).toList();
            return lines.isEmpty() ? "(nothing logged yet)" : lines.get(lines.size() - 1);
        }
        catch (IOException ex) {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

}
