package io.snapshotbatch.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pairs from a CSV file the way partner ops make it (Excel in any locale, Google Sheets, a CRM):
 * see {@link CsvFile} for encodings and delimiters. The file is read once, streamed, never held in memory.
 * Each row reports the physical line it starts on (header = line 1). No line is lost silently: a quoted
 * value that swallows lines looking like rows, or that never closes, refuses the file, naming the line.
 */
public final class CsvPairSource implements PairSource {

    private static final Logger logger = LoggerFactory.getLogger(CsvPairSource.class);

    /** How much of a file without BOM {@link #checkReadable()} checks for UTF-8 before it takes the head as UTF-8. */
    private static final long HEAD_SCAN_BYTES = 1024 * 1024;

    private final Path file;

    private final CsvOptions options;

    private volatile String inputEncoding;

    public CsvPairSource(Path file) {
        this(file, CsvOptions.DETECT);
    }

    public CsvPairSource(Path file, CsvOptions options) {
        this.file = file;
        this.options = options;
    }

    /**
     * Fails fast, before anything is locked or started, when the file, its encoding or its header is
     * unusable. Reads only the head of the file.
     * @throws InputException with one line saying which line is at fault and how to fix it
     */
    public CsvLayout checkReadable() {
        try (CsvFile csv = CsvFile.open(this.file, this.options, HEAD_SCAN_BYTES, null)) {
            Header header = readHeader(csv);
            return new CsvLayout(csv.encoding(), csv.delimiter(), header.line, header.names);
        }
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        try (CsvFile csv = CsvFile.open(this.file, this.options, Long.MAX_VALUE, (reason) -> logger
            .info("Input file {} is {}: reading it as Windows-1252, as Excel on Windows writes it", this.file, reason))) {
            Header header = readHeader(csv);
            ColumnMapping mapping = header.mapping;
            int nextLine = header.nextLine;
            int rows = 0;
            int repeatedHeaders = 0;
            CSVRecord record;
            while ((record = csv.next(nextLine)) != null) {
                int line = csv.lines().nextNonEmptyLine(nextLine);
                nextLine = line + lineBreaks(record) + 1;
                csv.lines().rowEnded();
                if (isBlank(record)) {
                    continue;
                }
                checkNothingSwallowed(csv, record, line);
                IntFunction<String> values = valuesOf(record);
                String engagement = mapping.raw(InputColumn.ENGAGEMENT, values);
                if (engagement != null && !engagement.startsWith("eng-") && InputColumn.forHeader(engagement).isPresent()) {
                    // Exports joined into one file: the header again. Its columns apply from here on; the
                    // line itself becomes a REJECTED row (REPEATED_HEADER), so it is accounted for.
                    ColumnMapping again = ColumnMapping.find(record.toList());
                    if (again != null) {
                        mapping = again;
                        repeatedHeaders++;
                    }
                }
                sink.accept(mapping.toRecord(line, values));
                rows++;
            }
            this.inputEncoding = csv.encoding();
            logger.info("Read {} rows from {} (lines 1-{}, header on line {}{}); {}", rows, this.file,
                    csv.lines().lastLine(), header.line,
                    (repeatedHeaders > 0) ? ", the header repeated " + repeatedHeaders + " times" : "", csv.describe());
        }
    }

    @Override
    public String describe() {
        return "csv:" + this.file.toAbsolutePath().normalize();
    }

    /** The encoding the file was read in (e.g. {@code UTF-8}, {@code windows-1252}), once {@link #read} has run. */
    @Override
    public String inputEncoding() {
        return this.inputEncoding;
    }

    private record Header(int line, int nextLine, List<String> names, ColumnMapping mapping) {
    }

    private Header readHeader(CsvFile csv) {
        int nextLine = csv.firstLine();
        CSVRecord record;
        while ((record = csv.next(nextLine)) != null) {
            int line = csv.lines().nextNonEmptyLine(nextLine);
            nextLine = line + lineBreaks(record) + 1;
            csv.lines().rowEnded();
            if (isBlank(record)) {
                continue;
            }
            List<String> names = record.toList();
            String problem = ColumnMapping.problem(names);
            if (problem != null) {
                throw new CsvProblems(this.file).header(line, problem, names, csv.delimiter(), this.options);
            }
            return new Header(line, nextLine, names, ColumnMapping.find(names));
        }
        throw new CsvProblems(this.file).empty();
    }

    /**
     * A value spanning lines is fine (a note with line breaks); one whose lines look like rows is a quote
     * that was never meant to open, and reading on would lose those rows inside one value.
     */
    private void checkNothingSwallowed(CsvFile csv, CSVRecord record, int line) {
        int valueLine = line;
        for (String value : record) {
            int breaks = lineBreaks(value);
            if (breaks > 0) {
                String[] parts = value.split("\r\n|\r|\n", -1);
                List<Integer> rowLike = new ArrayList<>();
                for (int i = 1; i < parts.length; i++) {
                    if (looksLikeRow(parts[i], csv.delimiter())) {
                        rowLike.add(valueLine + i);
                    }
                }
                if (!rowLike.isEmpty()) {
                    throw new CsvProblems(this.file).swallowed(valueLine, valueLine + breaks, rowLike, value);
                }
            }
            valueLine += breaks;
        }
    }

    /**
     * A line with an engagement id as a whole field, or with an opportunity id as a whole field and
     * another field beside it (quoted or not); a note's second line rarely is either.
     */
    static boolean looksLikeRow(String line, char delimiter) {
        String[] fields = line.split(Pattern.quote(String.valueOf(delimiter)), -1);
        for (String field : fields) {
            String value = UnicodeText.trim(field);
            if (value.length() >= 2 && value.startsWith("\"")) {
                value = UnicodeText.trim(value.substring(1, value.endsWith("\"") ? value.length() - 1 : value.length()));
            }
            if (PairValidator.ENGAGEMENT.matcher(value).matches()
                    || (fields.length > 1 && PairValidator.OPPORTUNITY.matcher(value).matches())) {
                return true;
            }
        }
        return false;
    }

    private static IntFunction<String> valuesOf(CSVRecord record) {
        return (i) -> (i < record.size()) ? record.get(i) : null;
    }

    /** Line breaks inside the record's values (CRLF, LF or CR each count once), as the file has them. */
    private static int lineBreaks(CSVRecord record) {
        int breaks = 0;
        for (String value : record) {
            breaks += lineBreaks(value);
        }
        return breaks;
    }

    private static int lineBreaks(String value) {
        int breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** A line of only spaces (any Unicode space) and delimiters is a blank line, not a row. */
    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!UnicodeText.isBlank(value)) {
                return false;
            }
        }
        return true;
    }

}
