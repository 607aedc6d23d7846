package io.snapshotbatch.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file is valid UTF-8 from a given byte on, read in chunks and kept nowhere. Runs at most
 * once per read of the input, and only for a file that has a non-ASCII byte.
 */
final class Utf8Scan {

    private static final int BUFFER = 64 * 1024;

    /** The first byte that is not UTF-8: its line and value. */
    record Invalid(int line, int value) {
    }

    /** The limit was reached before the end of the file: valid UTF-8 as far as seen. */
    static final Invalid NOT_SEEN = new Invalid(0, -1);

    private final Path file;

    private final long limit;

    /** @param limit how many bytes to look at, at most; beyond that the file is taken to be UTF-8 */
    Utf8Scan(Path file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    /**
     * The first invalid byte at or after {@code offset}, which is on {@code line}; {@code null} if there is
     * none, {@link #NOT_SEEN} if there is none before the limit.
     */
    Invalid firstInvalid(long offset, int line) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer scratch = CharBuffer.allocate(BUFFER);
        LineCount lines = new LineCount(line);
        long read = 0;
        try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.READ)) {
            channel.position(offset);
            boolean end = false;
            while (!end) {
                int n = (read < this.limit) ? channel.read(bytes) : -1;
                end = (n < 0);
                read += Math.max(n, 0);
                bytes.flip();
                while (true) {
                    int from = bytes.position();
                    CoderResult result = decoder.decode(bytes, scratch, end && read < this.limit);
                    lines.count(bytes, from, bytes.position());
                    scratch.clear();
                    if (result.isError()) {
                        return new Invalid(lines.line, bytes.get(bytes.position()) & 0xFF);
                    }
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
            return (read >= this.limit) ? NOT_SEEN : null;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Line breaks are ASCII bytes, the same in UTF-8 and in Windows-1252. */
    private static final class LineCount {

        int line;

        boolean lastCr;

        LineCount(int line) {
            this.line = line;
        }

        void count(ByteBuffer bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = bytes.get(i);
                if (b == '\n') {
                    if (!this.lastCr) {
                        this.line++;
                    }
                    this.lastCr = false;
                }
                else if (b == '\r') {
                    this.line++;
                    this.lastCr = true;
                }
                else {
                    this.lastCr = false;
                }
            }
        }

    }

}
