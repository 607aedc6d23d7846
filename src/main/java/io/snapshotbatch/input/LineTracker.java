package io.snapshotbatch.input;

import java.io.IOException;
import java.io.Reader;
import java.util.BitSet;

/**
 * Passes the decoded text to the CSV parser while numbering physical lines the way an editor does
 * (CRLF, LF and CR each end one line). It remembers which lines are empty (the parser skips them, so a
 * row's first line is the next non-empty one), the text of the last few lines for messages, and how
 * much has been read since the last row ended: a quote that never closes would otherwise make the parser
 * gather the rest of the file into one value, in memory ({@link RunawayRow}).
 */
final class LineTracker extends Reader {

    private static final int RECENT = 512;

    private static final int SHOWN = 256;

    /** More characters than this since the last row ended means one row is swallowing the file. */
    static final long MAX_ROW_CHARS = 1_000_000;

    /** One row has grown beyond {@link #MAX_ROW_CHARS}; {@code line} is where reading has got to. */
    static final class RunawayRow extends RuntimeException {

        final int line;

        RunawayRow(int line) {
            super("a row runs on to line " + line);
            this.line = line;
        }

    }

    private final Reader in;

    private final BitSet empty = new BitSet();

    private final String[] recentText = new String[RECENT];

    private final int[] recentLine = new int[RECENT];

    private final StringBuilder text = new StringBuilder(SHOWN);

    private int line = 1;

    private int length;

    private boolean lastCr;

    private boolean ended;

    private long sinceRowEnd;

    private long read;

    LineTracker(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = this.in.read(buffer, off, len);
        if (n < 0) {
            this.ended = true;
            return n;
        }
        for (int i = off; i < off + n; i++) {
            char c = buffer[i];
            if (c == '\n') {
                if (!this.lastCr) {
                    endLine();
                }
                this.lastCr = false;
            }
            else if (c == '\r') {
                endLine();
                this.lastCr = true;
            }
            else {
                this.lastCr = false;
                this.length++;
                if (this.text.length() < SHOWN) {
                    this.text.append(c);
                }
            }
        }
        this.sinceRowEnd += n;
        this.read += n;
        if (this.sinceRowEnd > MAX_ROW_CHARS) {
            throw new RunawayRow(this.line);
        }
        return n;
    }

    private void endLine() {
        if (this.length == 0) {
            this.empty.set(this.line);
        }
        int slot = this.line % RECENT;
        this.recentLine[slot] = this.line;
        this.recentText[slot] = this.text.toString();
        this.text.setLength(0);
        this.length = 0;
        this.line++;
    }

    /** Characters read so far (the parser reads a little ahead of the rows it has handed over). */
    long charsRead() {
        return this.read;
    }

    /** The parser has handed over a row: what it reads next belongs to the next one. */
    void rowEnded() {
        this.sinceRowEnd = 0;
    }

    /** The first line at or after {@code line} that is not empty (a row starts on it). */
    int nextNonEmptyLine(int line) {
        return this.empty.nextClearBit(line);
    }

    /** The number of the last line read so far (a final line break does not start another line). */
    int lastLine() {
        return (this.length == 0 && this.line > 1 && this.ended) ? this.line - 1 : this.line;
    }

    /** The start of a recent line, for messages; {@code null} once it is too far back. */
    String text(int line) {
        if (line == this.line) {
            return this.text.toString();
        }
        int slot = line % RECENT;
        return (line > 0 && this.recentLine[slot] == line) ? this.recentText[slot] : null;
    }

    @Override
    public void close() throws IOException {
        this.in.close();
    }

}
