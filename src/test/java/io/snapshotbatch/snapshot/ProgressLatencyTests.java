package io.snapshotbatch.snapshot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapshotbatch.throttle.CallLatency;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress line says how many calls are under way, the service's latency, and when latency holds the pace back. */
class ProgressLatencyTests {

    private final CallLatency latency = new CallLatency();

    private final CallsInFlight inFlight = new CallsInFlight(4);

    private final ProgressReporter progress = new ProgressReporter(new SimpleMeterRegistry(), null, Duration.ofSeconds(30),
            () -> 20, this.latency, this.inFlight);

    @Test
    void whenTheCallsMadeFallShortOfThePaceItSaysLatencyHoldsItBackAndHowManyCallsThePaceNeeds() {
        // given: four calls under way (the cap), answers in 400 ms: at most 10 calls/s where the pace is 20
        IntStream.range(0, 4).forEach((i) -> this.inFlight.started());
        IntStream.range(0, 40).forEach((i) -> this.latency.record(TimeUnit.MILLISECONDS.toNanos(400)));

        // when
        String line = this.progress.inFlight(9.8, 20, 500);

        // then: 20 calls/s x 0.4 s x 1.25 = 10 calls under way
        assertThat(line).isEqualTo("4 calls in flight (at most 4), service latency p50 400 ms, p95 400 ms - held back by "
                + "latency, not by the pace: this pace needs about 10 calls under way (--max-in-flight, now 4)");
    }

    @Test
    void withSkipUnchangedFewerCallsThanThePaceAreBlamedOnTheReadsNotOnTheCallsInFlight() {
        // given: --skip-unchanged, answers in 400 ms, calls well short of the pace
        this.progress.withReadsFirst(true);
        IntStream.range(0, 40).forEach((i) -> this.latency.record(TimeUnit.MILLISECONDS.toNanos(400)));

        // when
        String line = this.progress.inFlight(2, 20, 500);

        // then: no advice to raise --max-in-flight, which would not help
        assertThat(line).endsWith("- fewer calls than the pace: with --skip-unchanged each row is read first "
                + "(--read-rate) and UNCHANGED rows need no call").doesNotContain("--max-in-flight");
    }

    @Test
    void whenThePaceIsMetItOnlyReportsTheCallsUnderWayAndTheLatency() {
        // given
        this.inFlight.started();
        IntStream.range(0, 40).forEach((i) -> this.latency.record(TimeUnit.MILLISECONDS.toNanos(50)));

        // when
        String line = this.progress.inFlight(19.9, 20, 500);

        // then
        assertThat(line).isEqualTo("1 calls in flight (at most 4), service latency p50 50 ms, p95 50 ms");
    }

    @Test
    void beforeAnyAnswerTheLatencyIsUnknownAndNothingIsBlamed() {
        assertThat(this.progress.inFlight(0, 20, 500))
            .isEqualTo("0 calls in flight (at most 4), service latency unknown (no answer yet)");
    }

}
