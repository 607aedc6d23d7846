package io.snapshotbatch.emulator;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The shell of the emulator's test controls: POST only (405 otherwise), a JSON body (empty means {@code {}}),
 * a JSON answer; a request the control cannot apply is a 400 with its message.
 */
abstract class JsonPostHandler implements HttpHandler {

    private static final String JSON = "application/json";

    final ObjectMapper mapper;

    JsonPostHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Applies the control at {@code path}; its answer, or null for an unknown path (404). */
    abstract ObjectNode apply(String path, JsonNode request) throws IOException;

    /** What a 404 says: the paths this handler knows. */
    abstract String paths();

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            WireWriter.send(exchange, 405, JSON, message("Use POST " + path));
            return;
        }
        try {
            JsonNode request = body.length == 0 ? this.mapper.createObjectNode() : this.mapper.readTree(body);
            ObjectNode answer = apply(path, request);
            if (answer == null) {
                WireWriter.send(exchange, 404, JSON, message("Not found; use POST " + paths()));
                return;
            }
            WireWriter.send(exchange, 200, JSON, this.mapper.writeValueAsBytes(answer));
        }
        catch (IllegalArgumentException | IOException | java.time.format.DateTimeParseException bad) {
            WireWriter.send(exchange, 400, JSON, message(bad.getMessage()));
        }
    }

    private byte[] message(String text) throws IOException {
        return this.mapper.writeValueAsBytes(this.mapper.createObjectNode().put("Message", text));
    }

}
