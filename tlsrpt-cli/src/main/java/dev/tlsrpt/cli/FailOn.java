package dev.tlsrpt.cli;

import dev.tlsrpt.diagnose.Severity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --fail-on} threshold: the exit code is 1 when a finding is at or above it ({@code critical},
 * {@code warning}, the default, or {@code info}); {@code never} leaves findings out of the exit code.
 */
enum FailOn {
    /** Exit 1 on a CRITICAL finding. */
    CRITICAL(Severity.CRITICAL),
    /** Exit 1 on a WARNING or CRITICAL finding: the default. */
    WARNING(Severity.WARNING),
    /** Exit 1 on an INFO, WARNING or CRITICAL finding. */
    INFO(Severity.INFO),
    /** Findings never make the exit code 1. */
    NEVER(null);

    /** The default, as text for picocli's {@code defaultValue}. */
    static final String DEFAULT = "warning";

    private final @Nullable Severity threshold;

    FailOn(@Nullable Severity threshold) {
        this.threshold = threshold;
    }

    /**
     * Whether a finding of this severity makes the exit code 1.
     *
     * @param severity the finding's severity
     * @return true when it is at or above the threshold
     */
    boolean fails(Severity severity) {
        return threshold != null && SeverityOption.atOrAbove(severity, threshold);
    }

    /** The lower-case names for shell completion and {@code --help}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /**
     * The threshold a {@code --fail-on} value names, in any case.
     *
     * @param value the value
     * @return the threshold, or null when the value names none
     */
    static @Nullable FailOn of(String value) {
        for (FailOn f : values()) {
            if (f.name().equalsIgnoreCase(value.trim())) {
                return f;
            }
        }
        return null;
    }

    /** Reads {@code --fail-on}, in any case. */
    static final class Converter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            FailOn f = of(value);
            if (f == null) {
                throw new TypeConversionException("expected one of " + String.join(", ", new Names())
                        + " but was '" + value + "'");
            }
            return f;
        }
    }
}
