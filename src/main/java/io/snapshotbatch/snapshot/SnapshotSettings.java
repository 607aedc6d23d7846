package io.snapshotbatch.snapshot;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a run sends its calls; set by the command line ({@code --rate}, {@code --partitions}, ...).
 *
 * @param rate CreateResourceSnapshot calls per second across all partitions
 * @param partitions parallel partitions
 * @param dailyBudget most calls the run may spend, 0 for no limit
 * @param endpoint the service URL, {@code emulator} for the built-in one, empty for the real service
 * @param profile AWS named profile, empty for the default credentials chain
 * @param reportDir where reports go
 * @param chunkSize rows per transaction in a partition (at most this many are re-sent after a kill)
 * @param maxAttempts HTTP attempts per call, SDK retries included
 * @param stopAfterUnreachable consecutive calls with unknown outcome (timeouts, connection errors,
 * 5xx) after which the run stops instead of failing every remaining row
 * @param progressInterval how often a running job logs its progress
 */
@ConfigurationProperties("snapshot")
public record SnapshotSettings(@DefaultValue("1") double rate, @DefaultValue("4") int partitions,
        @DefaultValue("0") long dailyBudget, @DefaultValue("") String endpoint, @DefaultValue("") String profile,
        @DefaultValue("reports") Path reportDir, @DefaultValue("10") int chunkSize, @DefaultValue("6") int maxAttempts,
        @DefaultValue("10") int stopAfterUnreachable, @DefaultValue("30s") Duration progressInterval) {

    public static final String EMULATOR = "emulator";

    public boolean usesEmulator() {
        return EMULATOR.equalsIgnoreCase(this.endpoint);
    }

}
