package io.snapshotbatch.input;

import java.util.List;

/**
 * How an input file was found to be written, as read from its head.
 *
 * @param encoding the character set used to read it (in automatic mode, as far as the head shows)
 * @param delimiter the field separator
 * @param headerLine the physical line of the header row (1 unless a {@code sep=} line or blank lines precede it)
 * @param columns the header's column names, as written
 */
public record CsvLayout(String encoding, char delimiter, int headerLine, List<String> columns) {

    public String describe() {
        return "%s, %s-separated, header on line %d (%d columns)".formatted(this.encoding, CsvOptions.name(this.delimiter),
                this.headerLine, this.columns.size());
    }

}
