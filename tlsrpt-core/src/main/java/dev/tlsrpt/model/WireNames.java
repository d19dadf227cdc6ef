package dev.tlsrpt.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The wire-name lookup of a wire enum ({@link PolicyType}, {@link ResultType}, {@link StsMode}): exact, never
 * throwing, {@code UNKNOWN} for anything not defined (null too). A scan of the one or two names of the sought
 * name's length, not a hash map: a report's strings are new objects whose hash code would have to be computed
 * over all their characters (measured: 6 % of streaming a 10 MB report went to the map), and comparing only
 * names of the right length saves the reader a call per defined name. The names sit in their own array, in a
 * record, whose final fields the JIT trusts: measured about a fifth faster per lookup than reading each
 * constant's field.
 *
 * @param <E> the enum
 * @param known the defined values, by the length of their wire names
 * @param names their wire names, by the same index
 * @param from where the names of each length start in {@code names}; those of length {@code n} are at
 *     {@code from[n]} to {@code from[n + 1]} (exclusive)
 * @param unknown the value for a name not defined
 */
record WireNames<E extends Enum<E>>(E[] known, String[] names, int[] from, E unknown) {

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
        int longest = 0;
        for (E e : defined) {
            longest = Math.max(longest, wireName.apply(e).length());
        }
        int[] from = new int[longest + 2]; // counted by length, then summed into where each length starts
        for (E e : defined) {
            from[wireName.apply(e).length() + 1]++;
        }
        for (int n = 1; n < from.length; n++) {
            from[n] += from[n - 1];
        }
        E[] known = Arrays.copyOf(values, defined.size());
        String[] names = new String[known.length];
        int[] next = from.clone();
        for (E e : defined) { // in declaration order within a length
            String name = wireName.apply(e);
            int at = next[name.length()]++;
            known[at] = e;
            names[at] = name;
        }
        return new WireNames<>(known, names, from, unknown);
    }

    /**
     * The value with this wire name.
     *
     * @param name the name as sent
     * @return the value, or {@code unknown}
     */
    E find(String name) {
        if (name == null || name.length() >= from.length - 1) {
            return unknown;
        }
        int n = name.length();
        for (int i = from[n]; i < from[n + 1]; i++) {
            if (names[i].equals(name)) {
                return known[i];
            }
        }
        return unknown;
    }
}
