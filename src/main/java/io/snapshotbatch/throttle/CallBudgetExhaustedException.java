package io.snapshotbatch.throttle;

/** Thrown before an attempt is sent when {@code --daily-budget} is spent; the row stays PENDING. */
public class CallBudgetExhaustedException extends RuntimeException {

    public CallBudgetExhaustedException(long limit) {
        super("the run's budget of " + limit + " CreateResourceSnapshot calls is spent");
    }

}
