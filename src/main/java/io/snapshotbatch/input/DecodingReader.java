package io.snapshotbatch.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the input's bytes as they stream by, counting lines so that a byte the encoding does not
 * allow is reported with its line ({@link Undecodable}). In automatic mode (no BOM, no {@code --encoding})
 * the first non-ASCII byte decides for the whole file: UTF-8 if every byte from there on is valid UTF-8
 * (checked by {@link Utf8Scan}, which reads ahead without keeping anything), otherwise Windows-1252.
 * Since everything before that byte is ASCII, both readings of it agree, so the decision is exact.
 */
final class DecodingReader extends Reader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int BUFFER = 16 * 1024;

    /** Told once, in automatic mode, that the file is not UTF-8 and where the first proof of it is. */
    interface Decision {

        void windows1252(Utf8Scan.Invalid firstInvalid);

    }

    /** A byte sequence the file's encoding does not allow. */
    static final class Undecodable extends RuntimeException {

        final int line;

        final String bytes;

        final Charset charset;

        Undecodable(int line, String bytes, Charset charset) {
            super("line " + line + ": " + bytes + " not valid " + charset.name());
            this.line = line;
            this.bytes = bytes;
            this.charset = charset;
        }

    }

    private final InputStream in;

    private final Utf8Scan scan;

    private final Decision decision;

    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();

    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();

    private CharsetDecoder decoder;

    private boolean undecided;

    private boolean lenient;

    private boolean tentative;

    private long offset;

    private int line = 1;

    private boolean lastCr;

    private boolean endOfInput;

    private boolean finished;

    /** Decodes {@code in} strictly in {@code charset}. */
    DecodingReader(InputStream in, Charset charset) {
        this(in, charset, null, 0, null);
    }

    /** Automatic mode: {@code scan} checks the rest of the file from the first non-ASCII byte, at {@code offset}+. */
    DecodingReader(InputStream in, Utf8Scan scan, long offset, Decision decision) {
        this(in, StandardCharsets.UTF_8, scan, offset, decision);
    }

    private DecodingReader(InputStream in, Charset charset, Utf8Scan scan, long offset, Decision decision) {
        this.in = in;
        this.scan = scan;
        this.offset = offset;
        this.decision = decision;
        this.undecided = (scan != null);
        use(charset);
    }

    /** The encoding in use: in automatic mode, UTF-8 until a non-ASCII byte decided otherwise. */
    Charset charset() {
        return this.decoder.charset();
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!this.chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, this.chars.remaining());
        this.chars.get(buffer, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        this.in.close();
    }

    private boolean fill() throws IOException {
        this.chars.clear();
        while (this.chars.position() == 0 && !this.finished) {
            if (!this.endOfInput && this.bytes.remaining() < 4) {
                this.bytes.compact();
                int n = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
                if (n < 0) {
                    this.endOfInput = true;
                }
                else {
                    this.bytes.position(this.bytes.position() + n);
                }
                this.bytes.flip();
            }
            decodeAvailable();
        }
        this.chars.flip();
        return this.chars.hasRemaining();
    }

    private void decodeAvailable() {
        if (this.undecided) {
            int firstHigh = firstNonAscii();
            if (firstHigh >= 0) {
                decide(firstHigh);
            }
        }
        boolean last = this.endOfInput;
        while (true) {
            int charsBefore = this.chars.position();
            int bytesBefore = this.bytes.position();
            CoderResult result = this.decoder.decode(this.bytes, this.chars, last);
            this.offset += this.bytes.position() - bytesBefore;
            countLines(charsBefore);
            if (result.isUnmappable() && this.lenient) {
                if (!this.chars.hasRemaining()) {
                    break;
                }
                // Five bytes have no Windows-1252 character; read them as browsers do (U+0081 ...).
                this.chars.put((char) (this.bytes.get() & 0xFF));
                this.offset++;
                continue;
            }
            if (result.isError() && this.tentative) {
                // Only a look at the head was asked for, and the head was UTF-8: the rest is not.
                switchToWindows1252(new Utf8Scan.Invalid(this.line, this.bytes.get(this.bytes.position()) & 0xFF));
                continue;
            }
            if (result.isError()) {
                throw new Undecodable(this.line, describe(result.length()), this.decoder.charset());
            }
            break;
        }
        if (last && !this.bytes.hasRemaining() && this.chars.hasRemaining()) {
            this.decoder.flush(this.chars);
            this.finished = true;
        }
    }

    /** Index of the first byte of the buffer above 0x7F, or -1. */
    private int firstNonAscii() {
        byte[] array = this.bytes.array();
        for (int i = this.bytes.position(); i < this.bytes.limit(); i++) {
            if (array[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Decides as soon as a non-ASCII byte is in the buffer, so that even a look at the head knows. */
    private void decide(int firstHigh) {
        this.undecided = false;
        int lineThere = this.line;
        boolean cr = this.lastCr;
        for (int i = this.bytes.position(); i < firstHigh; i++) {
            byte b = this.bytes.get(i);
            if (b == '\r' || (b == '\n' && !cr)) {
                lineThere++;
            }
            cr = (b == '\r');
        }
        long offsetThere = this.offset + (firstHigh - this.bytes.position());
        Utf8Scan.Invalid invalid = this.scan.firstInvalid(offsetThere, lineThere);
        if (invalid == Utf8Scan.NOT_SEEN) {
            this.tentative = true;
        }
        else if (invalid != null) {
            switchToWindows1252(invalid);
        }
    }

    private void switchToWindows1252(Utf8Scan.Invalid invalid) {
        use(WINDOWS_1252);
        this.lenient = true;
        this.tentative = false;
        if (this.decision != null) {
            this.decision.windows1252(invalid);
        }
    }

    private void use(Charset charset) {
        this.decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private void countLines(int from) {
        char[] array = this.chars.array();
        for (int i = from; i < this.chars.position(); i++) {
            char c = array[i];
            if (c == '\n') {
                if (!this.lastCr) {
                    this.line++;
                }
                this.lastCr = false;
            }
            else if (c == '\r') {
                this.line++;
                this.lastCr = true;
            }
            else {
                this.lastCr = false;
            }
        }
    }

    private String describe(int length) {
        StringBuilder text = new StringBuilder((length == 1) ? "byte" : "bytes");
        int shown = Math.min(Math.min(length, 4), this.bytes.remaining());
        for (int i = 0; i < shown; i++) {
            text.append(" 0x%02X".formatted(this.bytes.get(this.bytes.position() + i) & 0xFF));
        }
        return text.toString();
    }

}
