package dev.tlsrpt.diagnose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The named arguments of one advice text. Every key of {@code Advice.properties} belongs to one
 * {@link Group} (by the longest of the groups' key prefixes it starts with), is formatted only with that
 * group's arguments, and those arguments always supply every name of the group; so a text may use any name
 * of its group, and a test holds each key's placeholders to its group's names.
 */
final class Args {

    /** The kinds of texts, each with its key prefixes and the names its arguments supply. */
    enum Group {
        /** The texts of a finding about one policy: its failures, the no-policy and count findings. */
        FAILURE(List.of("type.", "consequence.", "cause.", "mx.", "domain.", "code.", "failure.", "noPolicy.",
                "report.countMismatch", "note."),
                "policyDomain", "mxHost", "failed", "sessions", "share", "resultType", "policyHost", "policyUrl",
                "stsTxt", "tlsaNames", "tlsrptTxt", "mode", "policyType", "organization", "codeHost", "reasonCode",
                "httpStatus", "alert", "moreCodes", "detailSum", "successful", "patterns", "mxCommand",
                "domainName", "connectHost", "receivingIps", "sendingIp", "helo", "mxLine", "wildcard",
                "wildcardBase"),
        /** The verdict line. */
        VERDICT(List.of("verdict."), "severity", "failed", "sessions", "share", "critical", "warning", "info"),
        /** The finding of a report in which nothing failed. */
        ALL_CLEAR(List.of("allClear."), "sessions", "policies", "organization"),
        /** The finding of a date range that is not one UTC day. */
        DATE_RANGE(List.of("report.dateRange"), "start", "end", "duration", "organization"),
        /** The one finding of the tolerated parse deviations. */
        DEVIATIONS(List.of("report.deviation."), "count", "items", "organization"),
        /** One kind of deviation in that finding. */
        DEVIATION_ITEM(List.of("deviation.item"), "kind", "count", "where", "message", "description"),
        /** Where a deviation is. */
        POSITION(List.of("deviation.position"), "where", "line", "column"),
        /** The first few of a long list, then how many more. */
        LIST(List.of("list."), "items", "more"),
        /** A duration. */
        DURATION(List.of("duration"), "days", "hours", "minutes", "seconds"),
        /** The text rendering: header lines, group headings, labels. */
        TEXT(List.of("text."), "reportId", "organization", "contact", "start", "end", "domain", "mx"),
        /** Fixed words: placeholders, impact names, deviation descriptions. */
        PLAIN(List.of("placeholder.", "impact.", "deviation."));

        private final List<String> prefixes;
        private final Set<String> names;

        Group(List<String> prefixes, String... names) {
            this.prefixes = prefixes;
            this.names = Set.of(names);
        }

        /** The names this group's arguments supply. */
        Set<String> names() {
            return names;
        }

        /** The group of a key: the one with the longest prefix the key starts with; null when none. */
        static @Nullable Group of(String key) {
            Group best = null;
            int length = -1;
            for (Group g : values()) {
                for (String p : g.prefixes) {
                    if (key.startsWith(p) && p.length() > length) {
                        best = g;
                        length = p.length();
                    }
                }
            }
            return best;
        }
    }

    private final Group group;
    private final Map<String, String> values = new HashMap<>();

    Args(Group group) {
        this.group = group;
    }

    Group group() {
        return group;
    }

    /** Sets a name of this group. */
    Args put(String name, String value) {
        if (!group.names.contains(name)) {
            throw new IllegalArgumentException(name + " is not an argument of " + group);
        }
        values.put(name, value);
        return this;
    }

    /** Sets a name of this group to a count. */
    Args put(String name, long value) {
        return put(name, String.valueOf(value));
    }

    /**
     * The values, once every name of the group is set.
     *
     * @throws IllegalStateException naming a name that is not set
     */
    Map<String, String> values() {
        if (values.size() != group.names.size()) {
            for (String name : group.names) {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException(group + " argument " + name + " is not set");
                }
            }
        }
        return values;
    }
}
