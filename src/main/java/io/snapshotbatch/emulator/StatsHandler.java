package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** {@code GET /_emulator/stats}: the {@link LiveStats} as JSON, for tests that run the emulator in another process. */
final class StatsHandler implements HttpHandler {

    static final String PATH = "/_emulator/stats";
    private static final String JSON = "application/json";

    private final LiveStats stats;
    private final ObjectMapper mapper;

    StatsHandler(LiveStats stats, ObjectMapper mapper) {
        this.stats = stats;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (!PATH.equals(exchange.getRequestURI().getPath())) {
            WireWriter.send(exchange, 404, JSON, message("Not found; use GET " + PATH));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            WireWriter.send(exchange, 405, JSON, message("Use GET " + PATH));
            return;
        }
        WireWriter.send(exchange, 200, JSON, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(stats.toJson()));
    }

    private byte[] message(String text) throws IOException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("Message", text));
    }
}
