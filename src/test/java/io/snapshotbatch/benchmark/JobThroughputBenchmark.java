package io.snapshotbatch.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.TestDatabases;
import io.snapshotbatch.support.RunDates;

/**
 * Not a test: measures how fast the whole job (staging, partitions, SDK over HTTP, ledger writes,
 * report) goes when the rate limit is not the bottleneck, i.e. how close it can follow a quota.
 *
 * <pre>
 * mvn -B -q -o test-compile && java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     io.snapshotbatch.benchmark.JobThroughputBenchmark ROWS PARTITIONS RATE [h2|postgres]
 * </pre>
 * (write the classpath once with {@code mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class JobThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
        int partitions = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
        String rate = (args.length > 2) ? args[2] : "100000";
        boolean postgres = args.length > 3 && args[3].equals("postgres");
        Path work = Files.createTempDirectory("snapshot-benchmark");
        Path input = work.resolve("pairs.csv");
        Files.writeString(input, "engagement_id,opportunity_id\n" + IntStream.range(0, rows)
            .mapToObj((i) -> "eng-%014d,O%d".formatted(i, 100000 + i))
            .collect(Collectors.joining("\n")) + "\n");
        DatabaseTarget db = postgres ? TestDatabases.freshPostgres() : TestDatabases.h2(work);
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            long start = System.nanoTime();
            int exit = InProcessCli.run(db, "run", "--input", input.toString(), "--run-date", RunDates.daysAgo(30), "--endpoint",
                    emulator.endpoint().toString(), "--rate", rate, "--partitions", String.valueOf(partitions),
                    "--report-dir", work.resolve("reports").toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            long created = emulator.stats().calls("CreateResourceSnapshot", "Success");
            System.out.printf("rows=%d partitions=%d rate=%s db=%s exit=%d created=%d wall=%.1fs (incl. ~start-up) -> %.0f rows/s%n",
                    rows, partitions, rate, postgres ? "postgres" : "h2", exit, created, seconds, created / seconds);
        }
        finally {
            if (postgres) {
                TestDatabases.dropPostgres(db);
            }
        }
    }

}
