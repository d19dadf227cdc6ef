package dev.tlsrpt.mail;

import dev.tlsrpt.TlsRptException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read and fails with {@link LimitSignal} past a limit. The signal is an
 * {@link IOException} so it passes unchanged through mime4j and the core parser, and the front door turns
 * it into the exception it carries (a {@link MessageLimitExceededException}, or the
 * core's {@link dev.tlsrpt.LimitExceededException}).
 */
final class LimitedInput extends FilterInputStream {
    private final long limit;
    private final Supplier<TlsRptException> exceeded;
    private long count;

    /** Fails with the exception {@code exceeded} supplies once more than {@code limit} bytes were read. */
    LimitedInput(InputStream in, long limit, Supplier<TlsRptException> exceeded) {
        super(in);
        this.limit = limit;
        this.exceeded = exceeded;
    }

    /** Fails with a {@link MessageLimitExceededException} for {@code maxMessageBytes} naming {@code what}. */
    static LimitedInput messageBytes(InputStream in, long limit, String what) {
        return new LimitedInput(in, limit, () -> new MessageLimitExceededException("maxMessageBytes", limit,
                what + " is longer than maxMessageBytes (" + limit + " bytes)"));
    }

    private void add(long n) throws LimitSignal {
        count += n;
        if (count > limit) {
            throw new LimitSignal(exceeded.get());
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Carries a mail-layer exception through code that only lets {@link IOException} pass. */
    static final class LimitSignal extends IOException {
        private static final long serialVersionUID = 1L;

        LimitSignal(TlsRptException cause) {
            super(cause.getMessage(), cause);
        }

        TlsRptException exception() {
            return (TlsRptException) getCause();
        }
    }
}
