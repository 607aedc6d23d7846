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
        Map<InputColumn, Integer> positions = new EnumMap<>(InputColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            int position = i;
            InputColumn.forHeader(headers.get(i)).ifPresent((column) -> {
                Integer previous = positions.putIfAbsent(column, position);
                if (previous != null) {
                    throw new InputException("%s has two columns for %s: '%s' and '%s'".formatted(sourceName,
                            column.preferredName(), headers.get(previous), headers.get(position)));
                }
            });
        }
        for (InputColumn column : InputColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                throw new InputException("%s has no %s column (header found: %s)".formatted(sourceName,
                        column.preferredName(), String.join(",", headers)));
            }
        }
        return new ColumnMapping(positions);
    }

    /** Builds the record from the values at the mapped positions; {@code valueAt} may return null. */
    PairRecord toRecord(int line, IntFunction<String> valueAt) {
        return new PairRecord(line, value(InputColumn.CATALOG, valueAt), value(InputColumn.ENGAGEMENT, valueAt),
                value(InputColumn.RESOURCE_TYPE, valueAt), value(InputColumn.RESOURCE, valueAt),
                value(InputColumn.TEMPLATE, valueAt));
    }

    private String value(InputColumn column, IntFunction<String> valueAt) {
        Integer position = this.positions.get(column);
        if (position == null) {
            return null;
        }
        String value = valueAt.apply(position);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

}
