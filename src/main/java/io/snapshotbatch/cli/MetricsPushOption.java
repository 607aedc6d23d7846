package io.snapshotbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import io.snapshotbatch.metrics.PushAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --metrics-push HOST:PORT} (or SNAPSHOT_METRICS_PUSH): push metrics to a Prometheus Pushgateway. */
public class MetricsPushOption {

    static final String ENVIRONMENT = "SNAPSHOT_METRICS_PUSH";

    @Option(names = "--metrics-push", paramLabel = "HOST:PORT",
            description = "Push metrics to this Prometheus Pushgateway during the run and when it ends "
                    + "(default: $SNAPSHOT_METRICS_PUSH, else no push)")
    String address;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The address given, checked (exit 2 when malformed, before anything is sent), or {@code null} for no push. */
    PushAddress address() {
        String value = DatabaseOptions.firstNonBlank(this.address, System.getenv(ENVIRONMENT));
        if (value == null) {
            return null;
        }
        try {
            return PushAddress.parse(value);
        }
        catch (IllegalArgumentException ex) {
            String source = (this.address != null && !this.address.isBlank()) ? "--metrics-push" : ENVIRONMENT;
            throw new UsageException(source + " " + ex.getMessage());
        }
    }

    Map<String, Object> springProperties() {
        PushAddress address = address();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("snapshot.metrics.push", (address != null) ? address.toString() : "");
        properties.put("snapshot.metrics.command", this.command.name());
        return properties;
    }

}
