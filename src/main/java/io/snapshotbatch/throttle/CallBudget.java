package io.snapshotbatch.throttle;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The most CreateResourceSnapshot calls a run may spend ({@code --daily-budget}), counting the calls
 * already recorded in earlier launches of the same run. The call that spends the last unit stops the
 * run at once, so no pending row waits for a permit it could never use.
 */
public final class CallBudget {

    private final long limit;

    private final AtomicLong spent;

    private volatile Consumer<String> stop = (reason) -> {
    };

    private CallBudget(long limit) {
        this.limit = limit;
        this.spent = new AtomicLong();
    }

    public static CallBudget unlimited() {
        return new CallBudget(Long.MAX_VALUE);
    }

    public static CallBudget of(long limit) {
        return new CallBudget(limit);
    }

    /** Where to say that the budget is spent (the run's stop signal). */
    public void onSpent(Consumer<String> stop) {
        this.stop = stop;
    }

    /** Counts the calls earlier launches of the same run already spent (known once the run is). */
    public void startFrom(long alreadySpent) {
        this.spent.set(alreadySpent);
        if (isSpent()) {
            this.stop.accept(reason());
        }
    }

    /** Whether no call is left. */
    public boolean isSpent() {
        return this.spent.get() >= this.limit;
    }

    void checkNotSpent() {
        if (isSpent()) {
            throw new CallBudgetExhaustedException(this.limit);
        }
    }

    /** Takes one call from the budget, or throws when none is left; the last one stops the run. */
    void spend() {
        long after = this.spent.incrementAndGet();
        if (after > this.limit) {
            this.spent.decrementAndGet();
            throw new CallBudgetExhaustedException(this.limit);
        }
        if (after == this.limit) {
            this.stop.accept(reason());
        }
    }

    private String reason() {
        return "the run's budget of " + this.limit + " CreateResourceSnapshot calls (--daily-budget) is spent";
    }

    public long limit() {
        return this.limit;
    }

    public boolean isLimited() {
        return this.limit != Long.MAX_VALUE;
    }

}
