package io.snapshotbatch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.PaceRepository;
import io.snapshotbatch.ledger.RunPace;
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

    private static final Logger logger = LoggerFactory.getLogger(ReconciliationReport.class);

    /** The temporary files of {@link #replace} and of report.html: {@code .<name>.<uuid>.tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(reconciliation\\.csv|summary\\.csv|report\\.html)\\.[0-9a-f-]{36}\\.tmp");

    private final LedgerRepository ledger;

    private final PaceRepository paces;

    private final HtmlReport html;

    /** Where this process wrote each run's report (by run id): only a written report is announced. */
    private final Map<Long, Path> written = new ConcurrentHashMap<>();

    /** The CSV files only, without the pace figures. */
    public ReconciliationReport(LedgerRepository ledger) {
        this(ledger, null, null);
    }

    /**
     * The CSV files with the run's pace figures ({@code rate_ceiling}, {@code rate_end},
     * {@code pace_limited_by}) when {@code paces} is given, and report.html when {@code html} is given.
     */
    public ReconciliationReport(LedgerRepository ledger, PaceRepository paces, HtmlReport html) {
        this.ledger = ledger;
        this.paces = paces;
        this.html = html;
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
            removeLeftovers(run, directory);
            replace(directory.resolve("reconciliation.csv"), (printer) -> {
                printer.printRecord((Object[]) COLUMNS);
                this.ledger.forEachRow(run.runId(), (row) -> print(printer, row));
            });
            OutcomeCounts counts = this.ledger.counts(run.runId());
            RunPace pace = (this.paces != null) ? this.paces.runPace(run.runId()) : RunPace.UNKNOWN;
            List<List<Object>> summary = summary(run, status, counts, pace);
            replace(directory.resolve("summary.csv"), (printer) -> {
                printer.printRecord("metric", "value");
                for (List<Object> metric : summary) {
                    printer.printRecord(SpreadsheetSafe.cell(metric.get(0)), SpreadsheetSafe.cell(metric.get(1)));
                }
            });
            writeHtml(run, status, counts, summary, directory);
            this.written.put(run.runId(), directory);
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the report in " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /** The CSV files are the record; a page that cannot be drawn is logged, and never fails the run. */
    private void writeHtml(SnapshotRun run, RunStatus status, OutcomeCounts counts, List<List<Object>> summary,
            Path directory) {
        if (this.html == null) {
            return;
        }
        try {
            this.html.write(run, status, counts, summary, directory);
        }
        catch (RuntimeException ex) {
            logger.error("report.html of run {} could not be written (the CSV files are): {}", run.runDate(), ex.toString());
        }
    }

    static List<List<Object>> summary(SnapshotRun run, RunStatus status, OutcomeCounts counts) {
        return summary(run, status, counts, RunPace.UNKNOWN);
    }

    static List<List<Object>> summary(SnapshotRun run, RunStatus status, OutcomeCounts counts, RunPace pace) {
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
        metrics.add(List.of("rate_ceiling", rate(pace.rateCeiling())));
        metrics.add(List.of("rate_end", rate(pace.rateEnd())));
        metrics.add(List.of("pace_limited_by", (pace.limitedBy() != null) ? pace.limitedBy() : ""));
        metrics.add(List.of("input_encoding", (run.inputEncoding() != null) ? run.inputEncoding() : ""));
        metrics.add(List.of("latency_p50_ms", millis(pace.latencyP50Ms())));
        metrics.add(List.of("latency_p95_ms", millis(pace.latencyP95Ms())));

        metrics.add(List.of("unchanged", counts.unchanged()));
        metrics.add(List.of("read_calls", counts.readCalls()));
        return metrics;
    }

    /** Whole milliseconds ({@code 402}); empty when unknown (nothing was sent). */
    static String millis(Double milliseconds) {
        return (milliseconds == null) ? "" : String.valueOf(Math.round(milliseconds));
    }

    /** Calls per second with two decimals at most ({@code 20}, {@code 9.5}, {@code 0.05}); empty when unknown. */
    static String rate(Double callsPerSecond) {
        if (callsPerSecond == null) {
            return "";
        }
        return java.math.BigDecimal.valueOf(callsPerSecond)
            .setScale(2, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
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

    /**
     * Removes the temporary files of a report that a process killed while writing it left behind (the report
     * files themselves are always whole: each is moved into place). Only files older than this process are
     * touched, so a {@code report} command writing at the same moment keeps its own.
     */
    private static void removeLeftovers(SnapshotRun run, Path directory) throws IOException {
        FileTime started = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(directory)) {
            leftovers = files.filter((file) -> TEMPORARY.matcher(file.getFileName().toString()).matches())
                .filter((file) -> olderThan(file, started))
                .toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        if (!leftovers.isEmpty()) {
            logger.warn("Recovering the report of run {}: removed {} temporary files that a process killed while writing "
                    + "it left in {}", run.runDate(), leftovers.size(), directory);
        }
    }

    private static boolean olderThan(Path file, FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) < 0;
        }
        catch (IOException gone) {
            return false;
        }
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
