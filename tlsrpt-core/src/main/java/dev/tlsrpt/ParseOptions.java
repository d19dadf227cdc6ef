package dev.tlsrpt;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How to read a report: lenient or strict, and the limits that keep an untrusted report from taking all
 * memory or time. Immutable and thread-safe; each {@code with...} method returns a changed copy.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_COMPRESSED_BYTES} compressed bytes (64 MiB),
 * {@value #DEFAULT_MAX_DECOMPRESSED_BYTES} decompressed bytes (256 MiB), nesting depth
 * {@value #DEFAULT_MAX_NESTING_DEPTH}, {@value #DEFAULT_MAX_STRING_LENGTH} characters per string or member
 * name (1 MiB), {@value #DEFAULT_MAX_POLICIES} policies and {@value #DEFAULT_MAX_FAILURE_DETAILS} failure
 * details per report, {@value #DEFAULT_MAX_LIST_LENGTH} entries per policy-string or mx-host list and
 * {@value #DEFAULT_MAX_DEVIATIONS} deviations per report (where they are collected: {@code stream} hands them
 * to its visitor uncounted). Every limit is checked while streaming. Gzip input past
 * {@value #DEFAULT_PARALLEL_INFLATE_THRESHOLD} compressed bytes is inflated on a second thread
 * ({@link #parallelInflateThreshold()}).
 *
 * @since 0.1.0
 */
public final class ParseOptions {

    /** Default for {@link #maxCompressedBytes()}: 64 MiB. */
    public static final long DEFAULT_MAX_COMPRESSED_BYTES = 64L * 1024 * 1024;
    /** Default for {@link #maxDecompressedBytes()}: 256 MiB. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 256L * 1024 * 1024;
    /** Default for {@link #maxNestingDepth()}. A report needs 5 levels; unknown members may add some. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    /** Default for {@link #maxStringLength()}: 1 MiB characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;
    /** Default for {@link #maxPolicies()}. */
    public static final long DEFAULT_MAX_POLICIES = 100_000;
    /** Default for {@link #maxFailureDetails()}. */
    public static final long DEFAULT_MAX_FAILURE_DETAILS = 1_000_000;

    /** Default for {@link #maxListLength()}: entries in one {@code policy-string} or {@code mx-host} list. */
    public static final int DEFAULT_MAX_LIST_LENGTH = 10_000;
    /** Default for {@link #maxDeviations()}. */
    public static final long DEFAULT_MAX_DEVIATIONS = 100_000;
    /** Default for {@link #parallelInflateThreshold()}: 1 MiB of compressed input. */
    public static final long DEFAULT_PARALLEL_INFLATE_THRESHOLD = 1024L * 1024;

    /** The limits, in the order {@link #toString()} lists them, with their names and defaults. */
    private enum Limit {
        COMPRESSED_BYTES("maxCompressedBytes", DEFAULT_MAX_COMPRESSED_BYTES),
        DECOMPRESSED_BYTES("maxDecompressedBytes", DEFAULT_MAX_DECOMPRESSED_BYTES),
        NESTING_DEPTH("maxNestingDepth", DEFAULT_MAX_NESTING_DEPTH),
        STRING_LENGTH("maxStringLength", DEFAULT_MAX_STRING_LENGTH),
        POLICIES("maxPolicies", DEFAULT_MAX_POLICIES),
        FAILURE_DETAILS("maxFailureDetails", DEFAULT_MAX_FAILURE_DETAILS),
        LIST_LENGTH("maxListLength", DEFAULT_MAX_LIST_LENGTH),
        DEVIATIONS("maxDeviations", DEFAULT_MAX_DEVIATIONS);

        final String optionName;
        final long defaultValue;

        Limit(String optionName, long defaultValue) {
            this.optionName = optionName;
            this.defaultValue = defaultValue;
        }
    }

    private static final ParseOptions LENIENT = new ParseOptions(false, defaultLimits(),
            DEFAULT_PARALLEL_INFLATE_THRESHOLD);
    private static final ParseOptions STRICT = LENIENT.withStrict(true);

    /**
     * Each limit's default, by ordinal. A loop, not a stream: this runs before the first byte of every read
     * in a new JVM, and a stream here was the only use of the stream classes on the way to the first byte
     * of {@code tlsrpt diagnose} (about 1 ms of its start on Java 17).
     */
    private static long[] defaultLimits() {
        Limit[] all = Limit.values();
        long[] limits = new long[all.length];
        for (Limit l : all) {
            limits[l.ordinal()] = l.defaultValue;
        }
        return limits;
    }

    private final boolean strict;
    /** By {@link Limit} ordinal; each positive. */
    private final long[] limits;
    /** Not a limit: where the inflating thread starts (0 or more). */
    private final long parallelInflateThreshold;

    private ParseOptions(boolean strict, long[] limits, long parallelInflateThreshold) {
        this.strict = strict;
        this.limits = limits;
        this.parallelInflateThreshold = parallelInflateThreshold;
    }

    /** A copy with one limit changed, refused by name when it is not positive. */
    private ParseOptions with(Limit limit, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(limit.optionName + " must be positive, got " + value);
        }
        long[] copy = limits.clone();
        copy[limit.ordinal()] = value;
        return new ParseOptions(strict, copy, parallelInflateThreshold);
    }

    private long get(Limit limit) {
        return limits[limit.ordinal()];
    }

    /**
     * The default options: lenient, with the default limits.
     *
     * @return lenient options
     */
    public static ParseOptions lenient() {
        return LENIENT;
    }

    /**
     * Strict options with the default limits: every {@link DeviationKind} is rejected.
     *
     * @return strict options
     */
    public static ParseOptions strict() {
        return STRICT;
    }

    /**
     * Whether catalogued deviations are rejected instead of tolerated.
     *
     * @return true in strict mode
     */
    public boolean isStrict() {
        return strict;
    }

    /**
     * The most bytes read from the caller's input: the compressed size for gzip input, else the JSON size.
     *
     * @return the limit in bytes
     */
    public long maxCompressedBytes() {
        return get(Limit.COMPRESSED_BYTES);
    }

    /**
     * The most bytes of JSON, after decompression. A gzip bomb stops here.
     *
     * @return the limit in bytes
     */
    public long maxDecompressedBytes() {
        return get(Limit.DECOMPRESSED_BYTES);
    }

    /**
     * The deepest nesting of JSON arrays and objects.
     *
     * @return the limit in levels
     */
    public int maxNestingDepth() {
        return (int) get(Limit.NESTING_DEPTH);
    }

    /**
     * The longest string value or member name, in characters.
     *
     * @return the limit in characters
     */
    public int maxStringLength() {
        return (int) get(Limit.STRING_LENGTH);
    }

    /**
     * The most entries in {@code "policies"}.
     *
     * @return the limit
     */
    public long maxPolicies() {
        return get(Limit.POLICIES);
    }

    /**
     * The most failure details in the whole report.
     *
     * @return the limit
     */
    public long maxFailureDetails() {
        return get(Limit.FAILURE_DETAILS);
    }

    /**
     * The most entries in one {@code policy-string} or {@code mx-host} list.
     *
     * @return the limit
     */
    public int maxListLength() {
        return (int) get(Limit.LIST_LENGTH);
    }

    /**
     * The most deviations one report may have where they are collected: {@code parse} and
     * {@code parseWithDeviations} keep them all (and {@code TlsRptSchema} counts the same ones), so this bounds
     * their memory; one more is a {@link LimitExceededException}. {@code TlsRpt.stream} hands each deviation
     * to the visitor and holds none, so it does not count them: a stream of free-text
     * {@code additional-information} values is not cut off at this limit. A visitor that keeps deviations
     * bounds them itself.
     *
     * @return the limit
     */
    public long maxDeviations() {
        return get(Limit.DEVIATIONS);
    }

    /**
     * A copy with another {@link #maxListLength()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxListLength(int count) {
        return with(Limit.LIST_LENGTH, count);
    }

    /**
     * A copy with another {@link #maxDeviations()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxDeviations(long count) {
        return with(Limit.DEVIATIONS, count);
    }

    /**
     * A copy in strict or lenient mode.
     *
     * @param strict true to reject catalogued deviations
     * @return the changed copy
     */
    public ParseOptions withStrict(boolean strict) {
        return new ParseOptions(strict, limits, parallelInflateThreshold);
    }

    /**
     * How many compressed bytes of gzip input are inflated on the calling thread before the rest is inflated
     * on a second thread, while the calling thread parses (a stream's size is not known in advance, so the
     * switch happens as the bytes pass). Each call that switches starts one daemon thread named
     * {@code tlsrpt-inflater} and has ended it when it returns or throws, also when a visitor throws; the
     * caller's stream is still read on the calling thread only, and the errors are the same, at the same
     * places, as on one thread. Plain JSON, and the schema validator's reading, never use a second thread.
     * 0 starts the thread at once, {@link Long#MAX_VALUE} never.
     *
     * @return the threshold in compressed bytes
     */
    public long parallelInflateThreshold() {
        return parallelInflateThreshold;
    }

    /**
     * A copy with another {@link #parallelInflateThreshold()}.
     *
     * @param compressedBytes the threshold, 0 or more ({@link Long#MAX_VALUE}: inflate on the calling thread)
     * @return the changed copy
     */
    public ParseOptions withParallelInflateThreshold(long compressedBytes) {
        if (compressedBytes < 0) {
            throw new IllegalArgumentException("parallelInflateThreshold must not be negative, got "
                    + compressedBytes);
        }
        return new ParseOptions(strict, limits, compressedBytes);
    }

    /**
     * A copy with another {@link #maxCompressedBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxCompressedBytes(long bytes) {
        return with(Limit.COMPRESSED_BYTES, bytes);
    }

    /**
     * A copy with another {@link #maxDecompressedBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxDecompressedBytes(long bytes) {
        return with(Limit.DECOMPRESSED_BYTES, bytes);
    }

    /**
     * A copy with another {@link #maxNestingDepth()}.
     *
     * @param depth the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxNestingDepth(int depth) {
        return with(Limit.NESTING_DEPTH, depth);
    }

    /**
     * A copy with another {@link #maxStringLength()}.
     *
     * @param chars the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxStringLength(int chars) {
        return with(Limit.STRING_LENGTH, chars);
    }

    /**
     * A copy with another {@link #maxPolicies()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxPolicies(long count) {
        return with(Limit.POLICIES, count);
    }

    /**
     * A copy with another {@link #maxFailureDetails()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxFailureDetails(long count) {
        return with(Limit.FAILURE_DETAILS, count);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ParseOptions p && strict == p.strict && Arrays.equals(limits, p.limits)
                && parallelInflateThreshold == p.parallelInflateThreshold;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Boolean.hashCode(strict) + Arrays.hashCode(limits)) + Long.hashCode(parallelInflateThreshold);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ParseOptions[").append(strict ? "strict" : "lenient");
        for (Limit limit : Limit.values()) {
            b.append(", ").append(limit.optionName).append('=').append(get(limit));
        }
        return b.append(", parallelInflateThreshold=").append(parallelInflateThreshold).append(']').toString();
    }
}
