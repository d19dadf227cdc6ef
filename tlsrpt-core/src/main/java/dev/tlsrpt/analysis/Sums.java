package dev.tlsrpt.analysis;

import dev.tlsrpt.model.DomainNames;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Saturating arithmetic, count checks, the one normalisation of names and excerpts for messages. */
final class Sums {

    private Sums() {
    }

    /** {@code a + b} for non-negative values, {@link Long#MAX_VALUE} when the sum does not fit. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code a * b} for non-negative values, {@link Long#MAX_VALUE} when the product does not fit. */
    static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** failed / (successful + failed) without overflow, 0 when both are 0. */
    static double share(long successful, long failed) {
        double total = (double) successful + (double) failed;
        return total == 0.0 ? 0.0 : Math.min(1.0, failed / total);
    }

    static void checkCounts(long a, long b, long c) {
        if (a < 0 || b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * A domain or host name as the aggregate keys it, {@link DomainNames#normalize(String)}; the empty string
     * for an absent or blank name.
     */
    static String name(@Nullable String raw) {
        return raw == null ? "" : DomainNames.normalize(raw);
    }

    /** The empty name (absent) as null, for the public view. */
    static @Nullable String orNull(String name) {
        return name.isEmpty() ? null : name;
    }
}
