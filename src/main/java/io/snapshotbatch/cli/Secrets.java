package io.snapshotbatch.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * The databases this process was given, so that whatever it prints about a failure (an exception may
 * quote a JDBC URL with its password) can be scrubbed of their secrets first.
 */
final class Secrets {

    private static final List<DatabaseTarget> databases = new CopyOnWriteArrayList<>();

    private Secrets() {
    }

    static DatabaseTarget register(DatabaseTarget database) {
        if (!databases.contains(database)) {
            databases.add(database);
        }
        return database;
    }

    static String scrub(String text) {
        String scrubbed = text;
        for (DatabaseTarget database : databases) {
            scrubbed = database.redact(scrubbed);
        }
        return scrubbed;
    }

}
