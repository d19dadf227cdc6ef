package dev.tlsrpt.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The wire-name lookup of a wire enum ({@link PolicyType}, {@link ResultType}, {@link StsMode}): exact, never
 * throwing, {@code UNKNOWN} for anything not defined. A scan, not a hash map: {@code String.equals} rejects on
 * length first, and a report's strings are new objects whose hash code would have to be computed over all
 * their characters (measured: 6 % of streaming a 10 MB report went to the map). The names sit in their own
 * array, in a record, whose final fields the JIT trusts: measured about a fifth faster per lookup than reading
 * each constant's field.
 *
 * @param <E> the enum
 * @param known the defined values
 * @param names their wire names, by the same index
 * @param unknown the value for a name not defined
 */
record WireNames<E extends Enum<E>>(E[] known, String[] names, E unknown) {

    /**
     * A lookup over the values other than {@code unknown}.
     *
     * @param <E> the enum
     * @param values the enum's values
     * @param unknown the value for a name not defined
     * @param wireName each value's wire name
     * @return the lookup
     */
    static <E extends Enum<E>> WireNames<E> of(E[] values, E unknown, Function<E, String> wireName) {
        List<E> defined = new ArrayList<>(List.of(values));
        defined.remove(unknown);
        E[] known = defined.toArray(Arrays.copyOf(values, 0));
        String[] names = new String[known.length];
        for (int i = 0; i < known.length; i++) {
            names[i] = wireName.apply(known[i]);
        }
        return new WireNames<>(known, names, unknown);
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
