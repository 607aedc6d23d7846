package io.snapshotbatch.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The awsJson1_0 front end: {@code POST /} dispatched on X-Amz-Target. A call goes through, in order: routing,
 * body parsing, the rate limit, the daily-quota gate, the fault draw, the delay (latency and slow replies), and
 * only then the operation — so every rejection and every fault happens before any state changes. The SigV4
 * {@code Authorization} header is accepted as is, never verified.
 *
 * <p>{@link #handle} runs on the JDK server's single dispatcher thread, so it must never wait: delayed calls are
 * parked on a timer and completed by a worker.
 */
final class ApiHandler implements HttpHandler {

    static final String TARGET_PREFIX = "AWSPartnerCentralSelling.";
    private static final String CREATE = "CreateResourceSnapshot";
    private static final int MAX_PREALLOCATED_BODY = 1 << 20;

    /** Thrown out of {@link #handle} so that the JDK server closes the connection without answering. */
    static final class DroppedConnection extends IOException {
        DroppedConnection() {
            super("fault injected: connection dropped", null);
        }
    }

    private final Map<String, Operation> operations;
    private final ObjectMapper mapper;
    private final WireWriter writer;
    private final LiveStats stats;
    private final RateLimiter rateLimiter;
    private final DailyQuota dailyQuota;
    private final FaultInjector faults;
    private final long latencyMillis;
    private final ScheduledExecutorService timer;
    private final Executor workers;
    private final Runnable onApiCall;
    private StsCallerIdentity sts;

    ApiHandler(List<Operation> operations, ObjectMapper mapper, WireWriter writer, LiveStats stats,
            RateLimiter rateLimiter, DailyQuota dailyQuota, FaultInjector faults, long latencyMillis,
            ScheduledExecutorService timer, Executor workers, Runnable onApiCall) {
        this.operations = operations.stream().collect(Collectors.toUnmodifiableMap(Operation::name,
                Function.identity()));
        this.mapper = mapper;
        this.writer = writer;
        this.stats = stats;
        this.rateLimiter = rateLimiter;
        this.dailyQuota = dailyQuota;
        this.faults = faults;
        this.latencyMillis = latencyMillis;
        this.timer = timer;
        this.workers = workers;
        this.onApiCall = onApiCall;
    }

    /** Also answers STS GetCallerIdentity on the same endpoint (for {@code --from-service} without --created-by). */
    ApiHandler withSts(StsCallerIdentity callerIdentity) {
        this.sts = callerIdentity;
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Read the whole body first: closing a socket with unread input would turn a clean drop into a reset.
        byte[] body = readBody(exchange);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (sts != null && sts.answers(target, body)) {
            sts.handle(exchange, target);
            return;
        }
        String operationName = operationName(target);
        try {
            Operation operation = route(exchange, target, operationName);
            ObjectNode request = parse(body);
            onApiCall.run();
            if (!rateLimiter.tryAcquire(operation.name())) {
                throw ServiceError.throttled();
            }
            if (operation.name().equals(CREATE) && dailyQuota.exhausted()) {
                throw ServiceError.of(ErrorType.ThrottlingException, "Rate exceeded: daily quota exhausted");
            }
            FaultKind fault = faults.draw();
            long delay = latencyMillis;
            if (fault != null) {
                stats.recordFault(fault);
                switch (fault) {
                    case DROP_CONNECTION -> {
                        stats.record(operation.name(), EmulatorStats.DROPPED_CONNECTION);
                        // Nothing has been written; the JDK server closes the socket when the handler throws.
                        throw new DroppedConnection();
                    }
                    case THROTTLE -> throw ServiceError.throttled();
                    case INTERNAL_ERROR -> throw ServiceError.of(ErrorType.InternalServerException,
                            "An internal error occurred. Retry the request.");
                    case SLOW_REPLY -> delay += faults.slowReplyMillis();
                }
            }
            if (delay <= 0) {
                execute(exchange, operation, request);
            } else {
                // On a timer, not a sleeping thread: a slow call must not hold up the dispatcher.
                timer.schedule(() -> resume(exchange, operation, request), delay, TimeUnit.MILLISECONDS);
            }
        } catch (ServiceError error) {
            stats.record(operationName, error.type().name());
            writer.error(exchange, error);
        }
    }

    private void resume(HttpExchange exchange, Operation operation, ObjectNode request) {
        try {
            workers.execute(() -> {
                try {
                    execute(exchange, operation, request);
                } catch (IOException clientGone) {
                    exchange.close();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            exchange.close();
        }
    }

    private void execute(HttpExchange exchange, Operation operation, ObjectNode request) throws IOException {
        Operation.Result result;
        try {
            result = operation.execute(request);
        } catch (ServiceError error) {
            stats.record(operation.name(), error.type().name());
            writer.error(exchange, error);
            return;
        } catch (RuntimeException bug) {
            // Never leave a client hanging on an emulator bug; answer as the service would.
            stats.record(operation.name(), ErrorType.InternalServerException.name());
            writer.error(exchange, ServiceError.of(ErrorType.InternalServerException, "Emulator error: " + bug));
            return;
        }
        stats.record(operation.name(), result.replay() ? EmulatorStats.REPLAY : EmulatorStats.SUCCESS);
        writer.success(exchange, result.body());
    }

    private Operation route(HttpExchange exchange, String target, String operationName) {
        Operation operation = operations.get(operationName);
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())
                || target == null || !target.startsWith(TARGET_PREFIX) || operation == null) {
            throw ServiceError.of(ErrorType.UnknownOperationException, "No operation " + operationName + " for "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + "; expected POST / with X-Amz-Target: " + TARGET_PREFIX + "<Operation>.");
        }
        return operation;
    }

    // Bounded and defaulted so that stats keys stay readable whatever a client sends.
    private static String operationName(String target) {
        if (target == null || target.isEmpty()) {
            return "(none)";
        }
        String name = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    // With a Content-Length, one exact read: readAllBytes() grows and copies 8 KB buffers on every call.
    // An absent, odd or huge length falls back to reading what actually arrives.
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        int size;
        try {
            size = length == null ? -1 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 0 || size > MAX_PREALLOCATED_BODY) {
            return in.readAllBytes();
        }
        byte[] body = new byte[size];
        int read = in.readNBytes(body, 0, size);
        return read == size ? body : Arrays.copyOf(body, read);
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode(); // "Server implementations MUST also accept empty request bodies."
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ServiceError.serialization(e.getOriginalMessage());
        } catch (IOException e) {
            throw ServiceError.serialization(e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return mapper.createObjectNode(); // whitespace only
        }
        if (!node.isObject()) {
            throw ServiceError.serialization("the body must be a JSON object.");
        }
        return (ObjectNode) node;
    }
}
