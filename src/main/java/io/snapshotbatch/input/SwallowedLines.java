package io.snapshotbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/**
 * A value spanning lines is fine (a note with line breaks); one whose lines look like rows is a quote
 * that was never meant to open (an inch mark, a stray quote), and reading on would lose those rows
 * inside one value. Such a record refuses the file, naming the line where the quote opens.
 */
final class SwallowedLines {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final Pattern delimiter;

    private final int headerColumns;

    private final int rowDelimiters;

    private final CsvProblems problems;

    SwallowedLines(char delimiter, int headerColumns, CsvProblems problems) {
        this.delimiter = Pattern.compile(Pattern.quote(String.valueOf(delimiter)));
        this.headerColumns = headerColumns;
        // Spreadsheets and CRMs write every row with all its delimiters; a note's line seldom has as many.
        this.rowDelimiters = Math.max(2, headerColumns - 1);
        this.problems = problems;
    }

    /**
     * Refuses the record that starts on {@code line} if a value of it spanning lines holds what looks
     * like rows: on the line the quote opens (the rest of that line), on the lines it takes in, or after
     * it closes (fields beyond the header's).
     */
    void check(CSVRecord record, int line) {
        int valueLine = line;
        List<Integer> rowLike = new ArrayList<>();
        String firstSpanning = null;
        int quoteLine = 0;
        for (String value : record) {
            int breaks = CsvPairSource.lineBreaks(value);
            if (breaks > 0) {
                String[] parts = LINE_BREAK.split(value, -1);
                if (firstSpanning == null) {
                    firstSpanning = value;
                    quoteLine = valueLine;
                }
                if (hasIdField(this.delimiter.split(parts[0], -1))) {
                    rowLike.add(valueLine);
                }
                for (int i = 1; i < parts.length; i++) {
                    if (looksLikeRow(parts[i])) {
                        rowLike.add(valueLine + i);
                    }
                }
            }
            valueLine += breaks;
        }
        if (firstSpanning != null && record.size() > this.headerColumns && !rowLike.contains(valueLine)) {
            rowLike.add(valueLine);
        }
        if (!rowLike.isEmpty()) {
            throw this.problems.swallowed(quoteLine, valueLine, rowLike, firstSpanning);
        }
    }

    /**
     * A line that is not blank and has as many delimiters as a row, or a field that starts with
     * {@code eng-}, or an opportunity id beside another field (quoted or not).
     */
    boolean looksLikeRow(String line) {
        String[] fields = this.delimiter.split(line, -1);
        if (hasIdField(fields)) {
            return true;
        }
        for (String field : fields) {
            if (!unquote(UnicodeText.trim(field)).isEmpty()) {
                return fields.length - 1 >= this.rowDelimiters;
            }
        }
        return false;
    }

    private static boolean hasIdField(String[] fields) {
        for (String field : fields) {
            String value = unquote(UnicodeText.trim(field));
            if (value.regionMatches(true, 0, "eng-", 0, 4)
                    || (fields.length > 1 && PairValidator.OPPORTUNITY.matcher(value).matches())) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String value) {
        if (value.startsWith("\"")) {
            int end = (value.length() > 1 && value.endsWith("\"")) ? value.length() - 1 : value.length();
            return UnicodeText.trim(value.substring(1, end));
        }
        return value;
    }

}
