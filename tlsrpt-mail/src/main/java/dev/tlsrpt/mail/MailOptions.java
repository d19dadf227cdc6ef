package dev.tlsrpt.mail;

import dev.tlsrpt.ParseOptions;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to read a message: the core {@link ParseOptions} for the report inside (lenient or strict, and the
 * report limits such as the decompressed size), and the limits that keep an untrusted message from taking
 * all memory or time. Immutable and thread-safe; each {@code with...} method returns a changed copy.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes per message (64 MiB; RFC 8460 section 5.2 mentions
 * a common receiver limit of ten megabytes), {@value #DEFAULT_MAX_PARTS} MIME parts, multipart nesting depth
 * {@value #DEFAULT_MAX_NESTING_DEPTH}, {@value #DEFAULT_MAX_LINE_LENGTH} bytes per header line,
 * {@value #DEFAULT_MAX_HEADER_FIELD_LENGTH} bytes per header field with its folded lines and
 * {@value #DEFAULT_MAX_HEADER_FIELDS} header fields per part.
 *
 * @since 0.1.0
 */
public final class MailOptions {

    /** Default for {@link #maxMessageBytes()}: 64 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
    /** Default for {@link #maxParts()}. A report message has two or three. */
    public static final int DEFAULT_MAX_PARTS = 1000;
    /** Default for {@link #maxNestingDepth()}. A report message needs 1 or 2. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 20;
    /** Default for {@link #maxLineLength()}: 64 KiB. RFC 5322 allows 998 bytes; DKIM and ARC lines run longer. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
    /** Default for {@link #maxHeaderFieldLength()}: 256 KiB. */
    public static final int DEFAULT_MAX_HEADER_FIELD_LENGTH = 256 * 1024;
    /** Default for {@link #maxHeaderFields()}. */
    public static final int DEFAULT_MAX_HEADER_FIELDS = 10_000;

    private static final MailOptions LENIENT = new MailOptions(new Values());
    private static final MailOptions STRICT = LENIENT.withReportOptions(ParseOptions.strict());

    private final ParseOptions reportOptions;
    private final long maxMessageBytes;
    private final int maxParts;
    private final int maxNestingDepth;
    private final int maxLineLength;
    private final int maxHeaderFieldLength;
    private final int maxHeaderFields;

    private MailOptions(Values v) {
        this.reportOptions = Objects.requireNonNull(v.reportOptions, "reportOptions");
        this.maxMessageBytes = positive(v.maxMessageBytes, "maxMessageBytes");
        this.maxParts = (int) positive(v.maxParts, "maxParts");
        this.maxNestingDepth = (int) positive(v.maxNestingDepth, "maxNestingDepth");
        this.maxLineLength = (int) positive(v.maxLineLength, "maxLineLength");
        this.maxHeaderFieldLength = (int) positive(v.maxHeaderFieldLength, "maxHeaderFieldLength");
        this.maxHeaderFields = (int) positive(v.maxHeaderFields, "maxHeaderFields");
    }

    /** The options as a mutable set of values, with the defaults; {@link #with} changes one of a copy. */
    private static final class Values {
        ParseOptions reportOptions = ParseOptions.lenient();
        long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        int maxParts = DEFAULT_MAX_PARTS;
        int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        int maxHeaderFieldLength = DEFAULT_MAX_HEADER_FIELD_LENGTH;
        int maxHeaderFields = DEFAULT_MAX_HEADER_FIELDS;

        Values() {
        }

        Values(MailOptions o) {
            reportOptions = o.reportOptions;
            maxMessageBytes = o.maxMessageBytes;
            maxParts = o.maxParts;
            maxNestingDepth = o.maxNestingDepth;
            maxLineLength = o.maxLineLength;
            maxHeaderFieldLength = o.maxHeaderFieldLength;
            maxHeaderFields = o.maxHeaderFields;
        }
    }

    /** A copy of these options with one value changed (and checked). */
    private MailOptions with(Consumer<Values> change) {
        Values v = new Values(this);
        change.accept(v);
        return new MailOptions(v);
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * The default options: lenient report parsing and the default limits.
     *
     * @return lenient options
     */
    public static MailOptions lenient() {
        return LENIENT;
    }

    /**
     * Strict report parsing ({@link ParseOptions#strict()}) with the default limits. The mail checks stay
     * values in both modes.
     *
     * @return strict options
     */
    public static MailOptions strict() {
        return STRICT;
    }

    /**
     * The options the core parser reads each report with.
     *
     * @return the report options
     */
    public ParseOptions reportOptions() {
        return reportOptions;
    }

    /**
     * The most bytes read for one message (for an mbox file: per message), or for one POST body.
     *
     * @return the limit in bytes
     */
    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * The most MIME parts in one message, embedded messages' parts included.
     *
     * @return the limit
     */
    public int maxParts() {
        return maxParts;
    }

    /**
     * The deepest nesting of multiparts and embedded messages.
     *
     * @return the limit in levels
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The longest header line, in bytes.
     *
     * @return the limit in bytes
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * The longest header field with all its folded lines, in bytes.
     *
     * @return the limit in bytes
     */
    public int maxHeaderFieldLength() {
        return maxHeaderFieldLength;
    }

    /**
     * The most header fields in one header (of the message or of a part).
     *
     * @return the limit
     */
    public int maxHeaderFields() {
        return maxHeaderFields;
    }

    /**
     * A copy with other report options.
     *
     * @param options the core options for each report
     * @return the changed copy
     */
    public MailOptions withReportOptions(ParseOptions options) {
        return with(v -> v.reportOptions = options);
    }

    /**
     * A copy with another {@link #maxMessageBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxMessageBytes(long bytes) {
        return with(v -> v.maxMessageBytes = bytes);
    }

    /**
     * A copy with another {@link #maxParts()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxParts(int count) {
        return with(v -> v.maxParts = count);
    }

    /**
     * A copy with another {@link #maxNestingDepth()}.
     *
     * @param depth the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxNestingDepth(int depth) {
        return with(v -> v.maxNestingDepth = depth);
    }

    /**
     * A copy with another {@link #maxLineLength()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxLineLength(int bytes) {
        return with(v -> v.maxLineLength = bytes);
    }

    /**
     * A copy with another {@link #maxHeaderFieldLength()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxHeaderFieldLength(int bytes) {
        return with(v -> v.maxHeaderFieldLength = bytes);
    }

    /**
     * A copy with another {@link #maxHeaderFields()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxHeaderFields(int count) {
        return with(v -> v.maxHeaderFields = count);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MailOptions m && reportOptions.equals(m.reportOptions)
                && maxMessageBytes == m.maxMessageBytes && maxParts == m.maxParts
                && maxNestingDepth == m.maxNestingDepth && maxLineLength == m.maxLineLength
                && maxHeaderFieldLength == m.maxHeaderFieldLength && maxHeaderFields == m.maxHeaderFields;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reportOptions, maxMessageBytes, maxParts, maxNestingDepth, maxLineLength,
                maxHeaderFieldLength, maxHeaderFields);
    }

    @Override
    public String toString() {
        return "MailOptions[" + reportOptions + ", maxMessageBytes=" + maxMessageBytes + ", maxParts=" + maxParts
                + ", maxNestingDepth=" + maxNestingDepth + ", maxLineLength=" + maxLineLength
                + ", maxHeaderFieldLength=" + maxHeaderFieldLength + ", maxHeaderFields=" + maxHeaderFields + "]";
    }
}
