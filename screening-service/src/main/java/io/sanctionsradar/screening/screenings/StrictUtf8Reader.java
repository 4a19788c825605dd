package io.sanctionsradar.screening.screenings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text and refuses a malformed byte sequence, naming its line, where an InputStreamReader would put a
 * U+FFFD in its place without a word (and the name would be screened or stored as something else). Every character
 * before the bad bytes is handed out first, so a parser reading through it fails on the record that holds them.
 */
final class StrictUtf8Reader extends Reader {

    /** The input is not UTF-8 from this line on. */
    static final class MalformedUtf8 extends CharacterCodingException {

        private final long line;

        MalformedUtf8(long line) {
            this.line = line;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return "line " + line + " is not valid UTF-8: save the file as UTF-8";
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip(); // empty until the first fill
    private long line = 1;
    private boolean end;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer chars = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, end);
            int decoded = chars.position() - offset;
            if (decoded > 0) {
                return delivered(target, offset, decoded); // bad bytes stay in the buffer: the next read refuses them
            }
            if (result.isError()) {
                throw new MalformedUtf8(line);
            }
            if (result.isOverflow()) { // one char asked for and a surrogate pair next: read through a BufferedReader
                throw new IllegalArgumentException("read at least two characters at a time");
            }
            if (end) {
                return -1;
            }
            fill();
        }
    }

    private int delivered(char[] target, int offset, int decoded) {
        for (int i = offset; i < offset + decoded; i++) {
            if (target[i] == '\n') {
                line++;
            }
        }
        return decoded;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            end = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
