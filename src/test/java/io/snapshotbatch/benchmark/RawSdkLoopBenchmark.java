package io.snapshotbatch.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

/**
 * Not a test: the denominator of issue 8's P3. A bare loop of {@code CALLS} CreateResourceSnapshot calls
 * on {@code THREADS} threads through the real SDK client (Apache HTTP) against an emulator that already
 * runs (the one the job is measured against), with no ledger, no Batch and no pacing: the most any
 * client on this machine could do. Prints the whole process's rate (JVM start to last call, like the
 * job's) and the rate from the first call.
 *
 * <pre>
 * java -cp "$CP" io.snapshotbatch.benchmark.RawSdkLoopBenchmark http://127.0.0.1:PORT 30000 8
 * </pre>
 */
public final class RawSdkLoopBenchmark {

    private RawSdkLoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int calls = (args.length > 1) ? Integer.parseInt(args[1]) : 30_000;
        int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
        String prefix = UUID.randomUUID().toString().substring(0, 4);
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        try (PartnerCentralSellingClient client = PartnerCentralSellingClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")))
            .httpClientBuilder(ApacheHttpClient.builder().maxConnections(threads))
            .build()) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long first = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        // One key per call, as the job sends one row per key; a fresh token like a new row's.
                        int n = i;
                        client.createResourceSnapshot((r) -> r.catalog("Sandbox")
                            .engagementIdentifier("eng-%s%010d".formatted(prefix, n))
                            .resourceType("Opportunity")
                            .resourceIdentifier("O" + (100000 + n))
                            .resourceSnapshotTemplateIdentifier("OpportunitySummaryView")
                            .clientToken(UUID.randomUUID().toString()));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            double fromFirst = (System.nanoTime() - first) / 1e9;
            double whole = (System.currentTimeMillis() - jvmStart) / 1000.0;
            System.out.printf("raw SDK loop: %d calls, %d threads: %.1f s from the first call (%.0f calls/s); "
                    + "%.1f s from JVM start (%.0f calls/s)%n", calls, threads, fromFirst, calls / fromFirst, whole,
                    calls / whole);
        }
    }

}
