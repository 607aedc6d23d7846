package io.snapshotbatch.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger database as given on the command line. {@link #toString()} never shows the password.
 */
public record DatabaseTarget(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/snapshot-batch;AUTO_SERVER=TRUE";

    public boolean isPostgres() {
        return this.url.startsWith("jdbc:postgresql:");
    }

    /** The file of an embedded H2 database ({@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH}), if this is one. */
    public Path h2File() {
        if (!this.url.startsWith("jdbc:h2:") || this.url.startsWith("jdbc:h2:mem:") || this.url.startsWith("jdbc:h2:tcp:")
                || this.url.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String path = this.url.substring("jdbc:h2:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int options = path.indexOf(';');
        return Path.of((options >= 0) ? path.substring(0, options) : path);
    }

    /** Spring properties that point the context at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", this.url);
        if (this.user != null) {
            properties.put("spring.datasource.username", this.user);
        }
        if (this.password != null) {
            properties.put("spring.datasource.password", this.password);
        }
        return properties;
    }

    @Override
    public String toString() {
        return this.url + ((this.user != null) ? " as " + this.user : "");
    }

}
