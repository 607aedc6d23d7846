package io.snapshotbatch.throttle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.throttle.PaceSimulation.Quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The pace controller on a fake clock: decreases, the climb, the ceiling, the start, the spent quota. */
class PaceControllerTests {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(10_000 * MS);

    @Test
    void simultaneousThrottlesAreOneSignalAndAThrottleWithinTheCooldownIsIgnored() {
        // given a pace of 20/s whose calls were accepted for two seconds
        PaceController controller = new PaceController(PaceSettings.of(20), this.now::get);
        accept(controller, 40, 2000);
        long sentBefore = this.now.get() - 50 * MS;

        // when four partitions' calls, all sent before the decrease, come back throttled
        boolean first = controller.onThrottled(sentBefore);
        double afterFirst = controller.rate();
        boolean others = controller.onThrottled(sentBefore) | controller.onThrottled(sentBefore)
                | controller.onThrottled(sentBefore);
        // and a call sent 500 ms after the decrease (inside the 1 s cooldown) is throttled too
        this.now.addAndGet(500 * MS);
        boolean withinCooldown = controller.onThrottled(this.now.get() - 10 * MS);

        // then: one decrease, to 0.7 of the throttling point
        assertThat(first).isTrue();
        assertThat(others).isFalse();
        assertThat(withinCooldown).isFalse();
        assertThat(controller.decreases()).isEqualTo(1);
        assertThat(afterFirst).isCloseTo(14, within(0.01));
        assertThat(controller.throttledCalls()).isEqualTo(5);

        // when a call sent after the cooldown is throttled
        this.now.addAndGet(600 * MS);
        boolean second = controller.onThrottled(this.now.get() - 10 * MS);

        // then it is a new signal
        assertThat(second).isTrue();
        assertThat(controller.decreases()).isEqualTo(2);
    }

    @Test
    void theThrottlingPointIsWhatTheServiceAcceptedWhenThatIsBelowThePace() {
        // given a pace of 20/s of which the service accepted only 10/s
        PaceController controller = new PaceController(PaceSettings.of(20), this.now::get);
        accept(controller, 20, 2000);

        // when
        controller.onThrottled(this.now.get());

        // then
        assertThat(controller.throttlePoint()).isCloseTo(10, within(1.0));
        assertThat(controller.rate()).isCloseTo(7, within(0.7));
    }

    @Test
    void itClimbsBackFastToJustBelowTheThrottlingPointHoldsThenProbesAboveIt() {
        // given a decrease at a throttling point of 10/s
        PaceController controller = new PaceController(PaceSettings.of(20), this.now::get);
        accept(controller, 20, 2000);
        controller.onThrottled(this.now.get());
        double point = controller.throttlePoint();

        // when the next two seconds go by without throttling (cooldown, then the climb)
        accept(controller, 18, 2000);

        // then it is back just below the throttling point
        assertThat(controller.rate()).isCloseTo(0.95 * point, within(0.01));

        // when it has held that pace for its hold (4 s, 16 calls)
        accept(controller, 40, 4000);
        double probe = controller.rate();

        // then it probes 3 % above, then more
        assertThat(probe).isCloseTo(0.95 * point * 1.03, within(0.01));
        accept(controller, 10, 1000);
        assertThat(controller.rate()).isCloseTo(probe * 1.06, within(0.01));
    }

    @Test
    void itNeverGoesAboveTheCeiling() {
        // given a service that accepts everything for ten minutes
        PaceController controller = new PaceController(PaceSettings.of(20), this.now::get);
        double highest = 0;

        // when
        for (int second = 0; second < 600; second++) {
            accept(controller, 20, 1000);
            highest = Math.max(highest, controller.rate());
        }

        // then
        assertThat(highest).isEqualTo(20);
        assertThat(controller.learnedPace()).isEqualTo(20);
    }

    @Test
    void itStartsFromThePersistedPaceButNeverAboveTheCeiling() {
        PaceController controller = new PaceController(PaceSettings.of(20), this.now::get);
        assertThat(controller.rate()).isEqualTo(20);

        controller.startFrom(9.5);
        assertThat(controller.rate()).isEqualTo(9.5);

        controller.startFrom(50.0);
        assertThat(controller.rate()).isEqualTo(20);

        controller.startFrom(0.001);
        assertThat(controller.rate()).isEqualTo(0.1);

        controller.startFrom(null);
        assertThat(controller.rate()).isEqualTo(20);
    }

    @Test
    void aServiceThatRefusesEveryCallForMinutesAtTheFloorHasSpentItsQuota() {
        // given a service that accepted calls, then refuses every one
        PaceController controller = new PaceController(
                PaceSettings.of(10).withQuotaSpentAfter(Duration.ofMinutes(5)), this.now::get);
        accept(controller, 50, 5000);
        double learnedBefore = controller.learnedPace();

        // when every call is refused for a minute: the pace falls to the floor
        refuseFor(controller, 60_000);

        // then: at the floor, not yet "spent"
        assertThat(controller.rate()).isEqualTo(0.1);
        assertThat(controller.quotaLooksSpent()).isFalse();

        // when refused for five more minutes
        refuseFor(controller, 300_000);

        // then: spent; what was learned before is kept for the next launch
        assertThat(controller.quotaLooksSpent()).isTrue();
        assertThat(controller.learnedPace()).isEqualTo(learnedBefore);

        // when one call is accepted again
        controller.onAccepted();

        // then
        assertThat(controller.quotaLooksSpent()).isFalse();
    }

    @Test
    void atTheServicesRateItIsNeverThrottled() {
        // when a run of 600 rows meets a quota of 20/s at --rate 20 (P1)
        PaceSimulation.Result result = PaceSimulation.run(PaceSettings.of(20), null, List.of(new Quota(0, 20)), 4, 50,
                600, 60);

        // then
        assertThat(result.throttled()).isZero();
        assertThat(result.rowsDone()).isEqualTo(600);
        assertThat(result.acceptedRate(1, 29)).isGreaterThanOrEqualTo(19.4);
    }

    @Test
    void aboveTheServicesRateItLearnsItAndFewCallsAreThrottled() {
        // when ten minutes at --rate 20 meet a quota of 10/s
        PaceSimulation.Result result = PaceSimulation.run(PaceSettings.of(20), null, List.of(new Quota(0, 10)), 4, 50,
                1_000_000, 600);

        // then: the quota is used, and throttled calls stay around 1-2 %
        assertThat(result.acceptedRate(0, 600)).isGreaterThanOrEqualTo(9.5);
        assertThat(result.throttled()).isLessThanOrEqualTo(result.accepted() / 40);
        assertThat(result.controller().learnedPace()).isBetween(8.0, 12.0);
    }

    @Test
    void itFollowsAQuotaThatMovesDuringTheRun() {
        // when the quota moves 12 -> 4 -> 12 calls/s at --rate 15 (P2b)
        PaceSimulation.Result result = PaceSimulation.run(PaceSettings.of(15), null,
                List.of(new Quota(0, 12), new Quota(20, 4), new Quota(40, 12)), 4, 50, 1_000_000, 60);

        // then: at least 70 % of what each window allowed
        assertThat(result.acceptedRate(20, 40)).isGreaterThanOrEqualTo(0.7 * 4);
        assertThat(result.acceptedRate(40, 60)).isGreaterThanOrEqualTo(0.7 * 12);
    }

    private void accept(PaceController controller, int calls, long overMillis) {
        for (int i = 0; i < calls; i++) {
            this.now.addAndGet(overMillis * MS / calls);
            controller.onAccepted();
        }
    }

    private void refuseFor(PaceController controller, long millis) {
        long end = this.now.get() + millis * MS;
        while (this.now.get() < end) {
            long step = (long) (1_000_000_000L / controller.rate());
            this.now.addAndGet(step);
            controller.onThrottled(this.now.get() - 50 * MS);
        }
    }

}
