package io.snapshotbatch.metrics;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the Pushgateway listens: {@code HOST:PORT}, as given to {@code --metrics-push} or
 * {@code SNAPSHOT_METRICS_PUSH}. Parsed before anything is sent, so a typo is a usage error, not a
 * night of silently lost metrics.
 */
public record PushAddress(String host, int port) {

    /**
     * @throws IllegalArgumentException with a message for the operator when {@code value} is not HOST:PORT
     */
    public static PushAddress parse(String value) {
        String trimmed = (value != null) ? value.trim() : "";
        String problem = "must be HOST:PORT, e.g. pushgateway.internal:9091, got '" + value + "'";
        if (trimmed.contains("://")) {
            throw new IllegalArgumentException(problem + " (no scheme: the push uses http)");
        }
        URI uri;
        try {
            uri = new URI("http://" + trimmed);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException(problem);
        }
        boolean onlyHostAndPort = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535 || !onlyHostAndPort) {
            throw new IllegalArgumentException(problem);
        }
        return new PushAddress(uri.getHost(), uri.getPort());
    }

    @Override
    public String toString() {
        return (this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host) + ":" + this.port;
    }

}
