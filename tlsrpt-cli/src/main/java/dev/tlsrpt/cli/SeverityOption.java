package dev.tlsrpt.cli;

import dev.tlsrpt.diagnose.Severity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@link Severity} on the command line ({@code --min-severity}): its name in any case, completed and listed
 * in lower case, most severe first.
 */
final class SeverityOption {
    private SeverityOption() {
    }

    /** The lower-case names for shell completion and {@code --help}, most severe first. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Severity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /**
     * The severity a value names, in any case.
     *
     * @param value the value
     * @return the severity, or null when the value names none
     */
    static @Nullable Severity of(String value) {
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        return null;
    }

    /** Reads a severity by its name, in any case. */
    static final class Converter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            Severity s = of(value);
            if (s == null) {
                throw new TypeConversionException("expected one of " + String.join(", ", new Names())
                        + " but was '" + value + "'");
            }
            return s;
        }
    }

    /**
     * Whether a severity is at or above a threshold: as severe as it, or more.
     *
     * @param severity the severity
     * @param threshold the threshold
     * @return true when {@code severity} is not less severe than {@code threshold}
     */
    static boolean atOrAbove(Severity severity, Severity threshold) {
        return severity.compareTo(threshold) <= 0;
    }
}
