package io.snapshotbatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing a report again: both files replaced whole, and a failed write leaves the previous report intact. */
class ReconciliationReportRewriteTests extends ReconciliationReportTestSupport {

    @Test
    void aRewriteReplacesBothFilesAndLeavesNoTemporaryFile() throws IOException {
        // given a first report, then the pending row is created
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);
        record(7, "CREATED", "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/7", 1, null, null, 1, 0);

        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(byLine(reconciliation()).get("7")).containsEntry("outcome", "CREATED");
        assertThat(parse(directory.resolve("reconciliation.csv"))).hasSize(6);
        assertThat(summary()).containsEntry("created", "2").containsEntry("pending", "0").containsEntry("status",
                "COMPLETED");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map((p) -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("reconciliation.csv", "summary.csv");
        }
    }

    @Test
    void aReportThatFailsHalfWayLeavesThePreviousOneWholeAndNoTemporaryFile() throws IOException {
        // given a complete report, and a ledger that breaks after the first row
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);
        String before = Files.readString(directory.resolve("reconciliation.csv"));
        LedgerRepository breaking = new LedgerRepository(db.jdbc(), new JdbcTemplate(db.dataSource())) {

            @Override
            public void forEachRow(long runId, Consumer<LedgerRow> consumer) {
                super.forEachRow(runId, (row) -> {
                    if (row.line() > 2) {
                        throw new IllegalStateException("database went away");
                    }
                    consumer.accept(row);
                });
            }

        };

        // when
        assertThatThrownBy(() -> new ReconciliationReport(breaking).write(this.run, RunStatus.COMPLETED, this.reportDir))
            .hasMessage("database went away");

        // then
        assertThat(Files.readString(directory.resolve("reconciliation.csv"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map((p) -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("reconciliation.csv", "summary.csv");
        }
    }

}
