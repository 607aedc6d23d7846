package io.snapshotbatch.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over an input file, streamed: the encoding (BOM, {@code --encoding}, else detected), Excel's
 * {@code sep=} line and PowerShell's {@code #TYPE} line skipped, the delimiter, and Commons CSV's records
 * with every failure turned into an {@link InputException} that names the line.
 */
final class CsvFile implements AutoCloseable {

    private static final Pattern SEP_LINE = Pattern.compile("\"?sep=(.)\"?[,;\\t]*", Pattern.CASE_INSENSITIVE);

    private static final Pattern TYPE_LINE = Pattern.compile("#TYPE .*");

    private static final char[] CANDIDATES = { ',', ';', '\t' };

    /** How far the header may be from the start of the file. */
    private static final int HEAD_CHARS = 1024 * 1024;

    private final CsvProblems problems;

    private final InputStream stream;

    private final DecodingReader decoding;

    private final LineTracker lines;

    private final String encodingSource;

    private final char delimiter;

    private final String delimiterSource;

    private final int firstLine;

    private final CSVParser parser;

    private final Iterator<CSVRecord> records;

    private String windows1252Reason;

    private CsvFile(Path file, CsvOptions options, long scanLimit, Consumer<String> decisionLog) throws IOException {
        this.problems = new CsvProblems(file);
        this.stream = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            Charset bom = readByteOrderMark();
            if (options.encoding() != null) {
                if (bom != null && !compatible(options.encoding(), bom)) {
                    throw this.problems.bomContradictsEncoding(bom, options.encoding());
                }
                this.decoding = new DecodingReader(this.stream, (bom != null) ? bom : options.encoding());
                this.encodingSource = "given by --encoding";
            }
            else if (bom != null) {
                this.decoding = new DecodingReader(this.stream, bom);
                this.encodingSource = "byte order mark";
            }
            else {
                this.decoding = new DecodingReader(this.stream, new Utf8Scan(file, scanLimit), 0, (invalid) -> {
                    this.windows1252Reason = "not UTF-8: line %d has byte 0x%02X".formatted(invalid.line(), invalid.value());
                    if (decisionLog != null) {
                        decisionLog.accept(this.windows1252Reason);
                    }
                });
                this.encodingSource = "no byte order mark";
            }
            this.lines = new LineTracker(this.decoding);
            BufferedReader reader = new BufferedReader(this.lines, 8192);
            reader.mark(HEAD_CHARS);
            int preamble = 0;
            Character sep = null;
            String header = null;
            for (String line = readLine(reader); line != null; line = readLine(reader)) {
                Matcher sepLine = SEP_LINE.matcher(line);
                if (preamble < 2 && header == null && sepLine.matches() && sep == null) {
                    sep = sepLine.group(1).charAt(0);
                }
                else if (preamble < 2 && header == null && TYPE_LINE.matcher(line).matches()) {
                    // PowerShell 5's Export-Csv writes "#TYPE System.Management..." unless -NoTypeInformation.
                }
                else {
                    header = line;
                    if (!UnicodeText.isBlank(line)) {
                        break;
                    }
                    continue;
                }
                preamble++;
                reader.mark(HEAD_CHARS);
            }
            if (header == null || UnicodeText.isBlank(header)) {
                throw this.problems.empty();
            }
            reader.reset();
            this.firstLine = preamble + 1;
            if (options.delimiter() != null) {
                this.delimiter = options.delimiter();
                this.delimiterSource = "given by --delimiter";
            }
            else if (sep != null) {
                this.delimiter = sep;
                this.delimiterSource = "from the sep= line";
            }
            else {
                this.delimiter = detectDelimiter(header);
                this.delimiterSource = "detected from the header";
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(this.delimiter).setIgnoreEmptyLines(true).get();
            this.parser = CSVParser.parse(reader, format);
            this.records = this.parser.iterator();
        }
        catch (IOException | RuntimeException ex) {
            this.stream.close();
            throw ex;
        }
    }

    /** Opens the file; {@code scanLimit} bounds the UTF-8 check of automatic mode, {@code decisionLog} hears its outcome. */
    static CsvFile open(Path file, CsvOptions options, long scanLimit, Consumer<String> decisionLog) {
        CsvProblems problems = new CsvProblems(file);
        if (Files.isDirectory(file)) {
            throw problems.fileLevel("is a directory, not a CSV file", "give the path of the file");
        }
        try {
            return new CsvFile(file, options, scanLimit, decisionLog);
        }
        catch (NoSuchFileException ex) {
            throw problems.fileLevel("does not exist", "check the path given to --input");
        }
        catch (AccessDeniedException ex) {
            throw problems.fileLevel("cannot be read (permission denied)", "let the job's user read it");
        }
        catch (IOException | UncheckedIOException ex) {
            throw problems.fileLevel("cannot be read: " + ex.getMessage(), "check the file");
        }
    }

    /** The next record, or {@code null} at the end; {@code rowLine} is the first line the record may start on. */
    CSVRecord next(int rowLine) {
        try {
            return this.records.hasNext() ? this.records.next() : null;
        }
        catch (UncheckedIOException ex) {
            throw this.problems.parserFailure(ex.getCause(), this.firstLine - 1, this.lines, this.delimiter);
        }
        catch (DecodingReader.Undecodable ex) {
            throw this.problems.undecodable(ex, this.encodingSource);
        }
        catch (LineTracker.RunawayRow ex) {
            throw this.problems.runaway(this.lines.nextNonEmptyLine(rowLine), ex.line);
        }
    }

    LineTracker lines() {
        return this.lines;
    }

    char delimiter() {
        return this.delimiter;
    }

    /** The first line after the {@code sep=} and {@code #TYPE} lines. */
    int firstLine() {
        return this.firstLine;
    }

    /** The encoding's name, for the summary's {@code input_encoding}. */
    String encoding() {
        return this.decoding.charset().name();
    }

    /** The encoding and the delimiter, and why, for the log. */
    String describe() {
        String why = (this.windows1252Reason != null) ? this.windows1252Reason : this.encodingSource;
        return "encoding %s (%s), %s-separated (%s)".formatted(encoding(), why, CsvOptions.name(this.delimiter),
                this.delimiterSource);
    }

    @Override
    public void close() {
        try {
            this.parser.close();
        }
        catch (IOException | UncheckedIOException ex) {
            // Closing a file we only read cannot lose anything.
        }
    }

    private Charset readByteOrderMark() throws IOException {
        this.stream.mark(4);
        byte[] head = this.stream.readNBytes(3);
        this.stream.reset();
        Charset bom = null;
        int length = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = StandardCharsets.UTF_8;
            length = 3;
        }
        else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            bom = StandardCharsets.UTF_16LE;
            length = 2;
        }
        else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            bom = StandardCharsets.UTF_16BE;
            length = 2;
        }
        this.stream.skipNBytes(length);
        return bom;
    }

    /** {@code --encoding UTF-16} agrees with either UTF-16 BOM; otherwise the names must agree. */
    private static boolean compatible(Charset forced, Charset bom) {
        return forced.equals(bom) || (forced.name().equals("UTF-16") && bom.name().startsWith("UTF-16"));
    }

    private String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (DecodingReader.Undecodable ex) {
            throw this.problems.undecodable(ex, this.encodingSource);
        }
        catch (LineTracker.RunawayRow ex) {
            throw this.problems.at(ex.line, "the file has no line break in its first million characters",
                    "This is not a CSV file with one row per line; check the file given to --input");
        }
    }

    /**
     * Comma, semicolon or tab: the one that splits the header into names with both required columns,
     * else the one that occurs most (so that the header error names the columns as the user sees them).
     */
    static char detectDelimiter(String header) {
        char best = ',';
        int bestScore = 0;
        for (char candidate : CANDIDATES) {
            List<String> names = CsvProblems.splitHeader(header, candidate);
            int score = (names.size() - 1) + ((ColumnMapping.find(names) != null) ? 1_000_000 : 0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

}
