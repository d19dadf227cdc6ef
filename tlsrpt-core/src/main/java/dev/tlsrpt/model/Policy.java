package dev.tlsrpt.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The {@code "policy"} object of one policies entry (RFC 8460 section 4.4).
 *
 * @param policyType {@code "policy-type"}, {@link PolicyType#UNKNOWN} for a value RFC 8460 does not define
 * @param policyTypeName {@code "policy-type"} exactly as sent, also when it is unknown
 * @param policyStrings {@code "policy-string"}: the lines of the MTA-STS policy or the TLSA records, as
 *     sent (empty when the member was left out)
 * @param policyDomain {@code "policy-domain"}, absent when the sender left it out
 * @param mxHosts {@code "mx-host"}: the MX host patterns of an MTA-STS policy, as sent (empty when the
 *     member was left out; one element when it was sent as a single string)
 * @since 0.1.0
 */
public record Policy(
        PolicyType policyType,
        String policyTypeName,
        List<String> policyStrings,
        @Nullable String policyDomain,
        List<String> mxHosts) {

    /**
     * Checks the components and copies the lists.
     *
     * @param policyType see {@link #policyType()}
     * @param policyTypeName see {@link #policyTypeName()}
     * @param policyStrings see {@link #policyStrings()}
     * @param policyDomain see {@link #policyDomain()}
     * @param mxHosts see {@link #mxHosts()}
     */
    public Policy {
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(policyTypeName, "policyTypeName");
        policyStrings = List.copyOf(Objects.requireNonNull(policyStrings, "policyStrings"));
        mxHosts = List.copyOf(Objects.requireNonNull(mxHosts, "mxHosts"));
    }

    /**
     * A policy of a known type, with its wire name.
     *
     * @param policyType the type, not {@link PolicyType#UNKNOWN}
     * @param policyStrings the policy lines or TLSA records
     * @param policyDomain the policy domain
     * @param mxHosts the MX host patterns
     * @return the policy
     * @throws IllegalArgumentException for {@link PolicyType#UNKNOWN}, whose wire name is not known
     */
    public static Policy of(PolicyType policyType, List<String> policyStrings, @Nullable String policyDomain,
            List<String> mxHosts) {
        if (policyType == PolicyType.UNKNOWN) {
            throw new IllegalArgumentException("policyType UNKNOWN needs its wire name: use the constructor");
        }
        return new Policy(policyType, policyType.wireName(), policyStrings, policyDomain, mxHosts);
    }

    /**
     * The value of the first {@code key: value} line of an MTA-STS policy-string with this key (RFC 8461
     * section 3.2: later duplicates are ignored), without surrounding white space.
     *
     * @param key the field name, such as {@code "mode"}
     * @return the value, or null when no line has the key
     */
    public @Nullable String stsField(String key) {
        Objects.requireNonNull(key, "key");
        List<String> values = PolicyStrings.values(policyStrings, key);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The MTA-STS {@code mode} read from the policy-string of an {@code sts} policy.
     *
     * @return the mode, {@link StsMode#UNKNOWN} for a value RFC 8461 does not define, or null when this is not
     *     an sts policy or it has no {@code mode} line
     */
    public @Nullable StsMode stsMode() {
        if (policyType != PolicyType.STS) {
            return null;
        }
        String mode = stsField("mode");
        return mode == null ? null : StsMode.fromWireName(mode);
    }

    /**
     * The MX host patterns this policy names: {@code "mx-host"} when the sender filled it, else the
     * {@code mx:} lines of an sts policy-string (Microsoft sends only those).
     *
     * @return the patterns in the order sent, possibly empty
     */
    public List<String> mxPatterns() {
        if (!mxHosts.isEmpty() || policyType != PolicyType.STS) {
            return mxHosts;
        }
        return List.copyOf(PolicyStrings.values(policyStrings, "mx"));
    }

    /**
     * The TLSA records of a {@code tlsa} policy: the policy-string elements, except that an element holding
     * a JSON array of records in one string (as Microsoft sends it) yields the array's records, and an
     * element listing several records separated by semicolons is split.
     *
     * @return the records in the order sent; empty for other policy types
     */
    public List<String> tlsaRecords() {
        return policyType == PolicyType.TLSA ? PolicyStrings.tlsaRecords(policyStrings) : List.of();
    }

    /**
     * Whether a host name matches one of {@link #mxPatterns()} as RFC 8461 section 4.1 says: exactly, or a
     * {@code *.} pattern matching one leftmost label; compared as {@link DomainNames#normalize(String)} gives them
     * (case-insensitive, a trailing dot ignored). Each call reads the patterns again, in time linear in their
     * number: {@link #mxMatcher()} reads them once for many host names.
     *
     * @param hostname the MX host name
     * @return true when a pattern matches
     */
    public boolean matchesMx(String hostname) {
        Objects.requireNonNull(hostname, "hostname");
        return mxMatcher().test(hostname);
    }

    /**
     * {@link #matchesMx(String)} for many host names: the patterns of {@link #mxPatterns()} read once, in time
     * linear in their number; each test then costs a hash lookup or two, however many patterns there are.
     *
     * @return a test of host names, true when a pattern matches
     */
    public Predicate<String> mxMatcher() {
        return new MxMatcher(mxPatterns());
    }
}
