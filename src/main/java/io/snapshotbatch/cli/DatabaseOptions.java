package io.snapshotbatch.cli;

import io.snapshotbatch.run.DatabaseTarget;
import picocli.CommandLine.Option;

/** {@code --db}, {@code --db-user}, {@code --db-password} (or SNAPSHOT_DB_USER / SNAPSHOT_DB_PASSWORD). */
public class DatabaseOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = DatabaseTarget.DEFAULT_URL,
            description = "Ledger database (default: embedded H2 file ./data/snapshot-batch), "
                    + "e.g. jdbc:postgresql://127.0.0.1:5432/snapshots")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $SNAPSHOT_DB_USER)")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password (default: $SNAPSHOT_DB_PASSWORD); prefer the variable, "
                    + "a password on the command line is visible to other users of the machine")
    String password;

    /** The database, once known to be one the ledger can live in (exit 2 otherwise). */
    public DatabaseTarget target() {
        return Secrets.register(new DatabaseTarget(this.url, firstNonBlank(this.user, System.getenv("SNAPSHOT_DB_USER")),
                firstNonBlank(this.password, System.getenv("SNAPSHOT_DB_PASSWORD")))).checkSupported();
    }

    static String firstNonBlank(String value, String fallback) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        return (fallback != null && !fallback.isBlank()) ? fallback : null;
    }

}
