package io.snapshotbatch.throttle;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The service latency a launch saw: median and 95th percentile, for the whole launch and since the last look. */
class CallLatencyTests {

    @Test
    void givesTheMedianAndThe95thPercentileInMillisecondsOfEveryAnswer() {
        // given: 100 answers, in 301, 302, ... 400 ms
        CallLatency latency = new CallLatency();
        IntStream.rangeClosed(301, 400).forEach((ms) -> latency.record(TimeUnit.MILLISECONDS.toNanos(ms)));

        // when
        CallLatency.Percentiles launch = latency.launch();

        // then: three significant digits (HdrHistogram)
        assertThat(launch.count()).isEqualTo(100);
        assertThat(launch.p50Ms()).isCloseTo(350, within(4.0));
        assertThat(launch.p95Ms()).isCloseTo(395, within(4.0));
    }

    @Test
    void sinceTheLastLookCountsOnlyTheAnswersSinceWhileTheLaunchKeepsThemAll() {
        // given: slow answers, looked at, then fast ones
        CallLatency latency = new CallLatency();
        IntStream.range(0, 10).forEach((i) -> latency.record(TimeUnit.MILLISECONDS.toNanos(900)));
        assertThat(latency.sinceLastLook().count()).isEqualTo(10);
        IntStream.range(0, 30).forEach((i) -> latency.record(TimeUnit.MILLISECONDS.toNanos(50)));

        // when
        CallLatency.Percentiles recent = latency.sinceLastLook();
        CallLatency.Percentiles launch = latency.launch();

        // then
        assertThat(recent.count()).isEqualTo(30);
        assertThat(recent.p95Ms()).isCloseTo(50, within(1.0));
        assertThat(launch.count()).isEqualTo(40);
        assertThat(launch.p95Ms()).isCloseTo(900, within(10.0));
        assertThat(latency.sinceLastLook().count()).isZero();
    }

    @Test
    void knowsNothingBeforeTheFirstAnswer() {
        CallLatency.Percentiles none = new CallLatency().launch();
        assertThat(none.count()).isZero();
        assertThat(none.p50Ms()).isNull();
        assertThat(none.p95Ms()).isNull();
    }

}
