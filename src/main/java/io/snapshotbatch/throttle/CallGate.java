package io.snapshotbatch.throttle;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every HTTP attempt of the shared client passes here just before it is sent: the run must not be
 * stopping, the budget must allow it, and the rate limiter must grant a permit. Sitting inside the
 * SDK pipeline means the SDK's own retries are paced and counted too, across all partitions.
 */
public final class CallGate implements ExecutionInterceptor {

    private static final Duration WAIT_AT_MOST = Duration.ofHours(1);

    private final RateLimiter rateLimiter;

    private final CallBudget budget;

    private final Supplier<String> stopReason;

    public CallGate(double callsPerSecond, CallBudget budget, Supplier<String> stopReason) {
        this.rateLimiter = RateLimiter.of("create-resource-snapshot", rateLimiterConfig(callsPerSecond));
        this.budget = budget;
        this.stopReason = stopReason;
    }

    /**
     * One permit per {@code 1/rate} seconds, so calls are spread evenly instead of sent in bursts at
     * the start of each second. Above 1,000 calls/s a period would be shorter than the limiter's 1 ms
     * resolution, so it grants {@code k} permits per {@code k/rate} seconds instead; the period is
     * rounded up, so the granted rate never exceeds the requested one.
     */
    static RateLimiterConfig rateLimiterConfig(double callsPerSecond) {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("--rate must be greater than 0, got " + callsPerSecond);
        }
        int permitsPerPeriod = (int) Math.max(1, Math.ceil(callsPerSecond / 1000));
        long periodNanos = (long) Math.ceil(permitsPerPeriod * 1_000_000_000d / callsPerSecond);
        return RateLimiterConfig.custom()
            .limitRefreshPeriod(Duration.ofNanos(periodNanos))
            .limitForPeriod(permitsPerPeriod)
            .timeoutDuration(WAIT_AT_MOST)
            .build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        abortIfStopping();
        if (!this.rateLimiter.acquirePermission()) {
            throw new CallAbortedException("no rate-limiter permit within " + WAIT_AT_MOST);
        }
        // The wait may have been long: a stop that arrived meanwhile wins over sending.
        abortIfStopping();
        this.budget.spend();
        CallAttempts attempts = attributes.getAttribute(CallAttempts.ATTRIBUTE);
        if (attempts != null) {
            attempts.countSent();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        CallAttempts attempts = attributes.getAttribute(CallAttempts.ATTRIBUTE);
        if (attempts != null && isThrottle(context.httpResponse().statusCode(),
                context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""))) {
            attempts.countThrottled();
        }
    }

    /** Both status profiles of the service: 429, or 400 with the error type in the header. */
    static boolean isThrottle(int status, String errorTypeHeader) {
        return status == 429 || errorTypeHeader.toLowerCase(Locale.ROOT).startsWith("throttlingexception");
    }

    private void abortIfStopping() {
        String reason = this.stopReason.get();
        if (reason != null) {
            throw new CallAbortedException(reason);
        }
    }

}
