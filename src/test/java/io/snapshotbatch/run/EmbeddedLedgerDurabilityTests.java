package io.snapshotbatch.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit on the embedded H2 ledger is on disk when the process dies right after it, as on PostgreSQL: a
 * kill -9 must lose only the chunks not yet committed. H2 by default writes committed changes up to 500 ms
 * later, so a kill lost the chunks committed meanwhile and sent their rows again (QA: 1,044 to 1,500 rows
 * re-sent at --rate 2000, where the open chunks held 200).
 */
class EmbeddedLedgerDurabilityTests {

    static final int CHUNKS = 20;

    static final int ROWS_PER_CHUNK = 10;

    @TempDir
    Path work;

    @Test
    void everyCommittedChunkSurvivesAProcessThatDiesRightAfterItsLastCommit() throws Exception {
        // given the default ledger's form of URL, and a JVM that commits chunks and then dies at once (no shutdown)
        DatabaseTarget ledger = new DatabaseTarget("jdbc:h2:file:" + this.work.resolve("data/snapshot-batch")
                + ";AUTO_SERVER=TRUE", null, null);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitThenDie.class.getName(), ledger.connectionUrl())
            .inheritIO()
            .start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).isEqualTo(CommitThenDie.DIED);

        // when the ledger is opened again
        try (Connection connection = DriverManager.getConnection(ledger.connectionUrl(), "", "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from chunk_result")) {
            count.next();

            // then every committed row is there
            assertThat(count.getInt(1)).isEqualTo(CHUNKS * ROWS_PER_CHUNK);
        }
    }

    @Test
    void aWriteDelayGivenInTheUrlIsKept() {
        assertThat(new DatabaseTarget("jdbc:h2:file:./x;WRITE_DELAY=100", null, null).connectionUrl())
            .isEqualTo("jdbc:h2:file:./x;WRITE_DELAY=100");
        assertThat(new DatabaseTarget(DatabaseTarget.DEFAULT_URL, null, null).connectionUrl())
            .isEqualTo(DatabaseTarget.DEFAULT_URL + ";WRITE_DELAY=0");
        assertThat(new DatabaseTarget("jdbc:postgresql://db/snap", null, null).connectionUrl())
            .isEqualTo("jdbc:postgresql://db/snap");
    }

    /** The child JVM: commits {@link #CHUNKS} chunks of rows, then halts as a kill -9 would end it. */
    public static final class CommitThenDie {

        static final int DIED = 9;

        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection(args[0], "", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table chunk_result (line integer primary key)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into chunk_result (line) values (?)")) {
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    for (int row = 0; row < ROWS_PER_CHUNK; row++) {
                        insert.setInt(1, chunk * ROWS_PER_CHUNK + row);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            Runtime.getRuntime().halt(DIED);
        }

    }

}
