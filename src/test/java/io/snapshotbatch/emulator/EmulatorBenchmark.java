package io.snapshotbatch.emulator;

import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of CreateResourceSnapshot through the real SDK + Apache client against an in-process emulator.
 * Not a test: run it by hand after {@code mvn test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.snapshotbatch.emulator.EmulatorBenchmark 8 10 20}
 * (threads, measured seconds, warm-up seconds; add {@code stub} as a fourth argument to measure the same client
 * against a no-op JDK server instead, the ceiling set by the SDK and the machine). Each call has a fresh token and
 * one of 1,000 opportunities per thread, so every call creates a revision. The SDK's JIT warm-up is long: keep 20 s.
 */
public final class EmulatorBenchmark {

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean stub = args.length > 3 && args[3].equals("stub");
        if (stub) {
            runAgainstStub(threads, seconds, args.length > 2 ? Integer.parseInt(args[2]) : 20);
            return;
        }
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
                PartnerCentralSellingClient client = EmulatorClients.builder(emulator)
                        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(threads)).build()) {
            run(client, threads, args.length > 2 ? Integer.parseInt(args[2]) : 20, "warm-up");
            long serverCpuBefore = serverCpuNanos();
            long processCpuBefore = processCpuNanos();
            long calls = run(client, threads, seconds, "measured");
            long serverCpu = serverCpuNanos() - serverCpuBefore;
            long processCpu = processCpuNanos() - processCpuBefore;
            System.out.printf("%d threads: %.0f CreateResourceSnapshot calls/s (%d calls in %d s)%n", threads,
                    calls / (double) seconds, calls, seconds);
            System.out.printf("CPU per call: %.0f us in the whole JVM, of which %.0f us in emulator threads%n",
                    processCpu / 1000.0 / calls, serverCpu / 1000.0 / calls);
            System.out.printf("emulator saw %d successes, %d revision keys%n",
                    emulator.stats().calls("CreateResourceSnapshot", "Success"),
                    emulator.stats().revisionsByKey().size());
        }
    }

    /** The same load against a bare JDK server (same threading) that answers a fixed body: the SDK's ceiling. */
    private static void runAgainstStub(int threads, int seconds, int warmUp) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        byte[] answer = "{\"Arn\":\"arn:aws:partnercentral:us-east-1::catalog/Sandbox/x\",\"Revision\":1}".getBytes();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(null); // like the emulator: handlers on the dispatcher thread
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (PartnerCentralSellingClient client = PartnerCentralSellingClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(threads)).build()) {
            run(client, threads, warmUp, "warm-up");
            long serverCpuBefore = serverCpuNanos();
            long processCpuBefore = processCpuNanos();
            long calls = run(client, threads, seconds, "measured");
            System.out.printf("STUB %d threads: %.0f calls/s; CPU per call %.0f us in the JVM, %.0f us in the stub%n",
                    threads, calls / (double) seconds, (processCpuNanos() - processCpuBefore) / 1000.0 / calls,
                    (serverCpuNanos() - serverCpuBefore) / 1000.0 / calls);
        } finally {
            server.stop(0);
        }
    }

    // The emulator's own threads: the JDK server's dispatcher and the worker/timer pools.
    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("pc-emulator")
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long run(PartnerCentralSellingClient client, int threads, int seconds, String label)
            throws Exception {
        AtomicLong calls = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                long i = 0;
                while (System.nanoTime() < deadline) {
                    client.createResourceSnapshot(EmulatorClients.validCreate()
                            .resourceIdentifier("O" + (thread * 1000 + i++ % 1000))
                            .clientToken(UUID.randomUUID().toString()).build());
                    calls.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%s: %d calls%n", label, calls.get());
        return calls.get();
    }
}
