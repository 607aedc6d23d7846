package io.snapshotbatch.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Set by the command line ({@code --metrics-push}).
 *
 * @param push the Pushgateway's HOST:PORT, empty for no push
 * @param command the command that pushes (its grouping key, so {@code verify} does not overwrite {@code run})
 * @param pushInterval how often a long command pushes while it runs (env {@code SNAPSHOT_METRICS_PUSH_INTERVAL})
 */
@ConfigurationProperties("snapshot.metrics")
public record MetricsSettings(@DefaultValue("") String push, @DefaultValue("run") String command,
        @DefaultValue("30s") Duration pushInterval) {

    public boolean pushes() {
        return !this.push.isBlank();
    }

}
