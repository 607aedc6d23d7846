package io.snapshotbatch.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.InputFiles;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.TestDatabases;

/**
 * The pacing benchmarks of docs/benchmarks.md: the built jar ({@code run}) against the emulator in its
 * own process, sampled every 100 ms through {@code /_emulator/stats}. Run from the project directory
 * after {@code mvn package}:
 * {@code java -cp "$CP" io.snapshotbatch.benchmark.PacingBenchmark p1|p2|p2b|budget [rows [partitions]]}.
 */
public final class PacingBenchmark {

    private PacingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Path work = Files.createTempDirectory("pacing-benchmark");
        switch (scenario) {
            case "p1" -> steady(work, "20", "20", rows(args, 600), partitions(args), "50");
            case "p2" -> steady(work, "10", "20", rows(args, 600), partitions(args), "50");
            // Issue 15: the service allows 20/s and answers in 400 ms (argument 3: another latency, e.g. 50).
            case "latency" -> steady(work, "20", "20", rows(args, 600), partitions(args),
                    (args.length > 3) ? args[3] : "400");
            case "p2b" -> moving(work, rows(args, 700));
            case "budget" -> budget(work, rows(args, 20_000));
            default -> throw new IllegalArgumentException("p1, p2, p2b, latency or budget");
        }
    }

    private static String partitions(String[] args) {
        return (args.length > 2) ? args[2] : "4";
    }

    private static int rows(String[] args, int fallback) {
        return (args.length > 1) ? Integer.parseInt(args[1]) : fallback;
    }

    private static void steady(Path work, String serviceRate, String rate, int rows, String partitions, String latencyMs)
            throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(work, "--rate", serviceRate, "--latency-ms", latencyMs)) {
            Result result = run(work, emulator, rows, "--rate", rate, "--partitions", partitions);
            double seconds = (result.lastCreateMillis - result.firstCreateMillis) / 1000.0;
            System.out.printf("service %s/s, --rate %s, %d rows: exit %d, %d created in %.1f s = %.2f calls/s (%.0f%% of %s/s); "
                    + "%d throttled calls (%.1f%% of creates); rate_end %s, pace_limited_by %s, latency p50 %s ms p95 %s ms "
                    + "(emulator latency %s ms)%n", serviceRate, rate, rows,
                    result.exit, result.created, seconds, (result.created - 1) / seconds,
                    100 * (result.created - 1) / seconds / Double.parseDouble(serviceRate), serviceRate, result.throttled,
                    100.0 * result.throttled / Math.max(1, result.created), result.summary.get("rate_end"),
                    result.summary.get("pace_limited_by"), result.summary.get("latency_p50_ms"),
                    result.summary.get("latency_p95_ms"), latencyMs);
            StringBuilder profile = new StringBuilder("   creates per second, by 5 s:");
            for (long from = 0; from + 5000 <= result.lastCreateMillis - result.firstCreateMillis; from += 5000) {
                profile.append(" %.1f".formatted(result.rateBetween(from, from + 5000)));
            }
            System.out.println(profile);
        }
    }

    private static void moving(Path work, int rows) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(work, "--rate-schedule", "12@0s,4@20s,12@40s",
                "--latency-ms", "50")) {
            Result result = run(work, emulator, rows, "--rate", "15");
            double[] allowed = { 12, 4, 12 };
            StringBuilder windows = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                double rate = result.rateBetween(w * 20_000L, (w + 1) * 20_000L);
                windows.append(" %.1f/s (%.0f%% of %.0f)".formatted(rate, 100 * rate / allowed[w], allowed[w]));
            }
            System.out.printf("quota 12/4/12 calls/s in windows of 20 s, --rate 15: exit %d;%s; %d throttled calls "
                    + "(%.1f%% of creates)%n", result.exit, windows, result.throttled,
                    100.0 * result.throttled / Math.max(1, result.created));
        }
    }

    private static void budget(Path work, int rows) throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(work)) {
            Result result = run(work, emulator, rows, "--rate", "10", "--daily-budget", "30");
            System.out.printf("%d rows pending, --daily-budget 30, --rate 10: exit %d %.1f s after the 30th call; "
                    + "%d created, %s pending; stop_reason: %s%n", rows, result.exit,
                    (result.exitMillis - result.lastCreateMillis) / 1000.0, result.created, result.summary.get("pending"),
                    result.summary.get("stop_reason"));
        }
    }

    private record Result(int exit, long created, long throttled, long firstCreateMillis, long lastCreateMillis,
            long exitMillis, List<long[]> samples, Map<String, String> summary) {

        /** Creates per second between two offsets from the first create. */
        double rateBetween(long fromMillis, long toMillis) {
            long[] from = this.samples.stream().filter((s) -> s[0] >= fromMillis).findFirst().orElseThrow();
            long[] to = this.samples.stream().filter((s) -> s[0] >= toMillis).findFirst()
                .orElse(this.samples.get(this.samples.size() - 1));
            return (to[1] - from[1]) * 1000.0 / Math.max(1, to[0] - from[0]);
        }

    }

    private static Result run(Path work, EmulatorProcess emulator, int rows, String... options) throws Exception {
        Path input = InputFiles.validPairs(work, "pace", rows);
        DatabaseTarget db = TestDatabases.h2(work.resolve("h2"));
        List<String> command = new ArrayList<>(List.of("run", "--input", input.toString(), "--run-date", RunDates.daysAgo(1),
                "--endpoint", emulator.endpoint(), "--report-dir", "reports"));
        command.addAll(List.of(options));
        long start = System.nanoTime();
        JarProcess run = JarProcess.start(work, Map.of(), JarProcess.withDatabase(db, command.toArray(String[]::new)));
        List<long[]> samples = new ArrayList<>();
        long first = -1;
        long last = -1;
        long lastCount = 0;
        while (run.isAlive()) {
            long created = emulator.stats().creates("Success");
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (created > 0 && first < 0) {
                first = millis;
            }
            if (created > lastCount) {
                last = millis;
                lastCount = created;
            }
            if (first >= 0) {
                samples.add(new long[] { millis - first, created });
            }
            Thread.sleep(100);
        }
        int exit = run.waitFor(Duration.ofMinutes(1));
        long exitMillis = (System.nanoTime() - start) / 1_000_000;
        EmulatorProcess.Stats stats = emulator.stats();
        Map<String, String> summary = ReportFiles.read(work.resolve("reports"), RunDates.daysAgo(1)).summary();
        return new Result(exit, stats.creates("Success"), stats.creates("ThrottlingException"), first, last, exitMillis,
                samples, summary);
    }

}
