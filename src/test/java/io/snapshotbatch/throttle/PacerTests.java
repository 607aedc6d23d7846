package io.snapshotbatch.throttle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacerTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @ParameterizedTest
    @ValueSource(doubles = { 0.01, 0.5, 1, 3, 7, 10, 33.3, 999, 1000, 1001, 5000, 12345 })
    void theBucketNeverGrantsMoreThanThePaceAndNeverRefillsFasterThanOnceAMillisecond(double rate) {
        // when
        BucketConfiguration configuration = Pacer.configuration(rate);

        // then
        var bandwidth = configuration.getBandwidths()[0];
        double granted = bandwidth.getRefillTokens() * 1e9 / bandwidth.getRefillPeriodNanos();
        assertThat(granted).isLessThanOrEqualTo(rate * (1 + 1e-9)).isGreaterThan(rate * 0.999);
        assertThat(bandwidth.getCapacity()).isGreaterThanOrEqualTo(bandwidth.getRefillTokens())
            .isLessThanOrEqualTo(Math.max(bandwidth.getRefillTokens(), (long) (rate * 0.2)));
        assertThat(bandwidth.getRefillPeriodNanos() / bandwidth.getRefillTokens()).isGreaterThanOrEqualTo(
                (rate <= 1000) ? (long) (1e9 / rate) - 1 : 1);
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0, -1, Double.NaN, Double.POSITIVE_INFINITY })
    void aCeilingThatIsNotPositiveIsRefused(double rate) {
        assertThatIllegalArgumentException().isThrownBy(() -> PaceSettings.of(rate)).withMessageContaining("--rate");
    }

    @Test
    void permitsAreSpreadEvenlyAtThePace() {
        // given a pace of 4 calls/s on a fake clock
        Pacer pacer = new Pacer(new PaceController(PaceSettings.of(4), this.now::get), this.now::get);

        // when / then: one permit at once, the next 250 ms later, never two at once
        assertThat(pacer.tryAcquire()).isZero();
        long wait = pacer.tryAcquire();
        assertThat(wait).isBetween(249_000_000L, 250_000_000L);
        this.now.addAndGet(wait - 1_000_000L);
        assertThat(pacer.tryAcquire()).isPositive();
        this.now.addAndGet(1_000_000L);
        assertThat(pacer.tryAcquire()).isZero();
    }

    @Test
    void theBucketFollowsThePaceWhenThrottlingLowersIt() {
        // given a pace of 10 calls/s, then a throttled call
        PaceController controller = new PaceController(PaceSettings.of(10), this.now::get);
        Pacer pacer = new Pacer(controller, this.now::get);
        assertThat(pacer.tryAcquire()).isZero();
        this.now.addAndGet(1_000_000_000L);
        controller.onThrottled(this.now.get());

        // when
        pacer.tryAcquire();

        // then
        assertThat(pacer.configuredRate()).isEqualTo(controller.rate()).isLessThan(10);
    }

    @Test
    void aStopEndsTheWaitForAPermitAtOnceEvenAtAVeryLowPace() throws Exception {
        // given one call every 100 s (real clock), its first permit taken
        Pacer pacer = new Pacer(new PaceController(PaceSettings.of(0.01), System::nanoTime), System::nanoTime);
        AtomicReference<String> stopReason = new AtomicReference<>();
        pacer.acquire(stopReason::get);
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                pacer.acquire(stopReason::get);
                return null;
            }
            catch (CallAbortedException ex) {
                return ex;
            }
        });
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        // when
        long stoppedAt = System.nanoTime();
        stopReason.set("interrupted by a signal");
        pacer.wakeAll();
        Throwable aborted = waiting.get(5, TimeUnit.SECONDS);

        // then
        assertThat(aborted).isInstanceOf(CallAbortedException.class).hasMessageContaining("signal");
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(1));
    }

}
