package io.snapshotbatch.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.snapshotbatch.support.EmulatorProcess;
import io.snapshotbatch.support.JarProcess;
import io.snapshotbatch.support.ReportFiles;
import io.snapshotbatch.support.RunDates;

/**
 * The nightly-sync benchmark of docs/benchmarks.md (issue 10): a first night creates every pair, then a share of
 * the opportunities change, then the second night runs with or without {@code --skip-unchanged}; each mode on its
 * own emulator (own JVM) and H2 ledger. Run from the project directory after {@code mvn package}:
 * {@code java -cp "$CP" io.snapshotbatch.benchmark.NightlySyncBenchmark [pairs [changed-every [rate [read-rate]]]]}
 * (defaults 10000, 20 = 5 %, 50, 250).
 */
public final class NightlySyncBenchmark {

    private NightlySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
        int every = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
        String rate = (args.length > 2) ? args[2] : "50";
        String readRate = (args.length > 3) ? args[3] : "250";
        for (boolean skip : new boolean[] { false, true }) {
            night(pairs, every, rate, readRate, skip);
        }
    }

    private static void night(int pairs, int every, String rate, String readRate, boolean skip) throws Exception {
        Path work = Files.createTempDirectory("nightly-benchmark");
        Path input = work.resolve("pairs.csv");
        List<String> lines = new ArrayList<>(List.of("engagement_id,opportunity_id"));
        for (int n = 1; n <= pairs; n++) {
            lines.add("eng-bnch%010d,O%d".formatted(n, 100_000 + n));
        }
        Files.write(input, lines, StandardCharsets.UTF_8);
        String db = "jdbc:h2:file:" + work.resolve("ledger").toAbsolutePath();
        try (EmulatorProcess emulator = EmulatorProcess.start(work)) {
            JarProcess first = JarProcess.start(work, Map.of(), List.of("run", "--input", input.toString(), "--run-date",
                    RunDates.daysAgo(2), "--endpoint", emulator.endpoint(), "--rate", "1000", "--db", db));
            if (first.waitFor(Duration.ofMinutes(30)) != 0) {
                throw new IllegalStateException("first night failed:\n" + first.output());
            }
            String changed = IntStream.rangeClosed(1, pairs / every)
                .mapToObj((i) -> "\"O" + (100_000 + i * every) + "\"")
                .collect(Collectors.joining(","));
            emulator.post("/_emulator/opportunities", "{\"identifiers\":[" + changed + "]}");
            long createsBefore = emulator.stats().allCreates();
            List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--run-date",
                    RunDates.daysAgo(1), "--endpoint", emulator.endpoint(), "--rate", rate, "--read-rate", readRate,
                    "--db", db));
            if (skip) {
                args.add("--skip-unchanged");
            }
            long start = System.nanoTime();
            JarProcess second = JarProcess.start(work, Map.of(), args);
            int exit = second.waitFor(Duration.ofMinutes(60));
            double wall = (System.nanoTime() - start) / 1e9;
            ReportFiles report = ReportFiles.read(work.resolve("reports"), RunDates.daysAgo(1));
            double run = Duration.between(java.time.Instant.parse(report.summary().get("started_at")),
                    java.time.Instant.parse(report.summary().get("finished_at"))).toMillis() / 1000.0;
            System.out.printf("%s: %d pairs, %d changed, --rate %s --read-rate %s: exit %d, created %d, unchanged %d, "
                    + "write calls %d (emulator creates %d), read calls %d, wall %.1f s (run %.1f s, start_at to finished_at)%n",
                    skip ? "with --skip-unchanged" : "without --skip-unchanged", pairs, pairs / every, rate, readRate, exit,
                    report.summaryCount("created"), report.summaryCount("unchanged"), report.summaryCount("api_calls"),
                    emulator.stats().allCreates() - createsBefore, report.summaryCount("read_calls"), wall, run);
        }
    }

}
