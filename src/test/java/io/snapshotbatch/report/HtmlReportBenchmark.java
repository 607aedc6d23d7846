package io.snapshotbatch.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.flywaydb.core.Flyway;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.support.TestDatabases;

/**
 * How long report.html takes, and how large it is, for a run of ROWS rows on PostgreSQL (a tenth of
 * them FAILED under three error codes) with 30 earlier runs of RUN_ROWS rows each. Not a CI test:
 * run it with a small heap to show that no row is held in memory, e.g.
 *
 * java -Xmx128m -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     io.snapshotbatch.report.HtmlReportBenchmark 1000000 10000
 */
public final class HtmlReportBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int earlierRows = Integer.parseInt(args[1]);
        DatabaseTarget database = TestDatabases.freshPostgres();
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), null);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                    "classpath:db/migration/postgresql").load().migrate();
            JdbcTemplate jdbcTemplate = new JdbcTemplate(dataSource);
            JdbcClient jdbc = JdbcClient.create(jdbcTemplate);
            RunRepository runs = new RunRepository(jdbc);
            LedgerRepository ledger = new LedgerRepository(jdbc, jdbcTemplate);
            LocalDate tonight = LocalDate.of(2026, 12, 1);
            Instant now = Instant.parse("2026-12-01T04:00:00Z");
            SnapshotRun run = null;
            List<SnapshotRun> earlier = new ArrayList<>();
            for (int night = 30; night >= 0; night--) {
                run = runs.create(tonight.minusDays(night), 0, "csv:bench.csv", now);
                fill(jdbcTemplate, run.runId(), (night == 0) ? rows : earlierRows);
                run = runs.markEnded(run.runId(), RunStatus.COMPLETED, null, now);
                earlier.add(run);
            }
            earlier.remove(run);
            jdbcTemplate.execute("vacuum analyze snapshot_row");
            Path directory = Files.createTempDirectory("html-bench");
            HtmlReport html = new HtmlReport(ledger, jdbc, Clock.systemUTC());
            measure("earlier runs without a report (counted row by row)", html, ledger, run, directory, rows, earlierRows);
            for (SnapshotRun night : earlier) {
                html.write(night, RunStatus.COMPLETED, ledger.counts(night.runId()), directory);
            }
            for (int round = 1; round <= 2; round++) {
                measure("earlier runs with their report (recorded counts)", html, ledger, run, directory, rows, earlierRows);
            }
        }
        finally {
            TestDatabases.dropPostgres(database);
        }
    }

    private static void measure(String what, HtmlReport html, LedgerRepository ledger, SnapshotRun run, Path directory,
            int rows, int earlierRows) throws Exception {
        long start = System.nanoTime();
        Path page = html.write(run, RunStatus.COMPLETED, ledger.counts(run.runId()), directory);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("report.html of a %,d-row run, 30 earlier runs of %,d rows, %s: %,d ms, %,d bytes; "
                + "heap used %,d MB of max %,d MB%n", rows, earlierRows, what, millis, Files.size(page),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** Inserts the rows in SQL (generate_series), so the benchmark measures the page, not the loading. */
    private static void fill(JdbcTemplate jdbc, long runId, int rows) {
        jdbc.update("""
                insert into snapshot_row (run_id, line, catalog, engagement_id, resource_type, resource_id, template,
                    client_token, outcome, error_code, error_message, attempts, updated_at)
                select ?, n + 1, 'Sandbox', 'eng-' || lpad(n::text, 14, '0'), 'Opportunity', 'O' || n, 'OpportunitySummaryView',
                    md5(n::text), case when n % 10 = 0 then 'FAILED' else 'CREATED' end,
                    case when n % 30 = 0 then 'ResourceNotFoundException' when n % 20 = 0 then 'AccessDeniedException'
                         when n % 10 = 0 then 'ConflictException' end,
                    case when n % 10 = 0 then 'the service said no to row ' || n end, 1, now()
                from generate_series(1, ?) as n""", runId, rows);
    }

}
