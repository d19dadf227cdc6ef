package dev.tlsrpt.internal;

import dev.tlsrpt.DeviationKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.Named;

/**
 * The members RFC 8460 section 4.4 defines in one JSON object of a report, one enum constant each (its wire
 * name is the constant's name in lower case with hyphens): the reader selects a member by the index Jackson's
 * {@link PropertyNameMatcher} gives for its name (matched on the bytes, as Moshi's {@code JsonReader.Options}
 * selects names), and the schema validator takes its catalogue of known names from here. A draft-era name
 * selects its RFC member.
 *
 * @param <E> the object's members
 */
public final class MemberTable<E extends Enum<E>> {

    /**
     * A member's names and the meaning of its absence.
     *
     * @param wireName the name in RFC 8460
     * @param draftName the name the drafts of RFC 8460 used, which real senders still send; null when none
     * @param required whether a report without it is unreadable (in both modes)
     * @param ifMissing the deviation its absence is (reported leniently, rejected strictly); null when its
     *     absence is either fatal ({@code required}) or nothing to report
     * @param reading how the reader reads its absence, appended to the deviation's message (such as
     *     {@code "; read as 0"}), empty when the model simply holds null
     */
    public record MemberSpec(String wireName, @Nullable String draftName, boolean required,
            @Nullable DeviationKind ifMissing, String reading) {

        /**
         * Checks the components.
         *
         * @param wireName see {@link #wireName()}
         * @param draftName see {@link #draftName()}
         * @param required see {@link #required()}
         * @param ifMissing see {@link #ifMissing()}
         * @param reading see {@link #reading()}
         */
        public MemberSpec {
            Objects.requireNonNull(wireName, "wireName");
            Objects.requireNonNull(reading, "reading");
        }
    }

    final PropertyNameMatcher matcher;
    private final List<E> members;
    private final Map<E, MemberSpec> specs;
    /** By match index: the member, whether the name is its draft name, and the name. */
    private final Object[] byIndex;
    private final boolean[] draft;
    private final String[] names;
    /** The JSON pointer of the object, around the policy and failure-detail indexes. */
    private final String[] pointerParts;
    /** The members whose absence is fatal, and those whose absence is fatal or a deviation, by ordinal bit. */
    final int requiredMask;
    /** The length of the longest name: names are checked against a name length limit only below it. */
    final int longestName;
    final int expectedMask;

    private MemberTable(Class<E> type, String[] pointerParts, Map<E, MemberSpec> specs) {
        this.members = List.of(type.getEnumConstants());
        this.specs = specs;
        this.pointerParts = pointerParts.clone();
        List<String> all = new ArrayList<>();
        List<Boolean> drafts = new ArrayList<>();
        List<E> indexed = new ArrayList<>();
        int required = 0;
        int expected = 0;
        for (E m : members) {
            MemberSpec spec = specs.get(m);
            all.add(spec.wireName());
            indexed.add(m);
            drafts.add(false);
            if (spec.draftName() != null) {
                all.add(spec.draftName());
                indexed.add(m);
                drafts.add(true);
            }
            if (spec.required()) {
                required |= bit(m);
            }
            if (spec.required() || spec.ifMissing() != null) {
                expected |= bit(m);
            }
        }
        this.requiredMask = required;
        this.expectedMask = expected;
        this.names = all.toArray(new String[0]);
        this.byIndex = indexed.toArray();
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        this.longestName = longest;
        this.draft = new boolean[drafts.size()];
        for (int i = 0; i < draft.length; i++) {
            draft[i] = drafts.get(i);
        }
        List<Named> named = new ArrayList<>();
        for (String name : all) {
            named.add(Named.fromString(name));
        }
        this.matcher = ReportReader.DEFAULT_FACTORY.constructNameMatcher(named, false);
    }

    /**
     * Starts the table of an object's members, each optional until the builder says otherwise; the object's
     * pointer is the parts joined by the policy and detail indexes.
     */
    static <E extends Enum<E>> Builder<E> of(Class<E> type, String... pointerParts) {
        return new Builder<>(type, pointerParts);
    }

    /** What the members' absence means and their draft names, then the table. */
    static final class Builder<E extends Enum<E>> {
        private final Class<E> type;
        private final String[] pointerParts;
        private final Map<E, MemberSpec> specs;

        private Builder(Class<E> type, String[] pointerParts) {
            this.type = type;
            this.pointerParts = pointerParts;
            this.specs = new EnumMap<>(type);
            for (E m : type.getEnumConstants()) {
                specs.put(m, new MemberSpec(m.name().toLowerCase(Locale.ROOT).replace('_', '-'), null, false, null,
                        ""));
            }
        }

        /** Members a report cannot be read without. */
        @SafeVarargs
        final Builder<E> required(E... members) {
            for (E m : members) {
                MemberSpec s = specs.get(m);
                specs.put(m, new MemberSpec(s.wireName(), s.draftName(), true, null, ""));
            }
            return this;
        }

        /** A member whose absence is a deviation, read as {@code reading} says. */
        Builder<E> ifMissing(E member, DeviationKind kind, String reading) {
            MemberSpec s = specs.get(member);
            specs.put(member, new MemberSpec(s.wireName(), s.draftName(), false, kind, reading));
            return this;
        }

        /** A member's draft-era name. */
        Builder<E> draft(E member, String name) {
            MemberSpec s = specs.get(member);
            specs.put(member, new MemberSpec(s.wireName(), name, s.required(), s.ifMissing(), s.reading()));
            return this;
        }

        MemberTable<E> build() {
            return new MemberTable<>(type, pointerParts, specs);
        }
    }

    static int bit(Enum<?> member) {
        return 1 << member.ordinal();
    }

    /**
     * The members, in RFC order.
     *
     * @return the members
     */
    public List<E> members() {
        return members;
    }

    /**
     * A member's names and what its absence means.
     *
     * @param member the member
     * @return its spec
     */
    public MemberSpec spec(E member) {
        return specs.get(member);
    }

    /**
     * The member a name selects: its RFC name or its draft name.
     *
     * @param name a member name as sent
     * @return the member, or null when RFC 8460 does not define the name in this object
     */
    public @Nullable E lookup(String name) {
        int i = matcher.matchName(name);
        return i >= 0 ? member(i) : null;
    }

    /**
     * The RFC name of a member name: a draft name's RFC name, any other name unchanged.
     *
     * @param name a member name as sent
     * @return the name the member has in RFC 8460
     */
    public String rfcName(String name) {
        E m = lookup(name);
        return m == null ? name : specs.get(m).wireName();
    }

    E member(int index) {
        @SuppressWarnings("unchecked") // holds only constants of E
        E member = (E) byIndex[index];
        return member;
    }

    boolean isDraft(int index) {
        return draft[index];
    }

    String name(int index) {
        return names[index];
    }

    /** The JSON pointer of the object, with a trailing slash, at policy {@code i} and failure detail {@code j}. */
    String base(int i, int j) {
        return switch (pointerParts.length) {
            case 1 -> pointerParts[0];
            case 2 -> pointerParts[0] + i + pointerParts[1];
            default -> pointerParts[0] + i + pointerParts[1] + j + pointerParts[2];
        };
    }
}
