package io.snapshotbatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP gateway between the client and the emulator that makes the network misbehave per
 * engagement: it can forward a call and then lose the answer (the service created the snapshot, the
 * client never hears of it), answer a 500 after the service created it, or send the call to another
 * service instance. {@link #healAll()} makes it a plain relay. This is how a call whose outcome is
 * truly unknown is produced without touching the product or the emulator.
 */
public final class FlakyGateway implements AutoCloseable {

    public enum Fault {

        /** Forward, then close the connection without an answer: the client sees a connection error. */
        LOSE_REPLY,
        /** Forward, then answer InternalServerException (500) whatever the service said. */
        FAIL_AFTER_FORWARD,
        /** Forward to the other endpoint (e.g. an emulator that does not know the engagement). */
        OTHER_ENDPOINT

    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final ExecutorService executor;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI target;

    private final URI other;

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();

    private FlakyGateway(HttpServer server, ExecutorService executor, URI target, URI other) {
        this.server = server;
        this.executor = executor;
        this.target = target;
        this.other = other;
    }

    /** Relays to {@code target}; {@link Fault#OTHER_ENDPOINT} relays to {@code other}. */
    public static FlakyGateway start(URI target, URI other) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        ExecutorService executor = Executors.newFixedThreadPool(16);
        FlakyGateway gateway = new FlakyGateway(server, executor, target, other);
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void inject(String engagementId, Fault fault) {
        this.faults.put(engagementId, fault);
    }

    /** From now on every call is relayed to the target, untouched. */
    public void healAll() {
        this.faults.clear();
    }

    /** How many calls got this fault. */
    public int injected(Fault fault) {
        AtomicInteger count = this.injected.get(fault);
        return (count != null) ? count.get() : 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Fault fault = faultFor(body);
        if (fault != null) {
            this.injected.computeIfAbsent(fault, (f) -> new AtomicInteger()).incrementAndGet();
        }
        HttpResponse<byte[]> answer;
        try {
            answer = forward(exchange, body, (fault == Fault.OTHER_ENDPOINT) ? this.other : this.target);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
        if (fault == Fault.LOSE_REPLY) {
            // The JDK server closes the connection without a byte of answer when the handler throws.
            throw new IOException("gateway: reply lost on purpose");
        }
        if (fault == Fault.FAIL_AFTER_FORWARD) {
            byte[] error = ("{\"__type\":\"com.amazonaws.partnercentralselling#InternalServerException\","
                    + "\"Message\":\"An internal error occurred. Retry the request.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
            reply(exchange, 500, "application/x-amz-json-1.0", error);
            return;
        }
        answer.headers().firstValue("x-amzn-ErrorType").ifPresent((v) -> exchange.getResponseHeaders().set("x-amzn-ErrorType", v));
        answer.headers().firstValue("x-amzn-RequestId").ifPresent((v) -> exchange.getResponseHeaders().set("x-amzn-RequestId", v));
        reply(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"),
                answer.body());
    }

    private Fault faultFor(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            return (request != null) ? this.faults.get(request.path("EngagementIdentifier").asText("")) : null;
        }
        catch (IOException notJson) {
            return null;
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body, URI to) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(to.resolve(exchange.getRequestURI().getPath()))
            .timeout(Duration.ofSeconds(30))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[] { "Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date" }) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

}
