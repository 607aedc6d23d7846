package io.snapshotbatch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation.csv file: the contract's header, one record per ledger row, quoting, formula neutralising. */
class ReconciliationReportRecordsTests extends ReconciliationReportTestSupport {

    @Test
    void reconciliationHasTheContractHeaderAndOneRecordPerLedgerRow() throws IOException {
        // when
        Path directory = this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        assertThat(directory).isEqualTo(this.reportDir.resolve("2025-03-14"));
        Path file = directory.resolve("reconciliation.csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(String.join(",", HEADER) + "\r\n");
        List<CSVRecord> records = parse(file);
        assertThat(records.get(0).values()).containsExactlyElementsOf(HEADER);
        assertThat(records).hasSize(1 + 5);
        assertThat(records.subList(1, records.size())).extracting((r) -> r.get(0)).containsExactly("2", "3", "5", "6", "7");
        assertThat(records).allSatisfy((r) -> assertThat(r.size()).isEqualTo(HEADER.size()));
    }

    @Test
    void eachRecordShowsItsRowsOutcome() throws IOException {
        // when
        this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        Map<String, Map<String, String>> byLine = byLine(reconciliation());
        Map<String, String> created = byLine.get("2");
        assertThat(created).containsEntry("catalog", "Sandbox")
            .containsEntry("engagement_id", ENG)
            .containsEntry("resource_type", "Opportunity")
            .containsEntry("resource_id", "O1")
            .containsEntry("template", "OpportunitySummaryView")
            .containsEntry("client_token", ClientTokens.derive(RUN_DATE, 0, key("O1"), 0))
            .containsEntry("outcome", "CREATED")
            .containsEntry("snapshot_arn", "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/1")
            .containsEntry("revision", "1")
            .containsEntry("error_code", "")
            .containsEntry("error_message", "")
            .containsEntry("attempts", "3")
            .containsEntry("updated_at", "2025-03-14T01:02:03Z");
        assertThat(byLine.get("3")).containsEntry("outcome", "FAILED")
            .containsEntry("error_code", "ValidationException")
            .containsEntry("snapshot_arn", "")
            .containsEntry("revision", "");
        assertThat(byLine.get("5")).containsEntry("outcome", "REJECTED")
            .containsEntry("client_token", "")
            .containsEntry("error_code", "INVALID_ENGAGEMENT_ID");
        assertThat(byLine.get("6")).containsEntry("outcome", "DUPLICATE").containsEntry("error_message", "duplicate of line 2");
        assertThat(byLine.get("7")).containsEntry("outcome", "PENDING").containsEntry("attempts", "0");
    }

    @Test
    void quotesCommasAndNewlinesInMessagesSurviveARoundTrip() throws IOException {
        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(byLine(reconciliation()).get("3")).containsEntry("error_message", NASTY_MESSAGE);
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralised() throws IOException {
        // when
        this.report.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        Map<String, String> rejected = byLine(reconciliation()).get("5");
        assertThat(rejected).containsEntry("engagement_id", "'=HYPERLINK(\"x\")")
            .containsEntry("error_message", "'-engagement id must match, got '=HYPERLINK'");
        for (CSVRecord record : reconciliation()) {
            for (String value : record) {
                assertThat(value).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

}
