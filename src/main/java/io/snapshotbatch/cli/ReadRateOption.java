package io.snapshotbatch.cli;

import java.util.Map;

import picocli.CommandLine.Option;

/** {@code --read-rate}: read calls per second, paced apart from the writes' {@code --rate}. */
public class ReadRateOption {

    @Option(names = "--read-rate", paramLabel = "N", defaultValue = "5",
            description = "Read calls per second (GetOpportunity, ListOpportunities, GetResourceSnapshot, "
                    + "ListEngagementResourceAssociations), paced apart from writes (default: ${DEFAULT-VALUE}; "
                    + "AWS publishes 10/s and 100,000 per 24 hours for reads)")
    double readRate;

    Map<String, Object> springProperties() {
        if (!(this.readRate > 0) || Double.isInfinite(this.readRate)) {
            throw new UsageException("--read-rate must be a number greater than 0, got " + this.readRate);
        }
        return Map.of("snapshot.read-rate", this.readRate);
    }

}
