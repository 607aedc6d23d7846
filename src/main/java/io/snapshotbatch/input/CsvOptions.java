package io.snapshotbatch.input;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * What {@code --encoding} and {@code --delimiter} force; a {@code null} field is detected from the file.
 *
 * @param encoding the character set, or {@code null}: the BOM decides, else UTF-8 if valid, else Windows-1252
 * @param delimiter the field separator, or {@code null}: Excel's {@code sep=} line, else the header line decides
 */
public record CsvOptions(Charset encoding, Character delimiter) {

    public static final CsvOptions DETECT = new CsvOptions(null, null);

    public CsvOptions {
        if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
            throw new InputException("--delimiter cannot be a quote or a line break");
        }
    }

    /**
     * From the command line: {@code --encoding} takes a Java character set name (plus Notepad's {@code ANSI}
     * and {@code Unicode}); {@code --delimiter} one character, or {@code tab}.
     */
    public static CsvOptions parse(String encoding, String delimiter) {
        return new CsvOptions((encoding == null) ? null : charset(encoding), (delimiter == null) ? null : delimiter(delimiter));
    }

    private static Charset charset(String name) {
        String trimmed = name.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "ansi":
                return DecodingReader.WINDOWS_1252;
            case "unicode":
                return StandardCharsets.UTF_16LE;
            default:
                break;
        }
        try {
            return Charset.forName(trimmed);
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new InputException("--encoding: unknown encoding '" + name
                    + "'; give e.g. UTF-8, windows-1252, UTF-16LE, UTF-16BE or x-MacRoman");
        }
    }

    private static char delimiter(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "tab", "\\t", "\t":
                return '\t';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            default:
                break;
        }
        if (text.length() != 1) {
            throw new InputException("--delimiter must be one character (e.g. ';', ',' or '|') or 'tab', got '"
                    + UnicodeText.escapeInvisible(text) + "'");
        }
        return text.charAt(0);
    }

    /** How a delimiter reads in a message. */
    static String name(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            default -> "'" + UnicodeText.escapeInvisible(String.valueOf(delimiter)) + "'";
        };
    }

}
