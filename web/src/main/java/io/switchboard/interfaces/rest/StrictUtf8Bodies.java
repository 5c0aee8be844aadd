package io.switchboard.interfaces.rest;

import io.switchboard.interfaces.rest.problem.InvalidUtf8Exception;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON request bodies must be UTF-8 (RFC 8259). The JSON parser reads a byte sequence that is not as U+FFFD and the
 * replacement characters would be stored; instead the body is decoded strictly while the parser reads it, and the
 * first malformed sequence refuses the request (400). A body that declares another charset is left to its reader.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 100)
public class StrictUtf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJsonInUtf8(context.getMediaType())) {
            context.setInputStream(new Utf8Checked(context.getInputStream()));
        }
        return context.proceed();
    }

    private static boolean isJsonInUtf8(MediaType type) {
        boolean json = type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
        if (!json) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("UTF-8");
    }

    /** Passes the bytes through unchanged, decoding them on the side; a sequence split across reads is carried over. */
    static final class Utf8Checked extends FilterInputStream {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer discarded = CharBuffer.allocate(4096);
        private byte[] carried = new byte[0];
        private long decoded;
        private boolean ended;

        Utf8Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                check(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                end();
            } else if (n > 0) {
                check(buffer, offset, n);
            }
            return n;
        }

        /** Skipped bytes are read, so that every byte is checked. */
        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 4096)];
            int read = buffer.length == 0 ? 0 : read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check(byte[] buffer, int offset, int length) {
            ByteBuffer bytes;
            if (carried.length == 0) {
                bytes = ByteBuffer.wrap(buffer, offset, length).slice();
            } else {
                bytes = ByteBuffer.allocate(carried.length + length).put(carried).put(buffer, offset, length).flip();
            }
            decode(bytes, false);
            carried = new byte[bytes.remaining()];
            bytes.get(carried);
        }

        private void end() {
            if (!ended) {
                ended = true;
                decode(ByteBuffer.wrap(carried), true);
                carried = new byte[0];
            }
        }

        private void decode(ByteBuffer bytes, boolean last) {
            long start = decoded;
            CoderResult result;
            do {
                discarded.clear();
                result = decoder.decode(bytes, discarded, last);
                if (result.isError()) {
                    throw new InvalidUtf8Exception(start + bytes.position());
                }
            } while (result.isOverflow());
            decoded = start + bytes.position();
        }
    }
}
