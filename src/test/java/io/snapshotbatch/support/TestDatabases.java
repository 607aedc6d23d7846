package io.snapshotbatch.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.snapshotbatch.run.DatabaseTarget;

/**
 * Ledger databases for tests: an embedded H2 file in a temporary directory, or a fresh database on
 * the real PostgreSQL server of the machine (127.0.0.1:5432, trust auth; override with
 * SNAPSHOT_TEST_PG_HOST / _PORT / _USER). PostgreSQL tests fail, not skip, when the server is down:
 * CI starts it, and a skipped database test would prove nothing.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static DatabaseTarget h2(Path directory) {
        return new DatabaseTarget("jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath() + ";AUTO_SERVER=TRUE",
                null, null);
    }

    /** Creates an empty database; drop it with {@link #dropPostgres(DatabaseTarget)}. */
    public static DatabaseTarget freshPostgres() {
        String name = "snapshot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        return new DatabaseTarget(postgresUrl(name), postgresUser(), null);
    }

    public static void dropPostgres(DatabaseTarget database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        execute("drop database if exists " + name + " with (force)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl("postgres"), postgresUser(), null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL must run on " + postgresUrl("postgres")
                    + " for this test (.ci/run starts it): " + ex.getMessage(), ex);
        }
    }

    private static String postgresUrl(String database) {
        return "jdbc:postgresql://" + env("SNAPSHOT_TEST_PG_HOST", "127.0.0.1") + ":" + env("SNAPSHOT_TEST_PG_PORT", "5432")
                + "/" + database;
    }

    private static String postgresUser() {
        return env("SNAPSHOT_TEST_PG_USER", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value != null && !value.isBlank()) ? value : fallback;
    }

}
