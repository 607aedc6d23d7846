package io.snapshotbatch.input;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads pairs from an RFC 4180 CSV file: UTF-8 with an optional BOM, CRLF or LF, header row
 * required, header aliases per {@link InputColumn}, values trimmed, blank lines skipped.
 */
public final class CsvPairSource implements PairSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
        .get();

    private final Path file;

    public CsvPairSource(Path file) {
        this.file = file;
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        String text = readText();
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            ColumnMapping mapping = ColumnMapping.of(parser.getHeaderNames(), "Input file " + this.file);
            for (CSVRecord record : parser) {
                if (isBlank(record)) {
                    continue;
                }
                int line = lines.firstNonEmptyLineFrom(record.getCharacterPosition());
                sink.accept(mapping.toRecord(line, (i) -> (i < record.size()) ? record.get(i) : null));
            }
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            throw new InputException("Input file %s is not valid CSV: %s".formatted(this.file, ex.getMessage()), ex);
        }
    }

    /** Fails fast, before anything is locked or started, when the file or its header is unusable. */
    public void checkReadable() {
        String text = readText();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            ColumnMapping.of(parser.getHeaderNames(), "Input file " + this.file);
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            throw new InputException("Input file %s is not valid CSV: %s".formatted(this.file, ex.getMessage()), ex);
        }
    }

    @Override
    public String describe() {
        return "csv:" + this.file.toAbsolutePath().normalize();
    }

    private String readText() {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(this.file)))
                .toString();
            if (text.isBlank()) {
                throw new InputException("Input file " + this.file + " is empty: a header row is required");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (NoSuchFileException ex) {
            throw new InputException("Input file " + this.file + " does not exist", ex);
        }
        catch (CharacterCodingException ex) {
            throw new InputException("Input file " + this.file + " is not UTF-8", ex);
        }
        catch (IOException ex) {
            throw new InputException("Input file " + this.file + " cannot be read: " + ex.getMessage(), ex);
        }
    }

    /** A line of only spaces is a blank line, not a row. */
    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Turns character offsets into 1-based line numbers, so each row reports the line it starts on. */
    private static final class LineIndex {

        private final String text;

        private final int[] lineStarts;

        LineIndex(String text) {
            this.text = text;
            java.util.List<Integer> starts = new java.util.ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int firstNonEmptyLineFrom(long position) {
            int index = java.util.Arrays.binarySearch(this.lineStarts, (int) position);
            int line = (index >= 0) ? index : -index - 2;
            // The parser may report a record's position at the end of a preceding blank line.
            while (line + 1 < this.lineStarts.length && isEmptyLine(line) ) {
                line++;
            }
            return line + 1;
        }

        private boolean isEmptyLine(int line) {
            int start = this.lineStarts[line];
            int end = (line + 1 < this.lineStarts.length) ? this.lineStarts[line + 1] : this.text.length();
            return this.text.substring(start, end).isBlank();
        }

    }

}
