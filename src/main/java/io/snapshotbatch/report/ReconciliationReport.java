package io.snapshotbatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * Writes a run's report from the ledger. Each file is written next to its final name and moved into
 * place, so a reader (or a kill in the middle) never sees half a report. Each generation of a run date
 * has its own directory, so a {@code --force-new-run} never overwrites the report of the one before.
 */
public class ReconciliationReport {

    public static final String[] COLUMNS = { "line", "catalog", "engagement_id", "resource_type", "resource_id",
            "template", "client_token", "outcome", "snapshot_arn", "revision", "error_code", "error_message",
            "attempts", "updated_at" };

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final LedgerRepository ledger;

    /** Where this process wrote each run's report (by run id): only a written report is announced. */
    private final Map<Long, Path> written = new ConcurrentHashMap<>();

    public ReconciliationReport(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    /** Where the report of a run date's first generation goes. */
    public static Path directory(Path reportDir, LocalDate runDate) {
        return reportDir.resolve(runDate.toString());
    }

    /** Where the report of a run goes: {@code <run-date>/}, or {@code <run-date>/generation-N/} for generation N > 0. */
    public static Path directory(Path reportDir, SnapshotRun run) {
        Path first = directory(reportDir, run.runDate());
        return (run.generation() == 0) ? first : first.resolve("generation-" + run.generation());
    }

    /** The directory this process wrote the run's report to, if it did. */
    public Optional<Path> writtenTo(SnapshotRun run) {
        return Optional.ofNullable(this.written.get(run.runId()));
    }

    /**
     * Writes both files.
     * @param status the run's status as it should read in the summary (the job may still be finishing)
     */
    public Path write(SnapshotRun run, RunStatus status, Path reportDir) {
        Path directory = directory(reportDir, run);
        this.written.remove(run.runId());
        try {
            Files.createDirectories(directory);
            replace(directory.resolve("reconciliation.csv"), (printer) -> {
                printer.printRecord((Object[]) COLUMNS);
                this.ledger.forEachRow(run.runId(), (row) -> print(printer, row));
            });
            OutcomeCounts counts = this.ledger.counts(run.runId());
            replace(directory.resolve("summary.csv"), (printer) -> {
                printer.printRecord("metric", "value");
                for (List<Object> metric : summary(run, status, counts)) {
                    printer.printRecord(SpreadsheetSafe.cell(metric.get(0)), SpreadsheetSafe.cell(metric.get(1)));
                }
            });
            this.written.put(run.runId(), directory);
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the report in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    static List<List<Object>> summary(SnapshotRun run, RunStatus status, OutcomeCounts counts) {
        List<List<Object>> metrics = new ArrayList<>();
        metrics.add(List.of("run_date", run.runDate()));
        metrics.add(List.of("status", status));
        metrics.add(List.of("input_rows", counts.inputRows()));
        metrics.add(List.of("created", counts.created()));
        metrics.add(List.of("failed", counts.failed()));
        metrics.add(List.of("rejected", counts.rejected()));
        metrics.add(List.of("duplicates", counts.duplicates()));
        metrics.add(List.of("pending", counts.pending()));
        metrics.add(List.of("api_calls", counts.apiCalls()));
        metrics.add(List.of("throttled_calls", counts.throttledCalls()));
        metrics.add(List.of("started_at", (run.startedAt() != null) ? run.startedAt() : ""));
        metrics.add(List.of("finished_at", (status == RunStatus.RUNNING || run.finishedAt() == null) ? ""
                : run.finishedAt()));
        metrics.add(List.of("generation", run.generation()));
        metrics.add(List.of("source", run.source()));
        metrics.add(List.of("stop_reason", (run.stopReason() != null) ? run.stopReason() : ""));
        return metrics;
    }

    private static void print(CSVPrinter printer, LedgerRow row) {
        try {
            printer.printRecord(row.line(), cell(row.catalog()), cell(row.engagementId()), cell(row.resourceType()),
                    cell(row.resourceId()), cell(row.template()), cell(row.clientToken()), row.outcome(),
                    cell(row.snapshotArn()), cell(row.revision()), cell(row.errorCode()), cell(row.errorMessage()),
                    row.attempts(), cell(row.updatedAt()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String cell(Object value) {
        return SpreadsheetSafe.cell(value);
    }

    private interface Body {

        void print(CSVPrinter printer) throws IOException;

    }

    private static void replace(Path target, Body body) throws IOException {
        // Not Files.createTempFile: its files are private (0600) and would stay so after the move, where ops
        // staff must read them. A new file gets the usual permissions, those the umask leaves.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                    CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                body.print(printer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

}
