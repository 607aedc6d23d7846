package io.snapshotbatch.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code --metrics-push HOST:PORT}: what is taken, and what is refused before anything is sent. */
class PushAddressTests {

    @ParameterizedTest
    @ValueSource(strings = { "pushgateway.internal:9091", "127.0.0.1:9091", "[::1]:9091", " gw:1 " })
    void hostAndPortAreTaken(String value) {
        // when
        PushAddress address = PushAddress.parse(value);

        // then
        assertThat(address.port()).isBetween(1, 9091);
        assertThat(PushAddress.parse(address.toString())).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "pushgateway", "pushgateway:", ":9091", "gw:0", "gw:65536", "gw:port", "http://gw:9091",
            "gw:9091/metrics", "user@gw:9091", "gw:9091?x=1", "g w:9091" })
    void anythingElseIsRefusedWithTheFormToUse(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> PushAddress.parse(value))
            .withMessageContaining("must be HOST:PORT, e.g. pushgateway.internal:9091, got '" + value + "'");
    }

}
