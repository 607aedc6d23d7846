package io.snapshotbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** How calls are sent: {@code --rate}, {@code --partitions}, {@code --daily-budget}, {@code --profile}, {@code --endpoint}. */
public class SendOptions {

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1",
            description = "CreateResourceSnapshot calls per second, across all partitions (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Parallel partitions (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--daily-budget", paramLabel = "N",
            description = "Most CreateResourceSnapshot calls this run may spend; when spent the run stops (exit 4)")
    Long dailyBudget;

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
        if (this.dailyBudget != null && this.dailyBudget < 1) {
            throw new UsageException("--daily-budget must be at least 1, got " + this.dailyBudget);
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
        properties.put("snapshot.daily-budget", (this.dailyBudget != null) ? this.dailyBudget : 0);
        properties.put("snapshot.profile", (this.profile != null) ? this.profile : "");
        properties.put("snapshot.endpoint", (this.endpoint != null) ? this.endpoint : "");
        // Each partition holds a connection for its chunk's transaction, API calls included; the rest
        // is for the job repository, staging and the report.
        properties.put("spring.datasource.hikari.maximum-pool-size", this.partitions + 8);
        return properties;
    }

}
