package io.snapshotbatch.emulator;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsABurstOfOneSecondThenTheRate() {
        // given 10 per second
        RateLimiter limiter = new RateLimiter(10, now::get);

        // when 15 calls arrive at once
        long allowed = count(limiter, 15);

        // then the bucket of 10 passes; after 0.5 s, 5 more
        assertThat(allowed).isEqualTo(10);
        now.addAndGet(500_000_000L);
        assertThat(count(limiter, 15)).isEqualTo(5);
    }

    @Test
    void fractionalRatesStillAllowOneCall() {
        // given one call every 2 s
        RateLimiter limiter = new RateLimiter(0.5, now::get);

        assertThat(count(limiter, 3)).isEqualTo(1);
        now.addAndGet(1_000_000_000L);
        assertThat(count(limiter, 3)).isZero();
        now.addAndGet(1_000_000_000L);
        assertThat(count(limiter, 3)).isEqualTo(1);
    }

    @Test
    void operationsAreLimitedSeparately() {
        RateLimiter limiter = new RateLimiter(1, now::get);

        assertThat(limiter.tryAcquire("CreateResourceSnapshot")).isTrue();
        assertThat(limiter.tryAcquire("CreateResourceSnapshot")).isFalse();
        assertThat(limiter.tryAcquire("GetResourceSnapshot")).isTrue();
    }

    @Test
    void zeroMeansUnlimited() {
        assertThat(count(new RateLimiter(0, now::get), 100_000)).isEqualTo(100_000);
    }

    private static long count(RateLimiter limiter, int calls) {
        long allowed = 0;
        for (int i = 0; i < calls; i++) {
            if (limiter.tryAcquire("CreateResourceSnapshot")) {
                allowed++;
            }
        }
        return allowed;
    }
}
