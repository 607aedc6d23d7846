package io.snapshotbatch.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/**
 * A session-level {@code pg_try_advisory_lock} on a connection of its own, held for the life of the
 * process: PostgreSQL releases it the moment the process (and so the connection) dies.
 */
final class PostgresAdvisoryGuard implements RunGuard {

    /** First key of the lock pair: "SNAP", so other applications' advisory locks cannot collide. */
    private static final int NAMESPACE = 0x534E4150;

    private final Connection connection;

    private PostgresAdvisoryGuard(Connection connection) {
        this.connection = connection;
    }

    static Optional<RunGuard> tryAcquire(DatabaseTarget database, LocalDate runDate) {
        Properties properties = connectionProperties(database, "snapshot-batch guard " + runDate);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(database.url(), properties);
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, NAMESPACE);
                statement.setInt(2, (int) runDate.toEpochDay());
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new PostgresAdvisoryGuard(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        }
        catch (SQLException ex) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot use the database " + database + ": " + database.redact(ex.getMessage()), ex);
        }
    }

    /**
     * Looks the lock up in {@code pg_locks} instead of trying it, so that looking never makes a launch of
     * the run date find it taken. The two-key form of the lock is listed as (classid, objid, objsubid 2).
     */
    static boolean isHeld(DatabaseTarget database, LocalDate runDate) {
        try (Connection connection = DriverManager.getConnection(database.url(),
                connectionProperties(database, "snapshot-batch status"));
                PreparedStatement statement = connection.prepareStatement("""
                        select count(*) from pg_locks
                        where locktype = 'advisory' and granted and objsubid = 2
                          and classid::bigint = ? and objid::bigint = ?
                          and database = (select oid from pg_database where datname = current_database())""")) {
            statement.setLong(1, NAMESPACE);
            statement.setLong(2, runDate.toEpochDay());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot use the database " + database + ": " + database.redact(ex.getMessage()), ex);
        }
    }

    private static Properties connectionProperties(DatabaseTarget database, String applicationName) {
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        return properties;
    }

    @Override
    public void close() {
        closeQuietly(this.connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ex) {
                // Closing the connection is what releases the lock; a broken one is released anyway.
            }
        }
    }

}
