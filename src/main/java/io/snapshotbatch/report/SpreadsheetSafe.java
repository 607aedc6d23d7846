package io.snapshotbatch.report;

/**
 * Neutralises cells that a spreadsheet would run as a formula (CSV injection): a value starting with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '}, as OWASP advises and
 * spreadsheet-safe CSV writers do.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

}
