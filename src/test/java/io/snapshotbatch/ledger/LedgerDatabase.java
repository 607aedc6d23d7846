package io.snapshotbatch.ledger;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh in-memory H2 database migrated with the product's own Flyway migrations, and the ledger
 * repositories on top of it. Test support only (not a test class).
 */
public record LedgerDatabase(DataSource dataSource, JdbcClient jdbc, LedgerRepository ledger, RunRepository runs) {

    public static LedgerDatabase create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .load()
            .migrate();
        JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
        JdbcClient jdbc = JdbcClient.create(jdbcTemplate);
        return new LedgerDatabase(dataSource, jdbc, new LedgerRepository(jdbc, jdbcTemplate), new RunRepository(jdbc));
    }

    /** Empties the ledger, so one migrated database can serve every test of a class. */
    public void reset() {
        this.jdbc.sql("delete from snapshot_run_outcome").update();
        this.jdbc.sql("delete from snapshot_row").update();
        this.jdbc.sql("delete from snapshot_run").update();
    }

    /** Drops the in-memory database. */
    public void close() {
        this.jdbc.sql("shutdown").update();
    }

}
