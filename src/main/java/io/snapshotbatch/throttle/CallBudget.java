package io.snapshotbatch.throttle;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The most CreateResourceSnapshot calls a run may spend ({@code --daily-budget}), counting the calls
 * already recorded in earlier launches of the same run.
 */
public final class CallBudget {

    private final long limit;

    private final AtomicLong spent;

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

    /** Counts the calls earlier launches of the same run already spent (known once the run is). */
    public void startFrom(long alreadySpent) {
        this.spent.set(alreadySpent);
    }

    /** Whether no call is left. */
    public boolean isSpent() {
        return this.spent.get() >= this.limit;
    }

    /** Takes one call from the budget, or throws when none is left. */
    void spend() {
        long after = this.spent.incrementAndGet();
        if (after > this.limit) {
            this.spent.decrementAndGet();
            throw new CallBudgetExhaustedException(this.limit);
        }
    }

    public long limit() {
        return this.limit;
    }

    public boolean isLimited() {
        return this.limit != Long.MAX_VALUE;
    }

}
