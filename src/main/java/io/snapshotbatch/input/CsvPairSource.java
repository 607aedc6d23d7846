package io.snapshotbatch.input;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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

    /** How much of the file {@link #checkReadable()} looks at: its UTF-8 check, and the rows it parses. */
    private static final long HEAD_BYTES = 1024 * 1024;

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
     * Fails fast, before anything is locked or started, when the file, its encoding, its header or the
     * quoting of its first rows (about the first megabyte) is unusable. Reads only the head of the file.
     * @throws InputException with one line saying which line is at fault and how to fix it
     */
    public CsvLayout checkReadable() {
        try (CsvFile csv = CsvFile.open(this.file, this.options, HEAD_BYTES, null)) {
            Header header = readHeader(csv);
            readRows(csv, header, (row) -> {
            }, HEAD_BYTES);
            return new CsvLayout(csv.encoding(), csv.delimiter(), header.line, header.names);
        }
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        try (CsvFile csv = CsvFile.open(this.file, this.options, Long.MAX_VALUE, (reason) -> logger
            .info("Input file {} is {}: reading it as Windows-1252, as Excel on Windows writes it", this.file, reason))) {
            Header header = readHeader(csv);
            Count count = readRows(csv, header, sink, Long.MAX_VALUE);
            this.inputEncoding = csv.encoding();
            logger.info("Read {} rows from {} (lines 1-{}, header on line {}{}); {}", count.rows, this.file,
                    csv.lines().lastLine(), header.line,
                    (count.repeatedHeaders > 0) ? ", repeated on " + count.repeatedHeaders + " more lines" : "",
                    csv.describe());
        }
    }

    private static final class Count {

        int rows;

        int repeatedHeaders;

    }

    /** Hands every row to {@code sink}, stopping after the record that crosses {@code limit} characters. */
    private Count readRows(CsvFile csv, Header header, Consumer<PairRecord> sink, long limit) {
        ColumnMapping mapping = header.mapping;
        SwallowedLines swallowed = new SwallowedLines(csv.delimiter(), header.names.size(), new CsvProblems(this.file));
        int nextLine = header.nextLine;
        Count count = new Count();
        CSVRecord record;
        while (csv.lines().charsRead() <= limit && (record = csv.next(nextLine)) != null) {
            int line = csv.lines().nextNonEmptyLine(nextLine);
            nextLine = line + lineBreaks(record) + 1;
            csv.lines().rowEnded();
            if (isBlank(record)) {
                continue;
            }
            swallowed.check(record, line);
            IntFunction<String> values = valuesOf(record);
            String engagement = mapping.raw(InputColumn.ENGAGEMENT, values);
            if (engagement == null || !engagement.startsWith("eng-")) {
                // Exports joined into one file: the header again. Its columns apply from here on; the
                // line itself becomes a REJECTED row (REPEATED_HEADER), so it is accounted for.
                ColumnMapping again = ColumnMapping.find(record.toList());
                if (again != null) {
                    mapping = again;
                    count.repeatedHeaders++;
                }
            }
            sink.accept(mapping.toRecord(line, values));
            count.rows++;
        }
        return count;
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

    static int lineBreaks(String value) {
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
