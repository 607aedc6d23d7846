package io.snapshotbatch.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the first migration of a new H2 ledger be killed at any moment. H2 commits each DDL statement at once,
 * so a process killed in the middle of a migration leaves some of its tables created while Flyway, which
 * records a migration only once it has run whole, still has it pending: every later launch would fail on
 * "table already exists". Before migrating, the objects that the first pending migration creates are dropped
 * again, so that it runs whole. This is done only where it is safe: on H2 (on PostgreSQL every migration runs
 * in one transaction, and a kill leaves nothing of it) and while the ledger holds no run, so nothing can be lost.
 */
@Configuration(proxyBeanMethods = false)
public class InterruptedMigration {

    private static final Logger logger = LoggerFactory.getLogger(InterruptedMigration.class);

    private static final Pattern CREATES = Pattern.compile(
            "(?i)\\bcreate\\s+(table|sequence|(?:unique\\s+)?index)\\s+(?:if\\s+not\\s+exists\\s+)?([\\w.]+)"
                    + "|\\balter\\s+table\\s+([\\w.]+)\\s+add\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    @Bean
    FlywayMigrationStrategy undoInterruptedFirstMigration() {
        return (flyway) -> {
            undoPartOfFirstPending(flyway);
            flyway.migrate();
        };
    }

    /** Drops what a killed run of the first pending migration left, when that is safe; see the class comment. */
    static void undoPartOfFirstPending(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
                    || ledgerHoldsARun(connection)) {
                return;
            }
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length == 0) {
                return;
            }
            long before = objects(connection);
            try (Statement statement = connection.createStatement()) {
                for (String sql : undoStatements(script(flyway, pending[0].getScript()))) {
                    statement.execute(sql);
                }
            }
            long dropped = before - objects(connection);
            if (dropped > 0) {
                logger.warn("Recovering the ledger database: migration {} ({}) had been interrupted by a process that died; "
                        + "dropped the {} columns, sequences and indexes it had created, to run it again whole",
                        pending[0].getVersion(), pending[0].getScript(), dropped);
            }
        }
        catch (SQLException ex) {
            // Flyway's migrate will meet the same database and report what is wrong with it.
            logger.debug("Could not check for an interrupted migration: {}", ex.getMessage());
        }
    }

    /**
     * The statements that drop what the script creates, in reverse order; {@code if exists} everywhere, so they are
     * no-ops for what the killed process never got to.
     */
    static List<String> undoStatements(String script) {
        List<String> undo = new ArrayList<>();
        Matcher matcher = CREATES.matcher(script.replaceAll("--[^\\n]*", ""));
        while (matcher.find()) {
            String sql;
            if (matcher.group(1) != null) {
                String kind = matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("unique\\s+", "");
                sql = "drop " + kind + " if exists " + matcher.group(2) + (kind.equals("table") ? " cascade" : "");
            }
            else {
                sql = "alter table if exists " + matcher.group(3) + " drop column if exists " + matcher.group(4);
            }
            undo.add(0, sql);
        }
        return undo;
    }

    /** Columns, sequences and indexes of the current schema (H2): what dropping a migration's objects makes fewer. */
    private static long objects(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select (select count(*) from information_schema.columns "
                        + "where table_schema = current_schema) + (select count(*) from information_schema.sequences "
                        + "where sequence_schema = current_schema) + (select count(*) from information_schema.indexes "
                        + "where index_schema = current_schema)")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static boolean ledgerHoldsARun(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "SNAPSHOT_RUN", null)) {
            if (!tables.next()) {
                return false;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet runs = statement.executeQuery("select count(*) from snapshot_run")) {
            return runs.next() && runs.getLong(1) > 0;
        }
    }

    private static String script(Flyway flyway, String name) {
        ClassLoader loader = flyway.getConfiguration().getClassLoader();
        for (Location location : flyway.getConfiguration().getLocations()) {
            try (InputStream in = loader.getResourceAsStream(location.getRootPath() + "/" + name)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return "";
    }

}
