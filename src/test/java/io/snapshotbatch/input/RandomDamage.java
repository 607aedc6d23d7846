package io.snapshotbatch.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A random valid input (random columns, delimiter, line ends and encoding) and random damage done to it
 * the way files get damaged: lines split, joined, duplicated, truncated or left blank, line ends mixed, a
 * total line or a second header added, stray quotes, invisible characters pasted in.
 */
final class RandomDamage {

    private static final String[] LINE_ENDS = { "\n", "\r\n", "\r" };

    private static final char[] DELIMITERS = { ',', ';', '\t' };

    private static final String[] INVISIBLE = { "\u00a0", "\u200b", "\ufeff", "\u202f", "\u3000", "\u00ad" };

    private static final Charset[] ENCODINGS = { StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, CsvCorpus.WINDOWS_1252 };

    private static final Pattern LINE = Pattern.compile("\r\n|\r|\n");

    final Random random;

    final char delimiter;

    final String lineEnd;

    final Charset encoding;

    final boolean bom;

    final List<String> damage = new ArrayList<>();

    /** Physical lines after damage; line 1 is the header, which is never damaged. */
    String text;

    RandomDamage(long seed) {
        this.random = new Random(seed);
        this.delimiter = DELIMITERS[this.random.nextInt(DELIMITERS.length)];
        this.lineEnd = LINE_ENDS[this.random.nextInt(LINE_ENDS.length)];
        this.encoding = ENCODINGS[this.random.nextInt(ENCODINGS.length)];
        this.bom = !this.encoding.equals(CsvCorpus.WINDOWS_1252)
                && (this.encoding != StandardCharsets.UTF_8 || this.random.nextBoolean());
        List<String> columns = new ArrayList<>(List.of("engagement_id", "opportunity_id", "Customer"));
        if (this.random.nextBoolean()) {
            columns.add("catalog");
        }
        java.util.Collections.shuffle(columns, this.random);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(String.valueOf(this.delimiter), columns));
        int rows = 5 + this.random.nextInt(40);
        for (int n = 1; n <= rows; n++) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(switch (column) {
                    case "engagement_id" -> CsvCorpus.eng(n);
                    case "opportunity_id" -> "O" + (7000 + n);
                    case "catalog" -> "Sandbox";
                    default -> customer(n);
                });
            }
            lines.add(String.join(String.valueOf(this.delimiter), values));
        }
        this.text = String.join(this.lineEnd, lines) + this.lineEnd;
    }

    /** Structural damage first (on a file without quotes), then characters: stray quotes and invisible ones. */
    RandomDamage damaged() {
        int structural = this.random.nextInt(4);
        for (int i = 0; i < structural; i++) {
            structural();
        }
        int characters = this.random.nextInt(4);
        for (int i = 0; i < characters; i++) {
            character();
        }
        return this;
    }

    byte[] bytes() {
        return ((this.bom ? "\ufeff" : "") + this.text).getBytes(this.encoding);
    }

    String describe() {
        return "%s%s, delimiter %s, line end %s, damage %s".formatted(this.encoding.name(), this.bom ? " BOM" : "",
                CsvOptions.name(this.delimiter), this.lineEnd.replace("\r", "CR").replace("\n", "LF"), this.damage);
    }

    /** The physical lines of the damaged file, as an editor numbers them (index 0 = line 1). */
    List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(LINE.split(this.text, -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * Line numbers of the lines after the header that hold more than empty values (a line of empty values,
     * quoted or not, is a blank line).
     */
    List<Integer> dataLines() {
        List<String> lines = lines();
        List<Integer> data = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            boolean blank = true;
            for (String field : lines.get(i).split(Pattern.quote(String.valueOf(this.delimiter)), -1)) {
                // Empty, or an empty quoted value ("" with nothing before it; spaces may follow the quote).
                blank &= UnicodeText.isBlank(field) || field.stripTrailing().equals("\"\"");
            }
            if (!blank) {
                data.add(i + 1);
            }
        }
        return data;
    }

    private String customer(int n) {
        String[] names = { "Contoso", "Caf\u00e9 Lumi\u00e8re", "\u20acuro Trading", "Northwind", "Fabrikam Ltd" };
        return names[(n + this.random.nextInt(names.length)) % names.length];
    }

    private void structural() {
        List<String> lines = lines();
        if (lines.size() < 2) {
            return;
        }
        int at = 1 + this.random.nextInt(lines.size() - 1);
        String line = lines.get(at);
        switch (this.random.nextInt(8)) {
            case 0 -> {
                lines.add(at, this.random.nextBoolean() ? "" : "  \t ");
                this.damage.add("blank line before " + (at + 1));
            }
            case 1 -> {
                int cut = this.random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, cut));
                lines.add(at + 1, line.substring(cut));
                this.damage.add("line " + (at + 1) + " split at " + cut);
            }
            case 2 -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, line + lines.remove(at + 1));
                    this.damage.add("lines " + (at + 1) + " and " + (at + 2) + " joined");
                }
            }
            case 3 -> {
                lines.add(at, line);
                this.damage.add("line " + (at + 1) + " repeated");
            }
            case 4 -> {
                String total = "Total" + String.valueOf(this.delimiter).repeat(lines.get(0).split(
                        Pattern.quote(String.valueOf(this.delimiter)), -1).length - 1);
                lines.add(total);
                this.damage.add("total line");
            }
            case 5 -> {
                lines.add(at, (this.encoding.equals(CsvCorpus.WINDOWS_1252) ? "" : "\ufeff") + lines.get(0));
                this.damage.add("header repeated on line " + (at + 1));
            }
            case 6 -> {
                int cut = this.random.nextInt(line.length() + 1);
                while (lines.size() > at + 1) {
                    lines.remove(lines.size() - 1);
                }
                lines.set(at, line.substring(0, cut));
                this.text = String.join(this.lineEnd, lines);
                this.damage.add("file cut in line " + (at + 1));
                return;
            }
            default -> {
                if (at + 1 < lines.size()) {
                    String other = LINE_ENDS[this.random.nextInt(LINE_ENDS.length)];
                    this.text = String.join(this.lineEnd, lines.subList(0, at + 1)) + other
                            + String.join(this.lineEnd, lines.subList(at + 1, lines.size())) + this.lineEnd;
                    this.damage.add("line end after line " + (at + 1) + " is " + other.replace("\r", "CR").replace("\n", "LF"));
                    return;
                }
            }
        }
        this.text = String.join(this.lineEnd, lines) + this.lineEnd;
    }

    private void character() {
        int headerEnd = this.text.indexOf(this.lineEnd) + this.lineEnd.length();
        int position = headerEnd + this.random.nextInt(this.text.length() - headerEnd + 1);
        String inserted;
        if (this.random.nextInt(2) == 0) {
            // A stray quote: at the start of a field (it opens a quoted value), at the end of one (an inch
            // mark, which closes a quote opened before) or anywhere (a literal).
            int where = this.random.nextInt(3);
            while (where == 0 && position > headerEnd && !isBoundary(this.text.charAt(position - 1))) {
                position--;
            }
            while (where == 1 && position < this.text.length() && !isBoundary(this.text.charAt(position))) {
                position++;
            }
            inserted = "\"";
        }
        else {
            inserted = this.encoding.equals(CsvCorpus.WINDOWS_1252) ? "\u00a0"
                    : INVISIBLE[this.random.nextInt(INVISIBLE.length)];
        }
        this.text = this.text.substring(0, position) + inserted + this.text.substring(position);
        this.damage.add("%s at %d".formatted(UnicodeText.escapeInvisible(inserted), position));
    }

    private boolean isBoundary(char c) {
        return c == '\r' || c == '\n' || c == this.delimiter;
    }

}
