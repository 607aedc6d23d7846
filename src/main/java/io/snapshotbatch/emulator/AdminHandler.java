package io.snapshotbatch.emulator;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
final class AdminHandler extends JsonPostHandler {

    static final String RATE_PATH = "/_emulator/rate";
    static final String DENY_PATH = "/_emulator/deny";

    private final RateLimiter rateLimiter;
    private final AccessPolicy access;
    private final java.util.concurrent.ScheduledExecutorService timer;

    AdminHandler(RateLimiter rateLimiter, AccessPolicy access, java.util.concurrent.ScheduledExecutorService timer,
            ObjectMapper mapper) {
        super(mapper);
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.timer = timer;
    }

    @Override
    ObjectNode apply(String path, JsonNode request) {
        if (RATE_PATH.equals(path)) {
            if (request.hasNonNull("schedule")) {
                RateSchedule.parse(request.get("schedule").asText()).startOnce(rateLimiter, timer);
            } else if (request.hasNonNull("rate")) {
                rateLimiter.setRate(request.get("rate").asDouble());
            } else {
                throw new IllegalArgumentException("give {\"rate\": N} or {\"schedule\": \"RATE@OFFSET,...\"}");
            }
            return mapper.createObjectNode().put("rate", rateLimiter.rate());
        }
        if (DENY_PATH.equals(path)) {
            access.deny(request.path("pattern").asText(""));
            return mapper.createObjectNode().put("pattern", access.denied());
        }
        return null;
    }

    @Override
    String paths() {
        return RATE_PATH + " or " + DENY_PATH;
    }
}
