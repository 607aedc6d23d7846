package io.snapshotbatch.throttle;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallBudgetTests {

    private final AtomicReference<String> stopped = new AtomicReference<>();

    @Test
    void theCallThatSpendsTheLastUnitStopsTheRunAtOnce() {
        // given a budget of 3 of which an earlier launch spent 1
        CallBudget budget = CallBudget.of(3);
        budget.onSpent(this.stopped::set);
        budget.startFrom(1);

        // when
        budget.spend();
        assertThat(this.stopped.get()).isNull();
        budget.spend();

        // then
        assertThat(this.stopped.get()).contains("budget of 3").contains("--daily-budget");
        assertThatThrownBy(budget::checkNotSpent).isInstanceOf(CallBudgetExhaustedException.class);
        assertThatThrownBy(budget::spend).isInstanceOf(CallBudgetExhaustedException.class);
    }

    @Test
    void aBudgetSpentByEarlierLaunchesStopsBeforeAnyCall() {
        CallBudget budget = CallBudget.of(5);
        budget.onSpent(this.stopped::set);

        budget.startFrom(5);

        assertThat(this.stopped.get()).contains("budget of 5");
    }

}
