package io.snapshotbatch.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes awsJson1_0 answers: JSON bodies, the request id, and errors in the shape this service sends them. */
final class WireWriter {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String SERVICE_NAMESPACE = "com.amazonaws.partnercentralselling#";
    private static final String ERROR_TYPE_SUFFIX =
            ":http://internal.amazon.com/coral/com.amazon.partnerintegrationapi.common/";
    // Protocol errors come from the Coral front end, not from the service model.
    private static final String CORAL_NAMESPACE = "com.amazon.coral.service#";
    private static final String CORAL_ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

    private final ObjectMapper mapper;
    private final StatusProfile profile;

    WireWriter(ObjectMapper mapper, StatusProfile profile) {
        this.mapper = mapper;
        this.profile = profile;
    }

    void success(HttpExchange exchange, ObjectNode body) throws IOException {
        send(exchange, 200, bytes(body));
    }

    void error(HttpExchange exchange, ServiceError error) throws IOException {
        ErrorType type = error.type();
        boolean protocolError = type == ErrorType.SerializationException || type == ErrorType.UnknownOperationException;
        ObjectNode body = mapper.createObjectNode()
                .put("__type", (protocolError ? CORAL_NAMESPACE : SERVICE_NAMESPACE) + type.name())
                .put("Message", error.getMessage());
        if (error.reason() != null) {
            body.put("Reason", error.reason());
            ArrayNode list = body.putArray("ErrorList");
            for (FieldViolation v : error.violations()) {
                list.addObject().put("FieldName", v.fieldName()).put("Message", v.message()).put("Code", v.code());
            }
        }
        exchange.getResponseHeaders().set("x-amzn-ErrorType",
                type.name() + (protocolError ? CORAL_ERROR_TYPE_SUFFIX : ERROR_TYPE_SUFFIX));
        send(exchange, profile.statusOf(type), bytes(body));
    }

    /** Sends a complete answer and closes the exchange (the connection itself stays open for keep-alive). */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, CONTENT_TYPE, body);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen for a tree of plain values
        }
    }

    // A random (version 4) UUID without SecureRandom, which would be a needless point of contention.
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }
}
