package io.snapshotbatch.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.CreateResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each fault kind as the SDK sees it, and whether the SDK's retry classification retries it. A fault is drawn
 * before any state change, so a faulted create never creates anything.
 */
class FaultInjectionTests {

    private static final String CREATE = "CreateResourceSnapshot";

    private PartnerCentralEmulator emulator;
    private PartnerCentralSellingClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        emulator.close();
    }

    @Test
    void throttleFaultIsAThrottlingExceptionThatCreatesNothing() throws IOException {
        // given every call faulted with a throttle
        start(FaultKind.THROTTLE);
        client = EmulatorClients.noRetryClient(emulator);

        // when / then
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(emulator.stats().calls(CREATE, "ThrottlingException")).isEqualTo(1);
        assertThat(emulator.stats().faultsInjected(FaultKind.THROTTLE)).isEqualTo(1);
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }

    @Test
    void internalErrorFaultIsA500InternalServerException() throws IOException {
        // given
        start(FaultKind.INTERNAL_ERROR);
        client = EmulatorClients.noRetryClient(emulator);

        // when / then
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(emulator.stats().calls(CREATE, "InternalServerException")).isEqualTo(1);
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }

    @Test
    void droppedConnectionIsAnSdkClientExceptionWithoutAnyHttpAnswer() throws IOException {
        // given
        start(FaultKind.DROP_CONNECTION);
        client = EmulatorClients.noRetryClient(emulator);

        // when / then: the client gets no status at all, only an I/O failure
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class)
                .rootCause().hasMessageContaining("failed to respond");
        assertThat(emulator.stats().calls(CREATE, "DroppedConnection")).isEqualTo(1);
        assertThat(emulator.stats().faultsInjected(FaultKind.DROP_CONNECTION)).isEqualTo(1);
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }

    @Test
    void slowReplySucceedsAfterTheDelay() throws IOException {
        // given every call answered after 300 ms
        start(FaultKind.SLOW_REPLY);
        client = EmulatorClients.noRetryClient(emulator);

        // when
        long started = System.nanoTime();
        var response = client.createResourceSnapshot(validCreate().build());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(response.revision()).isEqualTo(1);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(emulator.stats().calls(CREATE, "Success")).isEqualTo(1);
        assertThat(emulator.stats().faultsInjected(FaultKind.SLOW_REPLY)).isEqualTo(1);
    }

    @Test
    void slowReplyBeyondTheAttemptTimeoutIsRetriedAndTheSameTokenCreatesOneRevision() throws Exception {
        // given every call answered after 300 ms, and a client that gives each attempt 100 ms, 3 attempts
        start(FaultKind.SLOW_REPLY);
        client = EmulatorClients.builder(emulator).overrideConfiguration(o -> o
                .apiCallAttemptTimeout(Duration.ofMillis(100))
                .retryStrategy(fastRetries(3))).build();

        // when
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOf(ApiCallAttemptTimeoutException.class);
        // the server still completes the abandoned attempts, 300 ms after each arrived
        Eventually.await(Duration.ofSeconds(10), () -> emulator.stats().totalCalls(CREATE) == 3);

        // then: 3 attempts reached the emulator, one revision exists, the others were replays
        assertThat(emulator.stats().totalCalls(CREATE)).isEqualTo(3);
        assertThat(emulator.stats().calls(CREATE, "Success")).isEqualTo(1);
        assertThat(emulator.stats().calls(CREATE, "Replay")).isEqualTo(2);
        assertThat(emulator.stats().revisionsByKey()).containsOnlyKeys(
                "Sandbox|eng-eyl04g6b3yz2t6|Opportunity|O4974569|OpportunitySummaryView").containsValue(1);
    }

    @Test
    void theSdkRetriesThrottles500sAndDroppedConnections() throws IOException {
        // given all three failure faults, every call faulted, a client with the SDK's standard classification
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings().withFaultRate(1.0),
                EmulatorTuning.defaults().withFaultKinds(
                        EnumSet.of(FaultKind.THROTTLE, FaultKind.INTERNAL_ERROR, FaultKind.DROP_CONNECTION)));
        client = EmulatorClients.builder(emulator).overrideConfiguration(o -> o.retryStrategy(fastRetries(30)))
                .build();

        // when
        CreateResourceSnapshotRequest request = validCreate().build();
        assertThatThrownBy(() -> client.createResourceSnapshot(request)).isInstanceOf(SdkException.class)
                .hasMessageContaining("SDK Attempt Count: 30");

        // then every attempt was made: none of the three is final for the SDK
        assertThat(emulator.stats().totalCalls(CREATE)).isEqualTo(30);
        assertThat(emulator.stats().faultsInjected(FaultKind.THROTTLE)).isPositive();
        assertThat(emulator.stats().faultsInjected(FaultKind.INTERNAL_ERROR)).isPositive();
        assertThat(emulator.stats().faultsInjected(FaultKind.DROP_CONNECTION)).isPositive();
        assertThat(emulator.stats().revisionsByKey()).isEmpty();
    }

    @Test
    void theDefaultSdkClientRetriesADroppedConnection() throws IOException {
        // given every call dropped and the SDK's default retry strategy (legacy: 4 attempts)
        start(FaultKind.DROP_CONNECTION);
        client = EmulatorClients.client(emulator);

        // when / then
        assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                .isInstanceOf(SdkClientException.class);
        assertThat(emulator.stats().calls(CREATE, "DroppedConnection")).isGreaterThan(1);
    }

    @Test
    void aPartialFaultRateFaultsAboutThatShareAndTheRestSucceeds() throws IOException {
        // given 30 % of calls faulted (no drops, to keep the test quick)
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings().withFaultRate(0.3),
                EmulatorTuning.defaults().withFaultKinds(EnumSet.of(FaultKind.THROTTLE, FaultKind.INTERNAL_ERROR)));
        client = EmulatorClients.noRetryClient(emulator);

        // when
        int succeeded = 0;
        for (int i = 0; i < 200; i++) {
            try {
                client.createResourceSnapshot(validCreate().build());
                succeeded++;
            } catch (ThrottlingException | InternalServerException expected) {
                // counted by the emulator
            }
        }

        // then
        assertThat(succeeded).isBetween(110, 170);
        assertThat(emulator.stats().calls(CREATE, "Success")).isEqualTo(succeeded);
        assertThat(emulator.stats().revisionsByKey()).containsValue(succeeded);
    }

    private void start(FaultKind kind) throws IOException {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings().withFaultRate(1.0),
                EmulatorTuning.defaults().withFaultKinds(Set.of(kind))
                        .withSlowReply(Duration.ofMillis(300), Duration.ofMillis(300)));
    }

    /** The SDK's standard retry classification, without back-off so the test stays fast. */
    private static software.amazon.awssdk.retries.api.RetryStrategy fastRetries(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .build();
    }
}
