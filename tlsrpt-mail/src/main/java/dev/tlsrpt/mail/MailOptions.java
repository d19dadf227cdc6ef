package dev.tlsrpt.mail;

import dev.tlsrpt.ParseOptions;
import java.util.Arrays;
import java.util.Objects;
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

    /** The limits, in the order {@link #toString()} lists them, with their names and defaults. */
    private enum Limit {
        MESSAGE_BYTES("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES),
        PARTS("maxParts", DEFAULT_MAX_PARTS),
        NESTING_DEPTH("maxNestingDepth", DEFAULT_MAX_NESTING_DEPTH),
        LINE_LENGTH("maxLineLength", DEFAULT_MAX_LINE_LENGTH),
        HEADER_FIELD_LENGTH("maxHeaderFieldLength", DEFAULT_MAX_HEADER_FIELD_LENGTH),
        HEADER_FIELDS("maxHeaderFields", DEFAULT_MAX_HEADER_FIELDS);

        final String optionName;
        final long defaultValue;

        Limit(String optionName, long defaultValue) {
            this.optionName = optionName;
            this.defaultValue = defaultValue;
        }
    }

    private static final MailOptions LENIENT = new MailOptions(ParseOptions.lenient(),
            Arrays.stream(Limit.values()).mapToLong(l -> l.defaultValue).toArray());
    private static final MailOptions STRICT = LENIENT.withReportOptions(ParseOptions.strict());

    private final ParseOptions reportOptions;
    /** By {@link Limit} ordinal; each positive. */
    private final long[] limits;

    private MailOptions(ParseOptions reportOptions, long[] limits) {
        this.reportOptions = Objects.requireNonNull(reportOptions, "reportOptions");
        this.limits = limits;
    }

    /** A copy with one limit changed, refused by name when it is not positive. */
    private MailOptions with(Limit limit, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(limit.optionName + " must be positive, got " + value);
        }
        long[] copy = limits.clone();
        copy[limit.ordinal()] = value;
        return new MailOptions(reportOptions, copy);
    }

    private long get(Limit limit) {
        return limits[limit.ordinal()];
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
        return get(Limit.MESSAGE_BYTES);
    }

    /**
     * The most MIME parts in one message, embedded messages' parts included.
     *
     * @return the limit
     */
    public int maxParts() {
        return (int) get(Limit.PARTS);
    }

    /**
     * The deepest nesting of multiparts and embedded messages.
     *
     * @return the limit in levels
     */
    public int maxNestingDepth() {
        return (int) get(Limit.NESTING_DEPTH);
    }

    /**
     * The longest header line, in bytes.
     *
     * @return the limit in bytes
     */
    public int maxLineLength() {
        return (int) get(Limit.LINE_LENGTH);
    }

    /**
     * The longest header field with all its folded lines, in bytes.
     *
     * @return the limit in bytes
     */
    public int maxHeaderFieldLength() {
        return (int) get(Limit.HEADER_FIELD_LENGTH);
    }

    /**
     * The most header fields in one header (of the message or of a part).
     *
     * @return the limit
     */
    public int maxHeaderFields() {
        return (int) get(Limit.HEADER_FIELDS);
    }

    /**
     * A copy with other report options.
     *
     * @param options the core options for each report
     * @return the changed copy
     */
    public MailOptions withReportOptions(ParseOptions options) {
        return new MailOptions(options, limits);
    }

    /**
     * A copy with another {@link #maxMessageBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxMessageBytes(long bytes) {
        return with(Limit.MESSAGE_BYTES, bytes);
    }

    /**
     * A copy with another {@link #maxParts()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxParts(int count) {
        return with(Limit.PARTS, count);
    }

    /**
     * A copy with another {@link #maxNestingDepth()}.
     *
     * @param depth the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxNestingDepth(int depth) {
        return with(Limit.NESTING_DEPTH, depth);
    }

    /**
     * A copy with another {@link #maxLineLength()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxLineLength(int bytes) {
        return with(Limit.LINE_LENGTH, bytes);
    }

    /**
     * A copy with another {@link #maxHeaderFieldLength()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxHeaderFieldLength(int bytes) {
        return with(Limit.HEADER_FIELD_LENGTH, bytes);
    }

    /**
     * A copy with another {@link #maxHeaderFields()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public MailOptions withMaxHeaderFields(int count) {
        return with(Limit.HEADER_FIELDS, count);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MailOptions m && reportOptions.equals(m.reportOptions) && Arrays.equals(limits, m.limits);
    }

    @Override
    public int hashCode() {
        return 31 * reportOptions.hashCode() + Arrays.hashCode(limits);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("MailOptions[").append(reportOptions);
        for (Limit limit : Limit.values()) {
            b.append(", ").append(limit.optionName).append('=').append(get(limit));
        }
        return b.append(']').toString();
    }
}
