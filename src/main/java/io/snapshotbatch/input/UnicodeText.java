package io.snapshotbatch.input;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text as pasted from web pages and spreadsheets: trimming that knows every Unicode space (Java's
 * {@code strip()} keeps the no-break spaces), header names that ignore invisible characters, and
 * messages that show invisible characters escaped so that a value that looks valid is explained.
 */
final class UnicodeText {

    private static final int MAX_POSITIONS = 5;

    private UnicodeText() {
    }

    /** Unicode White_Space: Java's whitespace plus the no-break spaces (U+00A0, U+2007, U+202F) and NEL. */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    /** Format characters (Cf): zero-width space and joiners, BOM, soft hyphen, direction marks. */
    static boolean isFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    /** The value without Unicode whitespace at either end; {@code null} stays {@code null}. */
    static String trim(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    static boolean isBlank(String value) {
        return value == null || trim(value).isEmpty();
    }

    /**
     * A header name as compared with the aliases: compatibility forms folded (full-width letters),
     * spaces of every kind, format characters, {@code _} and dashes of every kind removed, lower case.
     */
    static String foldHeader(String header) {
        if (header == null) {
            return "";
        }
        String compatible = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(compatible.length());
        compatible.codePoints().forEach((cp) -> {
            if (!isSpace(cp) && !isFormat(cp) && cp != '_' && Character.getType(cp) != Character.DASH_PUNCTUATION) {
                folded.appendCodePoint(cp);
            }
        });
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    /** Characters nobody sees on screen: controls, format characters, spaces other than U+0020, unassigned. */
    static boolean isInvisible(int codePoint) {
        if (codePoint == ' ') {
            return false;
        }
        int type = Character.getType(codePoint);
        return isSpace(codePoint) || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || codePoint == 0xFFFD;
    }

    /** Invisible characters written as {@code \u00A0}; everything else as is. */
    static String escapeInvisible(String value) {
        return escape(value, false);
    }

    /**
     * For values that must be printable ASCII (ids, catalog, template): every other character escaped,
     * e.g. {@code 'O66599395\u00A0' (\u00A0 at position 10)}, so a look-alike cannot pass for the real thing.
     */
    static String quoteForReason(String value) {
        String escaped = "'" + escape(value, true) + "'";
        List<String> positions = new ArrayList<>();
        int position = 0;
        int count = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int cp = value.codePointAt(i);
            position++;
            if (!isPrintableAscii(cp)) {
                count++;
                if (positions.size() < MAX_POSITIONS) {
                    positions.add(codeOf(cp) + " at position " + position);
                }
            }
        }
        if (count == 0) {
            return escaped;
        }
        String more = (count > positions.size()) ? " and " + (count - positions.size()) + " more" : "";
        return escaped + " (" + String.join(", ", positions) + more + ")";
    }

    private static String escape(String value, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach((cp) -> {
            if (cp == '\t') {
                out.append("\\t");
            }
            else if (cp == '\n') {
                out.append("\\n");
            }
            else if (cp == '\r') {
                out.append("\\r");
            }
            else if (asciiOnly ? !isPrintableAscii(cp) : isInvisible(cp)) {
                out.append(codeOf(cp));
            }
            else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isPrintableAscii(int codePoint) {
        return codePoint >= 0x20 && codePoint < 0x7F;
    }

    private static String codeOf(int codePoint) {
        if (codePoint == '\t') {
            return "\\t";
        }
        if (codePoint == '\n') {
            return "\\n";
        }
        if (codePoint == '\r') {
            return "\\r";
        }
        return (codePoint > 0xFFFF) ? "\\u{%X}".formatted(codePoint) : "\\u%04X".formatted(codePoint);
    }

}
