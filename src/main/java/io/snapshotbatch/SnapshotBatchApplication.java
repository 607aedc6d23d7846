package io.snapshotbatch;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.snapshotbatch.cli.SnapshotBatchCli;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.PaceRepository;
import io.snapshotbatch.report.HtmlReport;
import io.snapshotbatch.report.ReconciliationReport;
import io.snapshotbatch.snapshot.StagingInput;

/**
 * snapshot-batch: creates AWS Partner Central resource snapshots in bulk. The command line
 * ({@link SnapshotBatchCli}) parses the arguments first and opens this Spring context only for the
 * commands that need the database. The run's {@code RunStopSignal} is registered by the command line
 * before the context starts (see {@code BatchContext}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SnapshotBatchApplication {

    public static void main(String[] args) {
        System.exit(SnapshotBatchCli.execute(args));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StagingInput stagingInput() {
        return new StagingInput();
    }

    @Bean
    ReconciliationReport reconciliationReport(LedgerRepository ledger, PaceRepository paces, JdbcClient jdbc, Clock clock) {
        return new ReconciliationReport(ledger, paces, new HtmlReport(ledger, jdbc, clock));
    }

}
