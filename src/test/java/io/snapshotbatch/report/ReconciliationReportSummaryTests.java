package io.snapshotbatch.report;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.PaceRepository;
import io.snapshotbatch.ledger.RunPace;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary.csv file: contract metrics that balance, spreadsheet-safe values, finished_at, an empty run. */
class ReconciliationReportSummaryTests extends ReconciliationReportTestSupport {

    private static final List<String> CONTRACT_METRICS = List.of("run_date", "status", "input_rows", "created",
            "failed", "rejected", "duplicates", "pending", "api_calls", "throttled_calls", "started_at", "finished_at");

    @Test
    void summaryHasEveryContractMetricAndBalances() throws IOException {
        // when
        this.report.write(this.run, RunStatus.STOPPED, this.reportDir);

        // then
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-14/summary.csv"));
        assertThat(records.get(0).values()).containsExactly("metric", "value");
        Map<String, String> summary = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        assertThat(summary.keySet()).containsAll(CONTRACT_METRICS);
        assertThat(summary).containsEntry("run_date", "2025-03-14")
            .containsEntry("status", "STOPPED")
            .containsEntry("input_rows", "5")
            .containsEntry("created", "1")
            .containsEntry("failed", "1")
            .containsEntry("rejected", "1")
            .containsEntry("duplicates", "1")
            .containsEntry("pending", "1")
            .containsEntry("api_calls", "4")
            .containsEntry("throttled_calls", "2")
            .containsEntry("started_at", "2025-03-14T01:00:00Z");
        long sum = Stream.of("created", "failed", "rejected", "duplicates", "pending")
            .mapToLong((metric) -> Long.parseLong(summary.get(metric)))
            .sum();
        assertThat(Long.parseLong(summary.get("input_rows"))).isEqualTo(sum);
        assertThat(summary).containsEntry("source", "csv:/data/=pairs.csv");
    }

    @Test
    void summaryValuesAreSpreadsheetSafeToo() throws IOException {
        // given a run that stopped for a reason starting with a formula character
        db.runs().markEnded(this.run.runId(), RunStatus.STOPPED, "-daily budget of 5 calls spent", UPDATED);
        SnapshotRun stopped = db.runs().find(this.run.runId()).orElseThrow();

        // when
        this.report.write(stopped, RunStatus.STOPPED, this.reportDir);

        // then
        assertThat(summary()).containsEntry("stop_reason", "'-daily budget of 5 calls spent");
    }

    @Test
    void finishedAtIsEmptyWhileRunningAndSetWhenEnded() throws IOException {
        // given a running run
        this.report.write(this.run, RunStatus.RUNNING, this.reportDir);
        assertThat(summary()).containsEntry("finished_at", "").containsEntry("status", "RUNNING");

        // when it ends
        Instant finished = Instant.parse("2025-03-14T02:00:00Z");
        db.runs().markEnded(this.run.runId(), RunStatus.COMPLETED, null, finished);
        SnapshotRun ended = db.runs().find(this.run.runId()).orElseThrow();
        this.report.write(ended, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(summary()).containsEntry("finished_at", "2025-03-14T02:00:00Z").containsEntry("status", "COMPLETED");
    }

    @Test
    void anEmptyRunHasAHeaderOnlyReportAndZeroTotals() throws IOException {
        // given
        SnapshotRun empty = db.runs().create(RUN_DATE.plusDays(1), 0, "csv:empty.csv", STARTED);

        // when
        this.report.write(empty, RunStatus.COMPLETED, this.reportDir);

        // then
        assertThat(parse(this.reportDir.resolve("2025-03-15/reconciliation.csv"))).hasSize(1);
        Map<String, String> summary = new LinkedHashMap<>();
        List<CSVRecord> records = parse(this.reportDir.resolve("2025-03-15/summary.csv"));
        records.subList(1, records.size()).forEach((r) -> summary.put(r.get(0), r.get(1)));
        assertThat(summary).containsEntry("input_rows", "0").containsEntry("created", "0").containsEntry("pending", "0");
    }

    @Test
    void theInputEncodingIsAppendedAfterTheExistingMetricsAndEmptyUntilKnown() throws IOException {
        // given a run whose CSV input was read as Windows-1252
        this.report.write(this.run, RunStatus.RUNNING, this.reportDir);
        assertThat(summary()).containsEntry("input_encoding", "");
        db.runs().recordInputEncoding(this.run.runId(), "windows-1252");
        SnapshotRun staged = db.runs().find(this.run.runId()).orElseThrow();

        // when
        this.report.write(staged, RunStatus.COMPLETED, this.reportDir);

        // then
        List<String> metrics = List.copyOf(summary().keySet());
        assertThat(summary()).containsEntry("input_encoding", "windows-1252");
        assertThat(metrics.indexOf("input_encoding")).isGreaterThan(metrics.indexOf("stop_reason"));
    }


    @Test
    void theServiceLatencyIsAppendedAfterTheInputEncodingInWholeMillisecondsAndEmptyUntilSomethingWasSent()
            throws IOException {
        // given: a run whose last launch saw answers in 402.4 ms (median) and 571.6 ms (95th percentile)
        PaceRepository paces = new PaceRepository(db.jdbc());
        ReconciliationReport withPaces = new ReconciliationReport(db.ledger(), paces, null);
        withPaces.write(this.run, RunStatus.RUNNING, this.reportDir);
        assertThat(summary()).containsEntry("latency_p50_ms", "").containsEntry("latency_p95_ms", "");
        paces.saveRunPace(this.run.runId(), new RunPace(20.0, 20.0, "latency", 402.4, 571.6));
        // and: a later launch that sent nothing (no latency observed), which must keep what the earlier one saw
        paces.saveRunPace(this.run.runId(), new RunPace(20.0, 20.0, "budget", null, null));

        // when
        withPaces.write(this.run, RunStatus.COMPLETED, this.reportDir);

        // then
        List<String> metrics = List.copyOf(summary().keySet());
        assertThat(summary()).containsEntry("latency_p50_ms", "402")
            .containsEntry("latency_p95_ms", "572")
            .containsEntry("pace_limited_by", "budget");
        assertThat(metrics.subList(metrics.indexOf("input_encoding"), metrics.size()))
            .startsWith("input_encoding", "latency_p50_ms", "latency_p95_ms");
    }

}
