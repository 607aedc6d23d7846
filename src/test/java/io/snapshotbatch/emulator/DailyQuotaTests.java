package io.snapshotbatch.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DailyQuotaTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final DailyQuota quota = new DailyQuota(3, Duration.ofHours(24), now::get);

    @Test
    void spendsUpToTheLimitWithinTheWindow() {
        // given / when
        boolean first = quota.tryConsume();
        now.addAndGet(Duration.ofHours(1).toNanos());
        boolean second = quota.tryConsume();
        boolean third = quota.tryConsume();
        boolean fourth = quota.tryConsume();

        // then
        assertThat(new boolean[] {first, second, third, fourth}).containsExactly(true, true, true, false);
        assertThat(quota.exhausted()).isTrue();
        assertThat(quota.spent()).isEqualTo(3);
    }

    @Test
    void unitsComeBackTwentyFourHoursAfterTheyWereSpentNotAtMidnight() {
        // given three units spent at t0, t0+1h, t0+1h
        quota.tryConsume();
        now.addAndGet(Duration.ofHours(1).toNanos());
        quota.tryConsume();
        quota.tryConsume();

        // when 24 h after the first spend (plus the one-second granularity)
        now.addAndGet(Duration.ofHours(23).plusSeconds(1).toNanos());

        // then exactly one unit is free again
        assertThat(quota.spent()).isEqualTo(2);
        assertThat(quota.tryConsume()).isTrue();
        assertThat(quota.tryConsume()).isFalse();

        // and an hour later the other two return
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(quota.spent()).isEqualTo(1);
    }

    @Test
    void neverReleasesAUnitEarly() {
        // given one unit spent at the very end of a second
        quota.tryConsume();

        // when just under 24 h have passed
        now.addAndGet(Duration.ofHours(24).minusMillis(1).toNanos());

        // then it is still spent
        assertThat(quota.spent()).isEqualTo(1);
    }

    @Test
    void zeroMeansUnlimited() {
        DailyQuota unlimited = new DailyQuota(0, Duration.ofHours(24), now::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(unlimited.tryConsume()).isTrue();
        }
        assertThat(unlimited.exhausted()).isFalse();
    }
}
