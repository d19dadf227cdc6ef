package dev.tlsrpt;

import java.util.Objects;
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

    private static final ParseOptions LENIENT = new ParseOptions(false, DEFAULT_MAX_COMPRESSED_BYTES,
            DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH,
            DEFAULT_MAX_POLICIES, DEFAULT_MAX_FAILURE_DETAILS, DEFAULT_MAX_LIST_LENGTH, DEFAULT_MAX_DEVIATIONS,
            DEFAULT_PARALLEL_INFLATE_THRESHOLD);
    private static final ParseOptions STRICT = LENIENT.withStrict(true);

    private final boolean strict;
    private final long maxCompressedBytes;
    private final long maxDecompressedBytes;
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final long maxPolicies;
    private final long maxFailureDetails;
    private final int maxListLength;
    private final long maxDeviations;
    private final long parallelInflateThreshold;

    private ParseOptions(boolean strict, long maxCompressedBytes, long maxDecompressedBytes, int maxNestingDepth,
            int maxStringLength, long maxPolicies, long maxFailureDetails, int maxListLength, long maxDeviations,
            long parallelInflateThreshold) {
        this.strict = strict;
        this.maxCompressedBytes = positive(maxCompressedBytes, "maxCompressedBytes");
        this.maxDecompressedBytes = positive(maxDecompressedBytes, "maxDecompressedBytes");
        this.maxNestingDepth = (int) positive(maxNestingDepth, "maxNestingDepth");
        this.maxStringLength = (int) positive(maxStringLength, "maxStringLength");
        this.maxPolicies = positive(maxPolicies, "maxPolicies");
        this.maxFailureDetails = positive(maxFailureDetails, "maxFailureDetails");
        this.maxListLength = (int) positive(maxListLength, "maxListLength");
        this.maxDeviations = positive(maxDeviations, "maxDeviations");
        if (parallelInflateThreshold < 0) {
            throw new IllegalArgumentException("parallelInflateThreshold must not be negative, got "
                    + parallelInflateThreshold);
        }
        this.parallelInflateThreshold = parallelInflateThreshold;
    }

    private static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
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
        return maxCompressedBytes;
    }

    /**
     * The most bytes of JSON, after decompression. A gzip bomb stops here.
     *
     * @return the limit in bytes
     */
    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * The deepest nesting of JSON arrays and objects.
     *
     * @return the limit in levels
     */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /**
     * The longest string value or member name, in characters.
     *
     * @return the limit in characters
     */
    public int maxStringLength() {
        return maxStringLength;
    }

    /**
     * The most entries in {@code "policies"}.
     *
     * @return the limit
     */
    public long maxPolicies() {
        return maxPolicies;
    }

    /**
     * The most failure details in the whole report.
     *
     * @return the limit
     */
    public long maxFailureDetails() {
        return maxFailureDetails;
    }

    /**
     * The most entries in one {@code policy-string} or {@code mx-host} list.
     *
     * @return the limit
     */
    public int maxListLength() {
        return maxListLength;
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
        return maxDeviations;
    }

    /**
     * How many compressed bytes of gzip input are inflated on the calling thread before the rest is inflated
     * on a second thread, while the calling thread parses (a stream's size is not known in advance, so the
     * switch happens as the bytes pass). Each call that switches starts one daemon thread named
     * {@code tlsrpt-inflater} and has ended it when it returns or throws, also when a visitor throws; the
     * caller's stream is still read on the calling thread only, and the errors are the same, at the same
     * places, as on one thread. Plain JSON, and {@code TlsRpt.openJson}, never use a second thread.
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
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, maxPolicies, maxFailureDetails, maxListLength, maxDeviations, compressedBytes);
    }

    /**
     * A copy with another {@link #maxListLength()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxListLength(int count) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, maxPolicies, maxFailureDetails, count, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxDeviations()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxDeviations(long count) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, maxPolicies, maxFailureDetails, maxListLength, count, parallelInflateThreshold);
    }

    /**
     * A copy in strict or lenient mode.
     *
     * @param strict true to reject catalogued deviations
     * @return the changed copy
     */
    public ParseOptions withStrict(boolean strict) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, maxPolicies, maxFailureDetails, maxListLength, maxDeviations,
                parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxCompressedBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxCompressedBytes(long bytes) {
        return new ParseOptions(strict, bytes, maxDecompressedBytes, maxNestingDepth, maxStringLength,
                maxPolicies, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxDecompressedBytes()}.
     *
     * @param bytes the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxDecompressedBytes(long bytes) {
        return new ParseOptions(strict, maxCompressedBytes, bytes, maxNestingDepth, maxStringLength,
                maxPolicies, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxNestingDepth()}.
     *
     * @param depth the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxNestingDepth(int depth) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, depth, maxStringLength,
                maxPolicies, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxStringLength()}.
     *
     * @param chars the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxStringLength(int chars) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth, chars,
                maxPolicies, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxPolicies()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxPolicies(long count) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, count, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    /**
     * A copy with another {@link #maxFailureDetails()}.
     *
     * @param count the limit, positive
     * @return the changed copy
     */
    public ParseOptions withMaxFailureDetails(long count) {
        return new ParseOptions(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth,
                maxStringLength, maxPolicies, count, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ParseOptions p && strict == p.strict && maxCompressedBytes == p.maxCompressedBytes
                && maxDecompressedBytes == p.maxDecompressedBytes && maxNestingDepth == p.maxNestingDepth
                && maxStringLength == p.maxStringLength && maxPolicies == p.maxPolicies
                && maxFailureDetails == p.maxFailureDetails && maxListLength == p.maxListLength
                && maxDeviations == p.maxDeviations
                && parallelInflateThreshold == p.parallelInflateThreshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(strict, maxCompressedBytes, maxDecompressedBytes, maxNestingDepth, maxStringLength,
                maxPolicies, maxFailureDetails, maxListLength, maxDeviations, parallelInflateThreshold);
    }

    @Override
    public String toString() {
        return "ParseOptions[" + (strict ? "strict" : "lenient") + ", maxCompressedBytes=" + maxCompressedBytes
                + ", maxDecompressedBytes=" + maxDecompressedBytes + ", maxNestingDepth=" + maxNestingDepth
                + ", maxStringLength=" + maxStringLength + ", maxPolicies=" + maxPolicies
                + ", maxFailureDetails=" + maxFailureDetails + ", maxListLength=" + maxListLength
                + ", maxDeviations=" + maxDeviations + ", parallelInflateThreshold=" + parallelInflateThreshold + "]";
    }
}
