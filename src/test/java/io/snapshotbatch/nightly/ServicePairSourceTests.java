package io.snapshotbatch.nightly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.emulator.EmulatorSettings;
import io.snapshotbatch.emulator.PartnerCentralEmulator;
import io.snapshotbatch.input.InputException;
import io.snapshotbatch.input.PairRecord;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --from-service's listing through the real SDK against the emulator: more associations than a page holds. */
class ServicePairSourceTests {

    private static final String OURS = "111122223333";

    private static final String THEIRS = "210987654321";

    private PartnerCentralEmulator emulator;

    private PartnerCentralSellingClient reads;

    private ReadGate gate;

    @BeforeEach
    void start() throws Exception {
        this.emulator = PartnerCentralEmulator.start(EmulatorSettings.defaults().withPort(0));
        this.gate = new ReadGate(1000, () -> false);
        this.reads = PartnerCentralSellingClient.builder()
            .endpointOverride(this.emulator.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
            .overrideConfiguration((o) -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(this.gate))
            .build();
    }

    @AfterEach
    void stop() {
        this.reads.close();
        this.emulator.close();
    }

    @Test
    void listsOnlyTheCallersAssociationsInTheServicesOrderAcrossPagesOfAThousand() {
        // given 2,500 associations in the Sandbox catalog, every fifth another account's, and one in AWS
        for (int n = 1; n <= 2500; n++) {
            this.emulator.associate("Sandbox", "eng-%014d".formatted(n), "O" + n, (n % 5 == 0) ? THEIRS : OURS);
        }
        this.emulator.associate("AWS", "eng-%014d".formatted(1), "O1", OURS);
        AtomicInteger stsCalls = new AtomicInteger();
        ServicePairSource source = new ServicePairSource(this.reads, "Sandbox", null, () -> {
            stsCalls.incrementAndGet();
            return OURS;
        });

        // when
        List<PairRecord> records = new ArrayList<>();
        source.read(records::add);

        // then 2,000 rows numbered by position, in the listing's order, from two pages
        assertThat(records).hasSize(2000);
        assertThat(records.get(0)).isEqualTo(new PairRecord(1, "Sandbox", "eng-00000000000001", "Opportunity", "O1", null));
        assertThat(records.get(3)).isEqualTo(new PairRecord(4, "Sandbox", "eng-00000000000004", "Opportunity", "O4", null));
        assertThat(records.get(4).resourceId()).isEqualTo("O6");
        assertThat(records.get(1999).line()).isEqualTo(2000);
        assertThat(records).noneMatch((r) -> Integer.parseInt(r.resourceId().substring(1)) % 5 == 0);
        assertThat(this.gate.total()).isEqualTo(2);
        assertThat(stsCalls).hasValue(1);
    }

    @Test
    void createdByGivenListsThatAccountWithoutAskingSts() {
        // given
        this.emulator.associate("Sandbox", "eng-%014d".formatted(1), "O1", OURS);
        this.emulator.associate("Sandbox", "eng-%014d".formatted(1), "O2", THEIRS);
        ServicePairSource source = new ServicePairSource(this.reads, "Sandbox", THEIRS, () -> {
            throw new AssertionError("STS must not be asked");
        });

        // when
        List<PairRecord> records = new ArrayList<>();
        source.read(records::add);

        // then
        assertThat(records).extracting(PairRecord::resourceId).containsExactly("O2");
        assertThat(source.describe()).contains("createdBy=" + THEIRS);
    }

    @Test
    void aListingTheServiceRefusesIsAnInputErrorNamingTheCatalog() {
        // given a catalog the service does not know
        ServicePairSource source = new ServicePairSource(this.reads, "Marketplace", OURS, () -> OURS);

        // when / then
        assertThatThrownBy(() -> source.read((r) -> {
        })).isInstanceOf(InputException.class)
            .hasMessageContaining("ListEngagementResourceAssociations failed for catalog Marketplace")
            .hasMessageContaining("ValidationException");
    }

}
