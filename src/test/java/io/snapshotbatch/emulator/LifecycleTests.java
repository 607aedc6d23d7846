package io.snapshotbatch.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LifecycleTests {

    @Test
    void portZeroPicksAFreePortOnTheLoopbackAddress() throws IOException {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings())) {
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.endpoint()).hasToString("http://127.0.0.1:" + emulator.port());
        }
    }

    @Test
    void isNotReachableOnOtherInterfaces() throws IOException {
        // given a non-loopback address of this machine
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "no non-loopback IPv4 address on this machine");

        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings())) {
            // when / then
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), emulator.port()), 1000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aPortInUseFailsToStart() throws IOException {
        try (PartnerCentralEmulator first = PartnerCentralEmulator.start(EmulatorClients.testSettings())) {
            assertThatThrownBy(() -> PartnerCentralEmulator.start(EmulatorClients.testSettings()
                    .withPort(first.port()))).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closeIsPromptEvenWithDelayedCallsInFlightAndReleasesAwaitTermination() throws Exception {
        // given a call that would be answered only after 10 s, and a thread waiting for termination
        PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings().withFaultRate(1),
                EmulatorTuning.defaults().withFaultKinds(Set.of(FaultKind.SLOW_REPLY))
                        .withSlowReply(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
            try {
                emulator.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PartnerCentralSellingClient client = EmulatorClients.noRetryClient(emulator);
        CompletableFuture<?> inFlight = CompletableFuture.runAsync(
                () -> client.createResourceSnapshot(validCreate().build()));
        Thread.sleep(200);

        // when
        long started = System.nanoTime();
        emulator.close();
        long closeMillis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(closeMillis).isLessThan(2000);
        waiter.get(2, TimeUnit.SECONDS);
        assertThat(emulator.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(inFlight).failsWithin(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new Socket("127.0.0.1", emulator.port()).close())
                .isInstanceOf(ConnectException.class);
        emulator.close(); // idempotent
        client.close();
    }
}
