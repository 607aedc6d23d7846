package io.snapshotbatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.report.HtmlReportQueries.TrendRun;

/**
 * The geometry of report.html's SVG pictures, computed here so that the template only places shapes
 * and text it is given (numbers, and labels that the template escapes).
 */
final class HtmlCharts {

    /** Horizontal bars: one per label, length proportional to the largest value. */
    static final int BAR_WIDTH = 520;

    static final int BAR_LABEL = 190;

    static final int BAR_MAX = 220;

    static final int BAR_ROW = 28;

    /** The trend's columns. */
    static final int TREND_WIDTH = 940;

    static final int TREND_HEIGHT = 260;

    static final int TREND_TOP = 16;

    static final int TREND_BOTTOM = 206;

    static final int TREND_LEFT = 70;

    private HtmlCharts() {
    }

    record Bar(String label, String value, String color, int y, int textY, int width, int valueX) {
    }

    record BarChart(int height, List<Bar> bars) {

        public boolean empty() {
            return this.bars.isEmpty();
        }

    }

    record Segment(int y, int height, String color, String title) {
    }

    record Column(int x, int width, int labelX, String label, String title, boolean current, List<Segment> segments,
            int outlineX, int outlineY, int outlineWidth, int outlineHeight) {
    }

    record TrendChart(List<Column> columns, String maxLabel, int top, int bottom, int left, int right, int labelY) {
    }

    static String color(String outcome) {
        return switch (outcome) {
            case "CREATED" -> "#2e7d32";
            case "UNCHANGED" -> "#00838f";
            case "FAILED" -> "#c62828";
            case "REJECTED" -> "#ef6c00";
            case "DUPLICATE" -> "#6a1b9a";
            case "PENDING" -> "#757575";
            default -> "#455a64";
        };
    }

    /** Bars for {@code values} in their order; each value shows its share of {@code total}. */
    static BarChart bars(Map<String, Long> values, long total, boolean colorByLabel) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int y = 6 + row * BAR_ROW;
            int width = (max == 0) ? 0 : (int) Math.max((entry.getValue() > 0) ? 2 : 0, BAR_MAX * entry.getValue() / max);
            String share = (total > 0) ? " (" + percent(entry.getValue(), total) + ")" : "";
            bars.add(new Bar(shorten(entry.getKey(), 30), number(entry.getValue()) + share,
                    colorByLabel ? color(entry.getKey()) : "#37474f", y, y + 14, width, BAR_LABEL + width + 6));
            row++;
        }
        return new BarChart(12 + row * BAR_ROW, bars);
    }

    /** Stacked columns, one per run, oldest left; the run of this report is outlined. */
    static TrendChart trend(List<TrendRun> runs, long currentRunId) {
        long max = runs.stream().mapToLong(TrendRun::total).max().orElse(0);
        int slot = (TREND_WIDTH - TREND_LEFT - 10) / 30;
        int width = slot - 8;
        int plot = TREND_BOTTOM - TREND_TOP;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            TrendRun run = runs.get(i);
            int x = TREND_LEFT + 4 + i * slot;
            int y = TREND_BOTTOM;
            List<Segment> segments = new ArrayList<>();
            StringBuilder title = new StringBuilder(run.runDate() + " generation " + run.generation() + ", "
                    + run.status() + ": " + number(run.total()) + " rows");
            for (Outcome outcome : HtmlReport.readingOrder(run.rows()).keySet()) {
                long rows = run.rows().getOrDefault(outcome, 0L);
                if (rows == 0) {
                    continue;
                }
                int height = (int) Math.max(1, Math.round((double) plot * rows / max));
                y -= height;
                String what = outcome + " " + number(rows);
                segments.add(new Segment(y, height, color(outcome.name()), run.runDate() + ": " + what));
                title.append(", ").append(what);
            }
            String label = run.runDate().toString().substring(5) + ((run.generation() > 0) ? "·" + run.generation() : "");
            columns.add(new Column(x, width, x + width / 2, label, title.toString(), run.runId() == currentRunId, segments,
                    x - 3, y - 3, width + 6, TREND_BOTTOM - y + 6));
        }
        return new TrendChart(columns, number(max), TREND_TOP, TREND_BOTTOM, TREND_LEFT, TREND_WIDTH - 6, TREND_BOTTOM + 16);
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(long part, long total) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }

    static String shorten(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
    }

}
