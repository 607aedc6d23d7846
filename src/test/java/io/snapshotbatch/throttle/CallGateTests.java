package io.snapshotbatch.throttle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallGateTests {

    @Test
    void throttlingIsRecognisedInBothStatusProfiles() {
        assertThat(CallGate.isThrottle(429, "")).isTrue();
        assertThat(CallGate.isThrottle(400, "ThrottlingException:http://internal.amazon.com/coral/")).isTrue();
        assertThat(CallGate.isThrottle(400, "throttlingexception")).isTrue();
        assertThat(CallGate.isThrottle(400, "ValidationException")).isFalse();
        assertThat(CallGate.isThrottle(500, "InternalServerException")).isFalse();
        assertThat(CallGate.isThrottle(200, "")).isFalse();
    }

    @Test
    void theQuotaSpentReasonSaysWhatHappenedAndWhatToDo() {
        // given
        PaceSettings settings = PaceSettings.of(20).withQuotaSpentAfter(Duration.ofMinutes(5));

        // when
        String reason = CallGate.quotaSpentReason(settings);

        // then
        assertThat(reason).contains("daily quota looks spent").contains("5m").contains("0.1 calls/s")
            .contains("same command resumes");
    }

}
