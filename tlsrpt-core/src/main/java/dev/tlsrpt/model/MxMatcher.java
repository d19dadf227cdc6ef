package dev.tlsrpt.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Host names matched against MTA-STS mx patterns as RFC 8461 section 4.1 says: exactly, or a {@code *.}
 * pattern matching one leftmost label; compared as {@link DomainNames#normalize(String)} gives them. Built once
 * in time linear in the patterns, each match then costs a hash lookup or two, however many patterns there are.
 */
final class MxMatcher implements Predicate<String> {
    private final Set<String> exact = new HashSet<>();
    /** The suffixes of the {@code *.} patterns, their leading dot included. */
    private final Set<String> wildcardSuffixes = new HashSet<>();

    MxMatcher(Collection<String> patterns) {
        for (String raw : patterns) {
            String pattern = DomainNames.normalize(raw);
            if (pattern.startsWith("*.")) {
                wildcardSuffixes.add(pattern.substring(1));
            } else {
                exact.add(pattern);
            }
        }
    }

    /** Whether a host name matches one of the patterns. */
    @Override
    public boolean test(String hostname) {
        String host = DomainNames.normalize(hostname);
        if (exact.contains(host)) {
            return true;
        }
        int dot = host.indexOf('.');
        return dot > 0 && !wildcardSuffixes.isEmpty() && wildcardSuffixes.contains(host.substring(dot));
    }
}
