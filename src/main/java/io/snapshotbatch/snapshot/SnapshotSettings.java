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
 * @param quota24h the account's rolling 24-hour quota of CreateResourceSnapshot calls ({@code --quota-24h}), 0 for none
 * @param paceFloor the lowest pace in calls per second (0: the default, 0.1 or the ceiling if lower)
 * @param quotaSpentAfter how long the service may refuse every call at the lowest pace before the run stops
 * @param stopAfterDenied consecutive AccessDeniedExceptions, with no call of the launch accepted, after
 * which the run stops (access denied to every call) instead of failing every row
 * @param maxPasses how many times a partition goes through its PENDING rows in one launch (rows throttled
 * out or with an unknown outcome are tried again in a later pass)
 * @param maxInFlight the most CreateResourceSnapshot calls under way at once across all partitions
 * ({@code --max-in-flight}), 0 for the default: see {@link #inFlightCap()}
 * @param skipUnchanged {@code --skip-unchanged}: read whether each row changed before creating it
 * @param readRate {@code --read-rate}: read calls per second, paced apart from writes
 */
@ConfigurationProperties("snapshot")
public record SnapshotSettings(@DefaultValue("1") double rate, @DefaultValue("4") int partitions,
        @DefaultValue("0") long dailyBudget, @DefaultValue("") String endpoint, @DefaultValue("") String profile,
        @DefaultValue("reports") Path reportDir, @DefaultValue("10") int chunkSize, @DefaultValue("6") int maxAttempts,
        @DefaultValue("10") int stopAfterUnreachable, @DefaultValue("30s") Duration progressInterval,
        @DefaultValue("0") long quota24h, @DefaultValue("0") double paceFloor, @DefaultValue("5m") Duration quotaSpentAfter,
        @DefaultValue("10") int stopAfterDenied, @DefaultValue("5") int maxPasses, @DefaultValue("0") int maxInFlight,
        @DefaultValue("false") boolean skipUnchanged, @DefaultValue("5") double readRate) {

    public static final String EMULATOR = "emulator";

    /**
     * The service latency the default {@link #inFlightCap()} hides at full {@code --rate}: a pace of R calls/s
     * with L seconds per answer needs R x L calls under way (Little's law), and Partner Central answers in a
     * few hundred milliseconds.
     */
    static final double LATENCY_ALLOWANCE_SECONDS = 2.0;

    /** The default cap never goes above this many calls (nor the HTTP connection pool, sized from it). */
    static final int DEFAULT_IN_FLIGHT_LIMIT = 256;

    /**
     * The most calls under way at once, waiting for their permit included: {@code --max-in-flight}, or by default
     * two seconds' worth of {@code --rate}, at least one per partition, at most what the partitions' chunks hold
     * ({@code partitions x chunkSize}, 40 by default: so a kill re-sends at most that many rows, as before) and 256.
     */
    public int inFlightCap() {
        if (this.maxInFlight > 0) {
            return this.maxInFlight;
        }
        long twoSecondsWorth = (long) Math.ceil(this.rate * LATENCY_ALLOWANCE_SECONDS);
        long chunksHold = (long) this.partitions * this.chunkSize;
        return (int) Math.max(this.partitions, Math.min(Math.min(DEFAULT_IN_FLIGHT_LIMIT, chunksHold), twoSecondsWorth));
    }

    /**
     * How many seconds of calls at the {@code --rate} ceiling the partitions' open chunks may hold: each chunk
     * costs a transaction and Spring Batch's bookkeeping (five statements), which at thousands of calls a second
     * cost more than the calls (docs/benchmarks.md, P3), while a kill re-sends the open chunks' rows (as replays,
     * with their tokens): a quarter of a second's worth at most.
     */
    static final double CHUNK_SECONDS = 0.25;

    /** Chunks grow with the rate up to this many rows (a larger {@code --max-in-flight} still grows them further). */
    static final int RATE_CHUNK_LIMIT = 50;

    /**
     * Rows per chunk: {@code chunkSize} (10), more at a high {@code --rate} (a quarter second's worth across the
     * partitions, at most 50), and more when {@code --max-in-flight} asks for more calls under way than the
     * partitions' chunks hold. A chunk's rows are sent concurrently and its transaction records them together, so
     * a kill re-sends at most the rows of the open chunks ({@code partitions x effectiveChunkSize}), with their
     * tokens.
     */
    public int effectiveChunkSize() {
        long forTheRate = Math.min(RATE_CHUNK_LIMIT, (long) Math.ceil(this.rate * CHUNK_SECONDS / this.partitions));
        long forTheCalls = (inFlightCap() + this.partitions - 1) / this.partitions;
        return (int) Math.max(this.chunkSize, Math.max(forTheRate, forTheCalls));
    }

    public boolean usesEmulator() {
        return EMULATOR.equalsIgnoreCase(this.endpoint);
    }

}
