package io.snapshotbatch.input;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Maps a source's column names to {@link InputColumn}s, rejecting sources without the required ones. */
final class ColumnMapping {

    private final Map<InputColumn, Integer> positions;

    private ColumnMapping(Map<InputColumn, Integer> positions) {
        this.positions = positions;
    }

    static ColumnMapping of(List<String> headers, String sourceName) {
        String problem = problem(headers);
        if (problem != null) {
            throw new InputException("%s %s (columns found: %s)".formatted(sourceName, problem, list(headers)));
        }
        return map(headers);
    }

    /** The mapping, or {@code null} when the names lack a required column or name one twice. */
    static ColumnMapping find(List<String> headers) {
        return (problem(headers) == null) ? map(headers) : null;
    }

    /** What is wrong with these names as a header, e.g. {@code has no engagement_id column}; {@code null} if nothing. */
    static String problem(List<String> headers) {
        Map<InputColumn, Integer> positions = new EnumMap<>(InputColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            InputColumn column = InputColumn.forHeader(headers.get(i)).orElse(null);
            if (column == null) {
                continue;
            }
            Integer previous = positions.putIfAbsent(column, i);
            if (previous != null) {
                return "has two columns for %s: '%s' (column %d) and '%s' (column %d); keep one of them".formatted(
                        column.preferredName(), UnicodeText.escapeInvisible(headers.get(previous)), previous + 1,
                        UnicodeText.escapeInvisible(headers.get(i)), i + 1);
            }
        }
        for (InputColumn column : InputColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                return "has no " + column.preferredName() + " column";
            }
        }
        return null;
    }

    /** The names as a message shows them: quoted, invisible characters escaped, at most 12. */
    static String list(List<String> headers) {
        List<String> shown = headers.stream().limit(12).map((h) -> {
            String name = UnicodeText.escapeInvisible(h);
            return "'" + ((name.length() > 40) ? name.substring(0, 40) + "..." : name) + "'";
        }).toList();
        return String.join(", ", shown) + ((headers.size() > 12) ? ", ... (" + headers.size() + " in all)" : "");
    }

    private static ColumnMapping map(List<String> headers) {
        Map<InputColumn, Integer> positions = new EnumMap<>(InputColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            int position = i;
            InputColumn.forHeader(headers.get(i)).ifPresent((column) -> positions.putIfAbsent(column, position));
        }
        return new ColumnMapping(positions);
    }

    /** Builds the record from the values at the mapped positions; {@code valueAt} may return null. */
    PairRecord toRecord(int line, IntFunction<String> valueAt) {
        return new PairRecord(line, value(InputColumn.CATALOG, valueAt), value(InputColumn.ENGAGEMENT, valueAt),
                value(InputColumn.RESOURCE_TYPE, valueAt), value(InputColumn.RESOURCE, valueAt),
                value(InputColumn.TEMPLATE, valueAt));
    }

    /** The raw value of a column, or {@code null}. */
    String raw(InputColumn column, IntFunction<String> valueAt) {
        Integer position = this.positions.get(column);
        return (position == null) ? null : valueAt.apply(position);
    }

    private String value(InputColumn column, IntFunction<String> valueAt) {
        String trimmed = UnicodeText.trim(raw(column, valueAt));
        return (trimmed == null || trimmed.isEmpty()) ? null : trimmed;
    }

}
