package dev.tlsrpt.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The wire-name lookup of a wire enum ({@link PolicyType}, {@link ResultType}, {@link StsMode}): exact, never
 * throwing, {@code UNKNOWN} for anything not defined. A scan, not a hash map: {@code String.equals} rejects on
 * length first, and a report's strings are new objects whose hash code would have to be computed over all
 * their characters (measured: 6 % of streaming a 10 MB report went to the map).
 *
 * @param <E> the enum
 */
final class WireNames<E extends Enum<E>> {
    private final E[] known;
    private final String[] names;
    private final E unknown;

    /**
     * A lookup over the values other than {@code unknown}.
     *
     * @param values the enum's values
     * @param unknown the value for a name not defined
     * @param wireName each value's wire name
     */
    WireNames(E[] values, E unknown, Function<E, String> wireName) {
        List<E> defined = new ArrayList<>(List.of(values));
        defined.remove(unknown);
        this.known = defined.toArray(Arrays.copyOf(values, 0));
        this.names = new String[known.length];
        for (int i = 0; i < known.length; i++) {
            names[i] = wireName.apply(known[i]);
        }
        this.unknown = unknown;
    }

    /**
     * The value with this wire name.
     *
     * @param name the name as sent
     * @return the value, or {@code unknown}
     */
    E find(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return known[i];
            }
        }
        return unknown;
    }
}
