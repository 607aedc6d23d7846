package io.snapshotbatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.OutcomeCounts;
import io.snapshotbatch.ledger.RunStatus;
import io.snapshotbatch.ledger.SnapshotRun;
import io.snapshotbatch.report.HtmlReportQueries.TrendRun;

/**
 * {@code report.html}: the night for people who would rather look than read. A Mustache template (every
 * value HTML-escaped by the engine) renders the summary, rows by outcome and by error code as SVG drawn
 * here, the first rows that need attention, and the last 30 runs from the ledger. One self-contained
 * file: inline CSS, inline SVG, and a Content-Security-Policy that forbids loading anything.
 */
public class HtmlReport {

    public static final String FILE = "report.html";

    /** At most this many rows that need attention are listed; reconciliation.csv has them all. */
    static final int ATTENTION_LIMIT = 200;

    static final int TREND_RUNS = 30;

    /** More error codes than this are drawn as one "other codes" bar. */
    static final int ERROR_CODE_BARS = 12;

    private static final Template TEMPLATE = compile("/report/report.html.mustache");

    private final LedgerRepository ledger;

    private final HtmlReportQueries queries;

    private final Clock clock;

    public HtmlReport(LedgerRepository ledger, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.queries = new HtmlReportQueries(jdbc);
        this.clock = clock;
    }

    /** Writes {@code directory/report.html} next to its final name and moves it into place. */
    public Path write(SnapshotRun run, RunStatus status, OutcomeCounts counts, Path directory) {
        return write(run, status, counts, ReconciliationReport.summary(run, status, counts), directory);
    }

    /** The same, with the metrics of summary.csv as the CSV report wrote them (pace figures included). */
    public Path write(SnapshotRun run, RunStatus status, OutcomeCounts counts, List<List<Object>> summary,
            Path directory) {
        Map<String, Object> model = model(run, status, counts, summary);
        Path target = directory.resolve(FILE);
        // Created without explicit permissions, so the umask decides, as for any other file.
        Path temporary = directory.resolve("." + FILE + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                TEMPLATE.execute(model, writer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
        }
        finally {
            try {
                Files.deleteIfExists(temporary);
            }
            catch (IOException ex) {
                // Only a leftover temporary file; the report itself is in place or was never moved.
            }
        }
    }

    Map<String, Object> model(SnapshotRun run, RunStatus status, OutcomeCounts counts) {
        return model(run, status, counts, ReconciliationReport.summary(run, status, counts));
    }

    Map<String, Object> model(SnapshotRun run, RunStatus status, OutcomeCounts counts, List<List<Object>> summary) {
        Map<Outcome, Long> byOutcome = readingOrder(this.ledger.rowsByOutcome(run.runId()));
        // Recorded for the trend of later reports, so they need not count this run's rows again.
        this.queries.recordOutcomes(run.runId(), byOutcome);
        long total = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("runDate", run.runDate().toString());
        model.put("generation", run.generation());
        model.put("status", status.name());
        model.put("statusColor", switch (status) {
            case COMPLETED -> counts.hasProblems() ? "#ef6c00" : "#2e7d32";
            case RUNNING -> "#1565c0";
            default -> "#c62828";
        });
        model.put("verdict", verdict(status, counts));
        model.put("source", run.source());
        model.put("stopReason", run.stopReason());
        model.put("generatedAt", this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        model.put("cards", cards(byOutcome, total, counts));
        model.put("summary", summary.stream()
            .map((metric) -> Map.of("metric", String.valueOf(metric.get(0)), "value", String.valueOf(metric.get(1))))
            .toList());
        Map<String, Long> outcomes = new LinkedHashMap<>();
        byOutcome.forEach((outcome, rows) -> outcomes.put(outcome.name(), rows));
        model.put("outcomeChart", HtmlCharts.bars(outcomes, total, true));
        model.put("errorChart", HtmlCharts.bars(topCodes(this.queries.errorCodes(run.runId())), total, false));
        long attentionTotal = HtmlReportQueries.ATTENTION.stream().mapToLong((o) -> byOutcome.getOrDefault(o, 0L)).sum();
        List<Map<String, Object>> attention = this.queries.attentionRows(run.runId(), ATTENTION_LIMIT)
            .stream()
            .map(HtmlReport::attentionRow)
            .toList();
        model.put("attention", attention);
        model.put("attentionTotal", HtmlCharts.number(attentionTotal));
        model.put("attentionShown", HtmlCharts.number(attention.size()));
        model.put("attentionCut", attentionTotal > attention.size());
        List<TrendRun> trend = this.queries.trend(run, TREND_RUNS);
        model.put("trend", HtmlCharts.trend(trend, run.runId()));
        model.put("trendCount", trend.size());
        model.put("legend", byOutcome.keySet()
            .stream()
            .map((o) -> Map.of("outcome", o.name(), "color", HtmlCharts.color(o.name())))
            .toList());
        return model;
    }

    /** Created first, pending last: how an operator reads a night. */
    static Map<Outcome, Long> readingOrder(Map<Outcome, Long> rows) {
        Map<Outcome, Long> ordered = new LinkedHashMap<>();
        ordered.put(Outcome.CREATED, rows.getOrDefault(Outcome.CREATED, 0L));
        rows.forEach((outcome, count) -> {
            if (outcome != Outcome.PENDING) {
                ordered.putIfAbsent(outcome, count);
            }
        });
        ordered.put(Outcome.PENDING, rows.getOrDefault(Outcome.PENDING, 0L));
        return ordered;
    }

    private static String verdict(RunStatus status, OutcomeCounts counts) {
        return switch (status) {
            case COMPLETED -> counts.hasProblems()
                    ? "Finished, but some rows need a look (exit 3): see the rows that need attention."
                    : "Finished: every row created (exit 0).";
            case STOPPED -> "Stopped before finishing (exit 4): the same command continues the run.";
            case FAILED -> "Failed (exit 1): keep the log; the same command continues the run.";
            case RUNNING -> "Still running.";
        };
    }

    private static List<Map<String, Object>> cards(Map<Outcome, Long> byOutcome, long total, OutcomeCounts counts) {
        List<Map<String, Object>> cards = new ArrayList<>();
        cards.add(Map.of("label", "input rows", "value", HtmlCharts.number(total), "color", "#263238"));
        byOutcome.forEach((outcome, rows) -> cards.add(Map.of("label", outcome.name().toLowerCase(java.util.Locale.ROOT),
                "value", HtmlCharts.number(rows), "color", HtmlCharts.color(outcome.name()))));
        cards.add(Map.of("label", "API calls", "value", HtmlCharts.number(counts.apiCalls()), "color", "#263238"));
        cards.add(Map.of("label", "throttled calls", "value", HtmlCharts.number(counts.throttledCalls()), "color", "#263238"));
        return cards;
    }

    private static Map<String, Long> topCodes(Map<String, Long> codes) {
        Map<String, Long> top = new LinkedHashMap<>();
        long others = 0;
        int otherCodes = 0;
        for (Map.Entry<String, Long> entry : codes.entrySet()) {
            if (top.size() < ERROR_CODE_BARS) {
                top.put(entry.getKey(), entry.getValue());
            }
            else {
                others += entry.getValue();
                otherCodes++;
            }
        }
        if (otherCodes > 0) {
            top.put(otherCodes + " other codes", others);
        }
        return top;
    }

    private static Map<String, Object> attentionRow(LedgerRow row) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("line", row.line());
        map.put("outcome", row.outcome().name());
        map.put("color", HtmlCharts.color(row.outcome().name()));
        map.put("catalog", row.catalog());
        map.put("engagementId", row.engagementId());
        map.put("resourceId", row.resourceId());
        map.put("template", row.template());
        map.put("errorCode", row.errorCode());
        map.put("errorMessage", HtmlCharts.shorten(row.errorMessage(), 300));
        map.put("attempts", row.attempts());
        map.put("updatedAt", (row.updatedAt() != null) ? row.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString() : null);
        return map;
    }

    private static Template compile(String resource) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The report template " + resource + " is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // escapeHTML is the default; said here because the page's safety rests on it.
                return Mustache.compiler().escapeHTML(true).nullValue("").emptyStringIsFalse(true).compile(reader);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
