package io.snapshotbatch.snapshot;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many calls may be under way: enough for the pace despite latency (two seconds' worth of --rate), at
 * least one per partition, at most what the partitions' chunks hold unless --max-in-flight asks for more: then
 * chunks grow to hold them, so restart stays per chunk.
 */
class InFlightSizingTests {

    @Test
    void byDefaultTwoSecondsWorthOfTheRateAtLeastOnePerPartitionAtMostWhatThePartitionsChunksHold() {
        assertThat(settings(20, 4, 0).inFlightCap()).isEqualTo(40);
        assertThat(settings(10, 4, 0).inFlightCap()).isEqualTo(20);
        assertThat(settings(1, 4, 0).inFlightCap()).as("the default --rate: one call per partition, as before").isEqualTo(4);
        assertThat(settings(0.05, 1, 0).inFlightCap()).isEqualTo(1);
        assertThat(settings(2.5, 1, 0).inFlightCap()).isEqualTo(5);
        assertThat(settings(100, 4, 0).inFlightCap()).as("4 partitions x chunks of 10").isEqualTo(40);
        assertThat(settings(10_000, 64, 0).inFlightCap()).isEqualTo(256);
    }

    @Test
    void maxInFlightOverridesTheDefault() {
        assertThat(settings(20, 4, 6).inFlightCap()).isEqualTo(6);
        assertThat(settings(1, 4, 500).inFlightCap()).isEqualTo(500);
    }

    @Test
    void chunksGrowOnlyWhenThePartitionsChunksCouldNotHoldTheCallsUnderWay() {
        // the default chunk of 10 rows holds 40 calls in 4 partitions
        assertThat(settings(20, 4, 0).effectiveChunkSize()).isEqualTo(10);
        assertThat(settings(1, 4, 0).effectiveChunkSize()).isEqualTo(10);
        // 100 calls in 4 partitions need 25 rows per chunk; 101 need 26
        assertThat(settings(20, 4, 100).effectiveChunkSize()).isEqualTo(25);
        assertThat(settings(20, 4, 101).effectiveChunkSize()).isEqualTo(26);
    }

    @Test
    void chunksHoldAQuarterSecondAtTheRateCeilingBetweenTenAndFiftyRows() {
        // at a real quota's rates a chunk stays at 10 rows, so a kill re-sends at most 40 rows in 4 partitions
        assertThat(settings(1, 4, 0).effectiveChunkSize()).isEqualTo(10);
        assertThat(settings(160, 4, 0).effectiveChunkSize()).isEqualTo(10);
        // 200 calls/s in 4 partitions: 12.5 rows per quarter second and partition
        assertThat(settings(200, 4, 0).effectiveChunkSize()).isEqualTo(13);
        assertThat(settings(800, 4, 0).effectiveChunkSize()).isEqualTo(50);
        assertThat(settings(100_000, 8, 0).effectiveChunkSize()).as("at most 50 rows for the rate").isEqualTo(50);
        // a larger --max-in-flight still grows them past that
        assertThat(settings(100_000, 4, 400).effectiveChunkSize()).isEqualTo(100);
    }

    private static SnapshotSettings settings(double rate, int partitions, int maxInFlight) {
        return new SnapshotSettings(rate, partitions, 0, "", "", Path.of("reports"), 10, 6, 10, Duration.ofSeconds(30), 0,
                0, Duration.ofMinutes(5), 10, 5, maxInFlight, false, 5);
    }

}
