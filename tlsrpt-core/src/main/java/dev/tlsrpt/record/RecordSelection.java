package dev.tlsrpt.record;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of picking the TLSRPT record out of the TXT records at {@code _smtp._tls.<domain>} (RFC 8460
 * section 3): records that do not begin with {@code v=TLSRPTv1;} are discarded, and unless exactly one
 * remains, "senders MUST assume the recipient domain does not implement TLSRPT".
 *
 * <p>Each TXT record is given with its character-strings concatenated without spaces, as section 3 requires:
 * {@code String.join("", strings)} ({@code ["v=TLSRPTv1;rua=mailto:a@exa", "mple.com"]} is one record).
 *
 * <pre>{@code
 * RecordSelection s = RecordSelection.strict(List.of("v=spf1 -all", "v=TLSRPTv1;rua=mailto:tls@example.com"));
 * if (s.outcome() == RecordSelection.Outcome.ONE) {
 *     RecordCheck check = RecordCheck.strict(s.record());
 * }
 * }</pre>
 *
 * @param outcome one record, none, or more than one
 * @param candidates the records that begin with {@code v=TLSRPTv1;} (lenient selection: also the other
 *     spellings lenient record reading accepts), in the order given
 * @param discarded the other records, in the order given
 * @since 0.1.0
 */
public record RecordSelection(Outcome outcome, List<String> candidates, List<String> discarded) {

    /**
     * How many TLSRPT records the RRset holds.
     *
     * @since 0.1.0
     */
    public enum Outcome {
        /** Exactly one: the domain asks for reports. */
        ONE,
        /** None: the domain does not implement TLSRPT. */
        NONE,
        /** More than one: senders must assume the domain does not implement TLSRPT. */
        MORE_THAN_ONE
    }

    /**
     * Checks that the outcome agrees with the candidates and copies the lists.
     *
     * @param outcome see {@link #outcome()}
     * @param candidates see {@link #candidates()}
     * @param discarded see {@link #discarded()}
     */
    public RecordSelection {
        Objects.requireNonNull(outcome, "outcome");
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        discarded = List.copyOf(Objects.requireNonNull(discarded, "discarded"));
        Outcome expected = candidates.isEmpty() ? Outcome.NONE
                : candidates.size() == 1 ? Outcome.ONE : Outcome.MORE_THAN_ONE;
        if (outcome != expected) {
            throw new IllegalArgumentException("outcome " + outcome + " but " + candidates.size() + " candidates");
        }
    }

    /**
     * Picks the TLSRPT record out of the TXT records at {@code _smtp._tls.<domain>} as RFC 8460 section 3
     * says: records that do not begin with exactly {@code v=TLSRPTv1;} are discarded (so
     * {@code v=TLSRPTv1 ;} is discarded too), and unless one remains the domain does not implement TLSRPT.
     *
     * @param records each TXT record, its strings concatenated
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection strict(Collection<String> records) {
        return RecordParser.select(records, false);
    }

    /**
     * Picks the TLSRPT record out of a TXT RRset as {@link #strict(Collection)} does, except that records
     * beginning with the version in another case or with white space before the first {@code ;} count as
     * candidates too (the records {@link RecordCheck#lenient(String)} reads).
     *
     * @param records each TXT record, its strings concatenated
     * @return one, none or more than one, with the records sorted into candidates and discarded
     * @since 0.1.0
     */
    public static RecordSelection lenient(Collection<String> records) {
        return RecordParser.select(records, true);
    }

    /**
     * The one TLSRPT record.
     *
     * @return the record text when the outcome is {@link Outcome#ONE}, else null
     */
    public @Nullable String record() {
        return outcome == Outcome.ONE ? candidates.get(0) : null;
    }

    /**
     * A sentence for a person: what was found and what a reporter does about it.
     *
     * @return the explanation
     */
    public String explanation() {
        String nearMiss = "";
        for (String d : discarded) {
            if (d.strip().regionMatches(true, 0, "v=TLSRPTv1", 0, 10)) {
                nearMiss = " One discarded record starts like a TLSRPT record but not with the exact text "
                        + "'v=TLSRPTv1;' (for example 'v=TLSRPTv1 ;'); reporters that apply RFC 8460 section 3 "
                        + "literally ignore it.";
                break;
            }
        }
        return switch (outcome) {
            case ONE -> "One TLSRPT record: the domain asks for TLS reports." + nearMiss;
            case NONE -> "No TXT record begins with 'v=TLSRPTv1;': the domain does not implement TLSRPT."
                    + nearMiss;
            case MORE_THAN_ONE -> candidates.size() + " TXT records begin with 'v=TLSRPTv1;': senders must assume"
                    + " the domain does not implement TLSRPT (RFC 8460 section 3). Publish exactly one.";
        };
    }
}
