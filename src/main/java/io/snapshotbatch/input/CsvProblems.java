package io.snapshotbatch.input;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every way an input file can be unreadable, each as one line for the operator: the file, the line,
 * what is wrong and how to fix it (in the terms of the program that made the file).
 */
final class CsvProblems {

    static final String SAVE_AS_UTF8 = "in Excel: File > Save As > CSV UTF-8 (Comma delimited)";

    private static final Pattern START_LINE = Pattern.compile("\\(startline ([^)]*)\\)");

    private static final Pattern AT_LINE = Pattern.compile("at line: (.*?), position");

    private final Path file;

    CsvProblems(Path file) {
        this.file = file;
    }

    InputException fileLevel(String what, String fix) {
        return new InputException("Input file %s %s: %s".formatted(this.file, what, fix));
    }

    InputException at(int line, String what, String fix) {
        return new InputException("Input file %s, line %d: %s. %s".formatted(this.file, line, what, fix));
    }

    InputException empty() {
        return fileLevel("is empty", "it needs a header row (engagement_id,opportunity_id) and one row per pair");
    }

    InputException bomContradictsEncoding(Charset bom, Charset forced) {
        return at(1, "the file starts with a %s byte order mark, but --encoding says %s".formatted(bom.name(),
                forced.name()), "Leave --encoding out: the byte order mark tells the encoding");
    }

    InputException undecodable(DecodingReader.Undecodable ex, String encodingSource) {
        String why = switch (encodingSource) {
            case "given by --encoding" -> " (the encoding --encoding gives)";
            case "byte order mark" -> ", although the file starts with a " + ex.charset.name() + " byte order mark";
            default -> "";
        };
        String what = "%s not valid %s%s".formatted((ex.bytes.startsWith("bytes") ? ex.bytes + " are" : ex.bytes + " is"),
                ex.charset.name(), why);
        String fix = switch (encodingSource) {
            case "given by --encoding" -> "Give the file's real encoding with --encoding, or leave it out to have it "
                    + "detected; or save the file again, " + SAVE_AS_UTF8;
            case "byte order mark" -> "Part of the file is in another encoding (two exports joined?); save it again, "
                    + SAVE_AS_UTF8;
            default -> "The file changed while it was read, or is damaged; save it again, " + SAVE_AS_UTF8;
        };
        return at(ex.line, what, fix);
    }

    /** The header lacks a required column or names one twice. */
    InputException header(int line, String problem, List<String> names, char delimiter, CsvOptions options) {
        String what = "the header %s (found %d column%s, %s-separated: %s)".formatted(problem, names.size(),
                (names.size() == 1) ? "" : "s", CsvOptions.name(delimiter), ColumnMapping.list(names));
        String joined = String.join("", names);
        String fix;
        if (joined.indexOf('\0') >= 0) {
            fix = "The file looks like UTF-16 without a byte order mark: give --encoding UTF-16LE (or UTF-16BE), "
                    + "or save it again, " + SAVE_AS_UTF8;
        }
        else if (joined.startsWith("\u00EF\u00BB\u00BF") || joined.startsWith("\u00FF\u00FE")
                || joined.startsWith("\u00FE\u00FF")) {
            fix = "The file starts with a byte order mark that --encoding " + options.encoding().name()
                    + " does not read: leave --encoding out";
        }
        else if (names.size() == 1 && options.delimiter() == null) {
            fix = "Separate the columns with commas, semicolons or tabs, or give the separator with --delimiter; "
                    + "the header needs engagement_id and opportunity_id";
        }
        else if (problem.startsWith("has two")) {
            fix = "Each column may appear once";
        }
        else {
            fix = "Name the columns engagement_id and opportunity_id (other accepted names: EngagementIdentifier, "
                    + "resource_id, ResourceIdentifier), and make line " + line + " the header row";
        }
        return at(line, what, fix);
    }

    /** Commons CSV stopped: a quote never closed, or text after a closing quote. */
    InputException parserFailure(Throwable cause, int lineOffset, LineTracker lines, char delimiter) {
        String message = String.valueOf(cause.getMessage());
        Matcher start = START_LINE.matcher(message);
        if (start.find()) {
            int line = number(start.group(1)) + lineOffset;
            String rest = (lines.lastLine() > line) ? ", so lines %d to %d (the end of the file) would all be one value"
                .formatted(line, lines.lastLine()) : " (this is the last line)";
            return at(line, "a quoted value opens here and is never closed" + rest + shown(lines, line),
                    "Close the quote, or remove it if it is part of the text; inside a quoted value write a quote "
                            + "as two quotes (\"12\"\" pipe\")");
        }
        Matcher at = AT_LINE.matcher(message);
        if (at.find()) {
            int line = number(at.group(1)) + lineOffset;
            return at(line, "a quoted value is followed by more text before the next " + CsvOptions.name(delimiter)
                    + shown(lines, line), "Inside a quoted value write each quote as two quotes "
                            + "(\"The \"\"Best\"\" Co\"), or remove the quotes around the value; a spreadsheet "
                            + "program does this when it saves the file as CSV");
        }
        return fileLevel("is not valid CSV: " + message, "save it again from a spreadsheet program as CSV");
    }

    /** A row has gone on for a million characters: a quote that never closes. */
    InputException runaway(int rowLine, int nowLine) {
        if (nowLine <= rowLine) {
            // No line break in a million characters since the row started: one very long line, with or
            // without a quote; "the lines after it" would be wrong.
            return at(rowLine, "the line is longer than a million characters, far too long for a row of ids",
                    "Remove or shorten the long value on it (a pasted document, an image as text?); the job only "
                            + "needs the engagement_id and opportunity_id columns");
        }
        return at(rowLine, "the row starting here runs on to line %d and beyond: a quote opened in it is never "
            .formatted(nowLine) + "closed, so the lines after it would all be one value",
                "Close the quote, or remove it if it is part of the text; inside a quoted value write a quote as "
                        + "two quotes");
    }

    /** A quoted value holds lines that look like rows of their own. */
    InputException swallowed(int quoteLine, int endLine, List<Integer> rowLines, String value) {
        String first = value.lines().findFirst().orElse("");
        first = (first.length() > 40) ? first.substring(0, 40) : first;
        String like = (rowLines.size() == 1) ? "which looks like a row of its own" : "which look like rows of their own";
        return at(quoteLine, "the quoted value that opens here, \"%s..., runs to line %d and swallows %s, %s".formatted(
                UnicodeText.escapeInvisible(first), endLine, lineList(rowLines), like), "Close the quote on line "
                        + quoteLine + ", or remove it if it is part of the text; inside a quoted value write a quote "
                        + "as two quotes");
    }

    private static String lineList(List<Integer> lines) {
        if (lines.size() == 1) {
            return "line " + lines.get(0);
        }
        List<String> shown = lines.stream().limit(10).map(String::valueOf).toList();
        String last = (lines.size() > 10) ? (lines.size() - 10) + " more" : shown.get(shown.size() - 1);
        List<String> head = (lines.size() > 10) ? shown : shown.subList(0, shown.size() - 1);
        return "lines " + String.join(", ", head) + " and " + last;
    }

    private static String shown(LineTracker lines, int line) {
        String text = lines.text(line);
        return (text == null || text.isBlank()) ? "" : " (line " + line + ": " + UnicodeText.escapeInvisible(text) + ")";
    }

    private static int number(String formatted) {
        String digits = formatted.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** The header line split for delimiter detection and messages (quotes removed); not the parser. */
    static List<String> splitHeader(String line, char delimiter) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted) {
                names.add(name.toString());
                name.setLength(0);
            }
            else {
                name.append(c);
            }
        }
        names.add(name.toString());
        return names;
    }

}
