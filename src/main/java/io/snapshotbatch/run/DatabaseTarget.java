package io.snapshotbatch.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger database as given on the command line. {@link #toString()} never shows the password,
 * neither the {@code --db-password} nor one written inside the URL ({@code password=...}).
 */
public record DatabaseTarget(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/snapshot-batch;AUTO_SERVER=TRUE";

    /** {@code password=} / {@code pwd=} in a query string or H2 setting, and {@code //user:secret@host}. */
    private static final Pattern URL_SECRET = Pattern.compile("(?i)(\\b(?:password|pwd)\\s*=\\s*)([^&;]*)|(//[^/@:]*:)([^@/]*)(@)");

    /** Shorter secrets are not scrubbed from free text: replacing every "ab" would garble the message, not hide much. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    public boolean isPostgres() {
        return this.url.startsWith("jdbc:postgresql:");
    }

    /**
     * The ledger runs on PostgreSQL or H2 only; anything else (a typo, another vendor) is a configuration
     * error found before a connection is attempted.
     * @throws IllegalArgumentException (exit 2) with one line saying what is accepted
     */
    public DatabaseTarget checkSupported() {
        if (!isPostgres() && !this.url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("--db must be a PostgreSQL (jdbc:postgresql://HOST:PORT/DATABASE) or H2 "
                    + "(jdbc:h2:file:PATH) JDBC URL, got " + redactedUrl());
        }
        if (this.url.startsWith("jdbc:h2:mem:")) {
            // The ledger is what lets the same command continue a night: it must outlive the process.
            throw new IllegalArgumentException("--db " + redactedUrl() + " is an in-memory database, gone when the "
                    + "process ends, so a stopped run could not be continued; use a file (jdbc:h2:file:PATH) or PostgreSQL");
        }
        return this;
    }

    /** The file of an embedded H2 database ({@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH}), if this is one. */
    public Path h2File() {
        if (!this.url.startsWith("jdbc:h2:") || this.url.startsWith("jdbc:h2:mem:") || this.url.startsWith("jdbc:h2:tcp:")
                || this.url.startsWith("jdbc:h2:ssl:") || this.url.startsWith("jdbc:h2:zip:")) {
            return null;
        }
        String path = this.url.substring("jdbc:h2:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int options = path.indexOf(';');
        path = (options >= 0) ? path.substring(0, options) : path;
        if (path.startsWith("~")) {
            // H2 expands ~ to the user's home directory; so must the lock files next to it.
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    /** The data file of an embedded H2 database ({@code PATH.mv.db}), absolute, if this is one. */
    public Path h2DataFile() {
        Path file = h2File();
        return (file != null) ? Path.of(file.toAbsolutePath().normalize() + ".mv.db") : null;
    }

    /**
     * Whether there is a ledger to read: false only for an embedded H2 database whose file does not exist,
     * which a read-only command must not create (it would report on an empty database it just made).
     */
    public boolean exists() {
        Path data = h2DataFile();
        return data == null || Files.isRegularFile(data);
    }

    /**
     * The URL to connect with: as given, but an embedded H2 file writes each commit to disk at once
     * ({@code WRITE_DELAY=0}) unless the URL says otherwise. By default H2 waits up to 500 ms, and a kill -9 lost
     * the chunks committed meanwhile: their rows were sent again (as replays, with their tokens), up to half a
     * second of calls beyond the open chunks the README promises, and the budget's count of calls with them.
     */
    public String connectionUrl() {
        if (h2File() != null && !this.url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            return this.url + ";WRITE_DELAY=0";
        }
        return this.url;
    }

    /** Spring properties that point the context at this database. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", connectionUrl());
        if (this.user != null) {
            properties.put("spring.datasource.username", this.user);
        }
        if (this.password != null) {
            properties.put("spring.datasource.password", this.password);
        }
        if (this.url.startsWith("jdbc:postgresql:")) {
            // Staging inserts rows 1,000 per batch: the driver then sends them as a few multi-row INSERTs instead
            // of 1,000 statements (a million rows staged in less than half the time). H2 would refuse the property.
            properties.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        return properties;
    }

    /** The URL with any password in it replaced by {@code ***}. */
    public String redactedUrl() {
        Matcher matcher = URL_SECRET.matcher(this.url);
        StringBuilder redacted = new StringBuilder();
        while (matcher.find()) {
            String replacement = (matcher.group(1) != null) ? matcher.group(1) + "***" : matcher.group(3) + "***" + matcher.group(5);
            matcher.appendReplacement(redacted, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(redacted);
        return redacted.toString();
    }

    /** The secrets of this target: the password and any password written inside the URL. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        if (this.password != null && !this.password.isEmpty()) {
            secrets.add(this.password);
        }
        Matcher matcher = URL_SECRET.matcher(this.url);
        while (matcher.find()) {
            String secret = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(4);
            if (!secret.isEmpty()) {
                secrets.add(secret);
            }
        }
        return secrets;
    }

    /** Removes this target's secrets from a message (an exception may quote the URL it was given). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text.replace(this.url, redactedUrl());
        for (String secret : secrets()) {
            if (secret.length() >= MIN_SCRUBBED_LENGTH) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted;
    }

    /** For messages: the redacted URL, the user, and for an embedded H2 database the file it is in. */
    public String describe() {
        Path data = h2DataFile();
        return toString() + ((data != null) ? " (file " + data + ")" : "");
    }

    @Override
    public String toString() {
        return redactedUrl() + ((this.user != null) ? " as " + this.user : "");
    }

}
