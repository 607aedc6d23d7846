package io.snapshotbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * How calls are sent: {@code --rate}, {@code --partitions}, {@code --daily-budget}, {@code --quota-24h},
 * {@code --profile}, {@code --endpoint}.
 */
public class SendOptions {

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1",
            description = "The most CreateResourceSnapshot calls per second, across all partitions: a ceiling, "
                    + "the job adapts its pace below it to the service's throttling (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Parallel partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "The most CreateResourceSnapshot calls under way at once, across all partitions "
                    + "(default: two seconds' worth of --rate, at least --partitions, at most 10 per partition); "
                    + "above 10 per partition, each partition's chunks grow to hold them")
    Integer maxInFlight;

    @Option(names = "--daily-budget", paramLabel = "N",
            description = "Most CreateResourceSnapshot calls this run may spend; when spent the run stops (exit 4)")
    Long dailyBudget;

    @Option(names = "--quota-24h", paramLabel = "N",
            description = "The account's rolling 24-hour CreateResourceSnapshot quota: every call this database recorded "
                    + "in the last 24 hours counts, whatever run or command made it; the run stops (exit 4) before exceeding it")
    Long quota24h;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS named profile (default: the default credentials chain)")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL|emulator",
            description = "Service endpoint (default: the us-east-1 endpoint); 'emulator' starts the built-in emulator")
    String endpoint;

    void validate() {
        if (!(this.rate > 0) || Double.isInfinite(this.rate)) {
            throw new UsageException("--rate must be a number greater than 0, got " + this.rate);
        }
        if (this.partitions < 1 || this.partitions > 64) {
            throw new UsageException("--partitions must be between 1 and 64, got " + this.partitions);
        }
        if (this.maxInFlight != null && (this.maxInFlight < 1 || this.maxInFlight > 1024)) {
            throw new UsageException("--max-in-flight must be between 1 and 1024, got " + this.maxInFlight);
        }
        if (this.dailyBudget != null && this.dailyBudget < 1) {
            throw new UsageException("--daily-budget must be at least 1, got " + this.dailyBudget);
        }
        if (this.quota24h != null && this.quota24h < 1) {
            throw new UsageException("--quota-24h must be at least 1, got " + this.quota24h);
        }
        if (this.endpoint != null && !this.endpoint.equalsIgnoreCase("emulator")
                && !this.endpoint.matches("https?://.+")) {
            throw new UsageException("--endpoint must be an http(s) URL or 'emulator', got " + this.endpoint);
        }
    }

    Map<String, Object> springProperties() {
        validate();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("snapshot.rate", this.rate);
        properties.put("snapshot.partitions", this.partitions);
        properties.put("snapshot.max-in-flight", (this.maxInFlight != null) ? this.maxInFlight : 0);
        properties.put("snapshot.daily-budget", (this.dailyBudget != null) ? this.dailyBudget : 0);
        properties.put("snapshot.quota24h", (this.quota24h != null) ? this.quota24h : 0);
        properties.put("snapshot.profile", (this.profile != null) ? this.profile : "");
        properties.put("snapshot.endpoint", (this.endpoint != null) ? this.endpoint : "");
        // Each partition holds a connection for its chunk's transaction, API calls included; the rest
        // is for the job repository, staging and the report.
        properties.put("spring.datasource.hikari.maximum-pool-size", this.partitions + 8);
        return properties;
    }

}
