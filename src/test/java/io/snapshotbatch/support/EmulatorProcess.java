package io.snapshotbatch.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The jar's {@code emulator} command run as a separate child JVM, read through {@code GET /_emulator/stats}:
 * the service a killed run talks to must survive the kill, with the state that proves "no duplicate".
 */
public final class EmulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final JarProcess process;

    private final int port;

    private EmulatorProcess(JarProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code emulator --port <free port> extraArgs...} and waits until its stats answer. */
    public static EmulatorProcess start(Path workDir, String... extraArgs) throws Exception {
        return startOnPort(workDir, freePort(), extraArgs);
    }

    /** Starts {@code emulator --port <port> extraArgs...} (e.g. where a run found nothing listening before). */
    public static EmulatorProcess startOnPort(Path workDir, int port, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("emulator", "--port", String.valueOf(port)));
        args.addAll(List.of(extraArgs));
        EmulatorProcess emulator = new EmulatorProcess(JarProcess.start(workDir, Map.of(), args), port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                emulator.stats();
                return emulator;
            }
            catch (IOException notYet) {
                if (!emulator.process.isAlive() || System.nanoTime() > deadline) {
                    String output = emulator.process.output();
                    emulator.close();
                    throw new IllegalStateException("The emulator did not come up on port " + port + ":\n" + output);
                }
                Thread.sleep(100);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + this.port;
    }

    public Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint() + "/_emulator/stats")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("stats answered " + response.statusCode());
        }
        return Stats.parse(JSON.readTree(response.body()));
    }

    /** {@code POST} a test control ({@code /_emulator/rate}, {@code /_emulator/deny}) with a JSON body. */
    public String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        this.process.kill();
    }

    /**
     * The emulator's counters.
     * @param calls calls per operation, then per outcome ({@code Success}, {@code Replay}, error names)
     * @param revisions revisions per {@code catalog|engagement|resourceType|resourceId|template}
     */
    public record Stats(Map<String, Map<String, Long>> calls, Map<String, Integer> revisions) {

        static Stats parse(JsonNode root) {
            Map<String, Map<String, Long>> calls = new TreeMap<>();
            root.path("calls").properties().forEach((operation) -> {
                Map<String, Long> outcomes = new TreeMap<>();
                operation.getValue().properties().forEach((outcome) -> outcomes.put(outcome.getKey(), outcome.getValue().asLong()));
                calls.put(operation.getKey(), outcomes);
            });
            Map<String, Integer> revisions = new TreeMap<>();
            root.path("revisions").properties().forEach((entry) -> revisions.put(entry.getKey(), entry.getValue().asInt()));
            return new Stats(calls, revisions);
        }

        public long creates(String outcome) {
            return this.calls.getOrDefault("CreateResourceSnapshot", Map.of()).getOrDefault(outcome, 0L);
        }

        public long allCreates() {
            return this.calls.getOrDefault("CreateResourceSnapshot", Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }

        /** Revisions of the keys whose engagement starts with {@code engagementPrefix} (one test's rows). */
        public Map<String, Integer> revisionsOf(String engagementPrefix) {
            Map<String, Integer> selected = new TreeMap<>();
            this.revisions.forEach((key, count) -> {
                String[] parts = key.split("\\|");
                if (parts.length > 1 && parts[1].startsWith(engagementPrefix)) {
                    selected.put(key, count);
                }
            });
            return selected;
        }

    }

}
