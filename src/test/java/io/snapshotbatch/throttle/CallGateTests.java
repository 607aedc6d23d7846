package io.snapshotbatch.throttle;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallGateTests {

    @ParameterizedTest
    @CsvSource({
            // rate, period (ns), permits per period
            "0.5,  2000000000, 1",
            "1,    1000000000, 1",
            "10,   100000000,  1",
            "1000, 1000000,    1",
            "5000, 1000000,    5" })
    void permitsAreSpreadEvenlyOverThePeriod(double rate, long periodNanos, int permits) {
        // when
        RateLimiterConfig config = CallGate.rateLimiterConfig(rate);

        // then
        assertThat(config.getLimitRefreshPeriod()).isEqualTo(Duration.ofNanos(periodNanos));
        assertThat(config.getLimitForPeriod()).isEqualTo(permits);
        assertThat(config.getTimeoutDuration()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.01, 0.5, 1, 2, 3, 7, 10, 33.3, 100, 999, 1000, 1001, 1500, 5000, 12345 })
    void theConfiguredRateNeverExceedsTheRequestedOne(double rate) {
        // when
        RateLimiterConfig config = CallGate.rateLimiterConfig(rate);

        // then
        double granted = config.getLimitForPeriod() * 1e9 / config.getLimitRefreshPeriod().toNanos();
        assertThat(granted).isLessThanOrEqualTo(rate * (1 + 1e-9));
        assertThat(config.getLimitForPeriod()).isPositive();
        assertThat(config.getLimitRefreshPeriod()).isGreaterThanOrEqualTo(Duration.ofMillis(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.5, 1, 3, 7, 10, 250, 1000 })
    void upToAThousandCallsASecondTheRateIsMetWithOnePermitAtATime(double rate) {
        // when
        RateLimiterConfig config = CallGate.rateLimiterConfig(rate);

        // then
        double granted = config.getLimitForPeriod() * 1e9 / config.getLimitRefreshPeriod().toNanos();
        assertThat(config.getLimitForPeriod()).isEqualTo(1);
        assertThat(granted).isCloseTo(rate, org.assertj.core.data.Percentage.withPercentage(0.001));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 1001, 1500, 2500, 5000, 12345 })
    void aboveAThousandCallsASecondTheRateIsStillMetNotRoundedDown(double rate) {
        // when
        RateLimiterConfig config = CallGate.rateLimiterConfig(rate);

        // then
        double granted = config.getLimitForPeriod() * 1e9 / config.getLimitRefreshPeriod().toNanos();
        assertThat(granted).isCloseTo(rate, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0, -0.0, -1, -1000, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY })
    void aRateThatIsNotPositiveIsRefused(double rate) {
        assertThatIllegalArgumentException().isThrownBy(() -> CallGate.rateLimiterConfig(rate))
            .withMessageContaining("--rate");
    }

    @Test
    void throttlingIsRecognisedInBothStatusProfiles() {
        assertThat(CallGate.isThrottle(429, "")).isTrue();
        assertThat(CallGate.isThrottle(400, "ThrottlingException:http://internal.amazon.com/coral/")).isTrue();
        assertThat(CallGate.isThrottle(400, "throttlingexception")).isTrue();
        assertThat(CallGate.isThrottle(400, "ValidationException")).isFalse();
        assertThat(CallGate.isThrottle(500, "InternalServerException")).isFalse();
        assertThat(CallGate.isThrottle(200, "")).isFalse();
    }

}
