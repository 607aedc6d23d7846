package io.snapshotbatch.emulator;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Test controls of a running emulator (another process, usually):
 * <ul>
 * <li>{@code POST /_emulator/rate} with {@code {"rate": 4}} sets the per-operation rate now (0 = unlimited), or
 *     with {@code {"schedule": "12@0s,4@20s,12@40s"}} starts a schedule of rates from now;</li>
 * <li>{@code POST /_emulator/deny} with {@code {"pattern": "O100[12]"}} denies the calls whose engagement or
 *     opportunity matches ({@code ""} denies none).</li>
 * </ul>
 * Each answers the current setting as JSON.
 */
final class AdminHandler implements HttpHandler {

    static final String RATE_PATH = "/_emulator/rate";
    static final String DENY_PATH = "/_emulator/deny";
    private static final String JSON = "application/json";

    private final RateLimiter rateLimiter;
    private final AccessPolicy access;
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final ObjectMapper mapper;

    AdminHandler(RateLimiter rateLimiter, AccessPolicy access, java.util.concurrent.ScheduledExecutorService timer,
            ObjectMapper mapper) {
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.timer = timer;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            WireWriter.send(exchange, 405, JSON, message("Use POST " + path));
            return;
        }
        try {
            JsonNode request = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
            if (RATE_PATH.equals(path)) {
                if (request.hasNonNull("schedule")) {
                    RateSchedule.parse(request.get("schedule").asText()).startOnce(rateLimiter, timer);
                } else if (request.hasNonNull("rate")) {
                    rateLimiter.setRate(request.get("rate").asDouble());
                } else {
                    throw new IllegalArgumentException("give {\"rate\": N} or {\"schedule\": \"RATE@OFFSET,...\"}");
                }
                WireWriter.send(exchange, 200, JSON, mapper.writeValueAsBytes(
                        mapper.createObjectNode().put("rate", rateLimiter.rate())));
            } else if (DENY_PATH.equals(path)) {
                access.deny(request.path("pattern").asText(""));
                WireWriter.send(exchange, 200, JSON, mapper.writeValueAsBytes(
                        mapper.createObjectNode().put("pattern", access.denied())));
            } else {
                WireWriter.send(exchange, 404, JSON, message("Not found; use POST " + RATE_PATH + " or " + DENY_PATH));
            }
        } catch (IllegalArgumentException | IOException bad) {
            WireWriter.send(exchange, 400, JSON, message(bad.getMessage()));
        }
    }

    private byte[] message(String text) throws IOException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("Message", text));
    }
}
