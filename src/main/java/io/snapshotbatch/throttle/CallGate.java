package io.snapshotbatch.throttle;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every HTTP attempt of the shared client passes here just before it is sent: the run must not be
 * stopping, the budget and the rolling 24-hour quota must allow it, and the {@link Pacer} must grant a
 * permit. Every answer tells the {@link PaceController} whether the service accepted or throttled the
 * call. Sitting inside the SDK pipeline means the SDK's own retries are paced and counted too, across
 * all partitions.
 */
public final class CallGate implements ExecutionInterceptor {

    /** The only operation that spends the budget and the quota. */
    public static final String WRITE_OPERATION = "CreateResourceSnapshot";

    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("snapshot-batch.sent-at");

    private final Pacer pacer;

    private final PaceController controller;

    private final CallBudget budget;

    private final RollingQuota quota;

    private final Supplier<String> stopReason;

    private final Consumer<String> stop;

    private final LongSupplier nanoClock;

    private final CallLatency latency;

    public CallGate(Pacer pacer, PaceController controller, CallBudget budget, RollingQuota quota,
            Supplier<String> stopReason, Consumer<String> stop, LongSupplier nanoClock) {
        this(pacer, controller, budget, quota, stopReason, stop, nanoClock, new CallLatency());
    }

    /** @param latency where the time from each attempt's permit to its answer is recorded */
    public CallGate(Pacer pacer, PaceController controller, CallBudget budget, RollingQuota quota,
            Supplier<String> stopReason, Consumer<String> stop, LongSupplier nanoClock, CallLatency latency) {
        this.latency = latency;
        this.pacer = pacer;
        this.controller = controller;
        this.budget = budget;
        this.quota = quota;
        this.stopReason = stopReason;
        this.stop = stop;
        this.nanoClock = nanoClock;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        boolean write = WRITE_OPERATION.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (write) {
            // Nothing left to spend: no point in waiting for a permit first.
            this.budget.checkNotSpent();
        }
        this.pacer.acquire(this.stopReason);
        if (write) {
            this.budget.spend();
            this.quota.spend();
        }
        attributes.putAttribute(SENT_AT, this.nanoClock.getAsLong());
        CallAttempts attempts = attributes.getAttribute(CallAttempts.ATTRIBUTE);
        if (attempts != null) {
            attempts.countSent();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        Long sentAt = attributes.getAttribute(SENT_AT);
        if (sentAt != null) {
            // Throttled answers too: they are the service's latency as much as accepted ones.
            this.latency.record(this.nanoClock.getAsLong() - sentAt);
        }
        if (isThrottle(status, context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""))) {
            CallAttempts attempts = attributes.getAttribute(CallAttempts.ATTRIBUTE);
            if (attempts != null) {
                attempts.countThrottled();
            }
            if (this.controller.onThrottled((sentAt != null) ? sentAt : this.nanoClock.getAsLong())) {
                this.pacer.wakeAll();
            }
            if (this.controller.quotaLooksSpent()) {
                this.stop.accept(quotaSpentReason(this.controller.settings()));
            }
        }
        else if (status >= 200 && status < 300) {
            this.controller.onAccepted();
        }
    }

    static String quotaSpentReason(PaceSettings settings) {
        return "the service's daily quota looks spent: it refused every call for "
                + settings.quotaSpentAfter().toString().substring(2).toLowerCase(Locale.ROOT) + " at the lowest pace ("
                + settings.floor() + " calls/s); the same command resumes the run later";
    }

    /** Both status profiles of the service: 429, or 400 with the error type in the header. */
    static boolean isThrottle(int status, String errorTypeHeader) {
        return status == 429 || errorTypeHeader.toLowerCase(Locale.ROOT).startsWith("throttlingexception");
    }

}
