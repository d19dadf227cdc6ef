package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One distinct problem found in a report, with what it meant for the mail, how urgent it is and what to
 * do about it. Failure details that share result type, policy and MX host are merged into one finding:
 * their session counts are summed and their addresses and reason codes listed, de-duplicated in
 * first-seen order.
 *
 * <p>A finding is immutable and built by the diagnosis only; it may gain accessors in later versions
 * without breaking callers. The texts ({@link #title()}, {@link #explanation()}, {@link #action()}) come
 * from the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} in the locale the diagnosis was
 * made for; they build DNS names and URLs as text and never resolve them. They quote sender data as short
 * excerpts, with control characters, bidirectional controls and line separators shown as visible escapes
 * ({@code \}{@code u001b}), so a text never holds a terminal control or a line break.
 *
 * @since 0.1.0
 */
public final class Finding {

    /** At most this many {@link #policyStrings()} are kept per finding. */
    static final int MAX_POLICY_STRINGS = 10;

    /** Each of {@link #policyStrings()} is cut to this many characters. */
    static final int MAX_POLICY_STRING = 200;

    private final Severity severity;
    private final Impact impact;
    private final FindingKind kind;
    private final @Nullable ResultType resultType;
    private final @Nullable String resultTypeName;
    private final int policyIndex;
    private final @Nullable PolicyType policyType;
    private final @Nullable String policyTypeName;
    private final @Nullable String policyDomain;
    private final @Nullable StsMode stsMode;
    private final @Nullable String mxHost;
    private final MxHostSource mxHostSource;
    private final boolean mxHostOutsidePolicy;
    private final long failedSessions;
    private final long policySessions;
    private final double share;
    private final List<String> sendingIps;
    private final List<String> receivingIps;
    private final List<String> receivingMxHelos;
    private final List<String> failureReasonCodes;
    private final List<String> additionalInformation;
    private final List<String> policyStrings;
    private final String title;
    private final String explanation;
    private final String action;
    private final String reference;
    private final @Nullable String pointer;

    private Finding(Builder b) {
        this.severity = Objects.requireNonNull(b.severity, "severity");
        this.impact = Objects.requireNonNull(b.impact, "impact");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.resultType = b.resultType;
        this.resultTypeName = b.resultTypeName;
        this.policyIndex = b.policyIndex;
        this.policyType = b.policyType;
        this.policyTypeName = b.policyTypeName;
        this.policyDomain = b.policyDomain;
        this.stsMode = b.stsMode;
        this.mxHost = b.mxHost;
        this.mxHostSource = Objects.requireNonNull(b.mxHostSource, "mxHostSource");
        this.mxHostOutsidePolicy = b.mxHostOutsidePolicy;
        this.failedSessions = b.failedSessions;
        this.policySessions = b.policySessions;
        this.share = b.share;
        this.sendingIps = List.copyOf(b.sendingIps);
        this.receivingIps = List.copyOf(b.receivingIps);
        this.receivingMxHelos = List.copyOf(b.receivingMxHelos);
        this.failureReasonCodes = List.copyOf(b.failureReasonCodes);
        this.additionalInformation = List.copyOf(b.additionalInformation);
        this.policyStrings = List.copyOf(b.policyStrings);
        this.title = Objects.requireNonNull(b.title, "title");
        this.explanation = Objects.requireNonNull(b.explanation, "explanation");
        this.action = Objects.requireNonNull(b.action, "action");
        this.reference = Objects.requireNonNull(b.reference, "reference");
        this.pointer = b.pointer;
        if ((mxHost == null) != (mxHostSource == MxHostSource.ABSENT)) {
            throw new IllegalArgumentException("mxHostSource must be ABSENT exactly when mxHost is null");
        }
        if (mxHostOutsidePolicy && mxHostSource != MxHostSource.RECEIVING_MX_HOSTNAME) {
            throw new IllegalArgumentException("only a receiving MX host can be outside the policy");
        }
        if (policyIndex < -1) {
            throw new IllegalArgumentException("policyIndex < -1");
        }
        if (failedSessions < 0 || policySessions < 0) {
            throw new IllegalArgumentException("session counts must not be negative");
        }
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be from 0 to 1");
        }
        if (policyStrings.size() > MAX_POLICY_STRINGS) {
            throw new IllegalArgumentException("at most " + MAX_POLICY_STRINGS + " policy strings");
        }
    }

    /**
     * How urgent the finding is; see {@link Severity} for how it follows from the impact and the share.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * What the failures meant for the mail: not delivered, delivered without the protection the policy asks
     * for, no effect on delivery, or unknown. {@link Impact#NO_EFFECT} for notes about the report.
     *
     * @return the impact
     */
    public Impact impact() {
        return impact;
    }

    /**
     * What the finding is about.
     *
     * @return the kind
     */
    public FindingKind kind() {
        return kind;
    }

    /**
     * The result type of a {@link FindingKind#FAILURE} finding ({@link ResultType#UNKNOWN} for one RFC 8460
     * does not define).
     *
     * @return the result type, null for other kinds
     */
    public @Nullable ResultType resultType() {
        return resultType;
    }

    /**
     * The {@code result-type} exactly as sent.
     *
     * @return the name, null for findings that are not failures
     */
    public @Nullable String resultTypeName() {
        return resultTypeName;
    }

    /**
     * The index of the policy in the report's {@code policies} array.
     *
     * @return the index, -1 for a finding about the whole report
     */
    public int policyIndex() {
        return policyIndex;
    }

    /**
     * The policy's type.
     *
     * @return the type, null for a finding about the whole report
     */
    public @Nullable PolicyType policyType() {
        return policyType;
    }

    /**
     * The {@code policy-type} as sent; like {@link #policyDomain()} cut to 255 characters and {@code …},
     * since every finding of a policy repeats it.
     *
     * @return the name, null for a finding about the whole report
     */
    public @Nullable String policyTypeName() {
        return policyTypeName;
    }

    /**
     * The policy's {@code policy-domain} as sent; a value of more than 255 characters (no domain name is
     * that long) is cut there and ends in {@code …}.
     *
     * @return the domain, null when absent or not about a policy
     */
    public @Nullable String policyDomain() {
        return policyDomain;
    }

    /**
     * The MTA-STS mode of an {@code sts} policy.
     *
     * @return the mode, null when unknown or not an sts policy
     */
    public @Nullable StsMode stsMode() {
        return stsMode;
    }

    /**
     * The MX host the finding is about: the {@code receiving-mx-hostname} as sent, else the policy's mx
     * patterns joined with {@code ", "} (the first five, shortened, then how many more, such as
     * {@code "mx1.example.com, ..., mx5.example.com and 9985 more"}).
     *
     * @return the MX host, null when the report names none
     */
    public @Nullable String mxHost() {
        return mxHost;
    }

    /**
     * Where {@link #mxHost()} comes from.
     *
     * @return the source, {@link MxHostSource#ABSENT} when {@link #mxHost()} is null
     */
    public MxHostSource mxHostSource() {
        return mxHostSource;
    }

    /**
     * Whether the {@code receiving-mx-hostname} of a failure matches none of the mx patterns of its MTA-STS
     * policy (RFC 8461 section 4.1): a cause of the failure by itself, which {@link #explanation()} and
     * {@link #action()} then name, with the {@code mx:} line to add if the host is the domain's.
     *
     * @return true when the MX host is outside the policy's patterns
     */
    public boolean mxHostOutsidePolicy() {
        return mxHostOutsidePolicy;
    }

    /**
     * The failed sessions this finding counts (summed over merged failure details, saturating).
     *
     * @return the count
     */
    public long failedSessions() {
        return failedSessions;
    }

    /**
     * The sessions of the policy, the denominator of {@link #share()} and of the verdict: successful plus
     * failed, where failed is the larger of the summary's {@code total-failure-session-count} and the sum of
     * the failure details. 0 when the finding is not about a policy.
     *
     * @return the count
     */
    public long policySessions() {
        return policySessions;
    }

    /**
     * {@link #failedSessions()} divided by {@link #policySessions()}.
     *
     * @return the share, from 0 to 1 (0 when there are no sessions)
     */
    public double share() {
        return share;
    }

    /**
     * The share of failed sessions as a percentage text, such as {@code "0.06%"}; {@code "<0.01%"} for a
     * share too small to show and {@code ">99.99%"} for one just under all.
     *
     * @return the share as text
     */
    public String shareText() {
        return Texts.percent(share);
    }

    /**
     * The {@code sending-mta-ip} values, de-duplicated, in first-seen order.
     *
     * @return the addresses, possibly empty
     */
    public List<String> sendingIps() {
        return sendingIps;
    }

    /**
     * The {@code receiving-ip} values, de-duplicated, in first-seen order.
     *
     * @return the addresses, possibly empty
     */
    public List<String> receivingIps() {
        return receivingIps;
    }

    /**
     * The {@code receiving-mx-helo} values whose host name differs from {@link #mxHost()}: the senders were
     * greeted by another name than the MX host they connected to. De-duplicated, in first-seen order.
     *
     * @return the greetings as sent, possibly empty
     */
    public List<String> receivingMxHelos() {
        return receivingMxHelos;
    }

    /**
     * The {@code failure-reason-code} values, de-duplicated, in first-seen order.
     *
     * @return the reason codes, possibly empty
     */
    public List<String> failureReasonCodes() {
        return failureReasonCodes;
    }

    /**
     * The {@code additional-information} URIs, de-duplicated, in first-seen order.
     *
     * @return the URIs, possibly empty
     */
    public List<String> additionalInformation() {
        return additionalInformation;
    }

    /**
     * What the sender saw of the policy, for a {@link FindingKind#FAILURE} finding: the policy-string lines
     * of an {@code sts} policy, the TLSA records of a {@code tlsa} policy ({@code Policy.tlsaRecords()}).
     * The first 10, each cut to 200 characters and {@code …}, since every failure of a policy repeats them.
     *
     * @return the lines or records, empty for other findings and policy types
     */
    public List<String> policyStrings() {
        return policyStrings;
    }

    /**
     * A one-line summary.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * What happened and what it meant for delivery, with the session counts, the cause the report shows,
     * and what the sender saw.
     *
     * @return the explanation
     */
    public String explanation() {
        return explanation;
    }

    /**
     * What to do, naming the host, DNS name, URL, {@code mx:} line or command to check. Commands, DNS names
     * and URLs are built only from valid host names and IP literals (one shell word each); an invalid value
     * keeps its placeholder ({@code <mx-host>}, {@code <policy-domain>}) and the action says so.
     *
     * @return the action
     */
    public String action() {
        return action;
    }

    /**
     * The RFC sections the advice rests on, such as {@code "RFC 8460 §4.3.1, RFC 8461 §4.2"}.
     *
     * @return the reference
     */
    public String reference() {
        return reference;
    }

    /**
     * The RFC 6901 JSON pointer into the report of a {@link FindingKind#PARSE_DEVIATION} finding: where
     * the first tolerated deviation is.
     *
     * @return the pointer, null for other kinds
     */
    public @Nullable String pointer() {
        return pointer;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Finding f)) {
            return false;
        }
        return severity == f.severity && impact == f.impact && kind == f.kind && resultType == f.resultType
                && Objects.equals(resultTypeName, f.resultTypeName) && policyIndex == f.policyIndex
                && policyType == f.policyType && Objects.equals(policyTypeName, f.policyTypeName)
                && Objects.equals(policyDomain, f.policyDomain) && stsMode == f.stsMode
                && Objects.equals(mxHost, f.mxHost) && mxHostSource == f.mxHostSource
                && mxHostOutsidePolicy == f.mxHostOutsidePolicy && failedSessions == f.failedSessions
                && policySessions == f.policySessions && Double.compare(share, f.share) == 0
                && sendingIps.equals(f.sendingIps) && receivingIps.equals(f.receivingIps)
                && receivingMxHelos.equals(f.receivingMxHelos) && failureReasonCodes.equals(f.failureReasonCodes)
                && additionalInformation.equals(f.additionalInformation) && policyStrings.equals(f.policyStrings)
                && title.equals(f.title) && explanation.equals(f.explanation) && action.equals(f.action)
                && reference.equals(f.reference) && Objects.equals(pointer, f.pointer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, impact, kind, resultType, resultTypeName, policyIndex, policyType,
                policyTypeName, policyDomain, stsMode, mxHost, mxHostSource, mxHostOutsidePolicy, failedSessions,
                policySessions, share, sendingIps, receivingIps, receivingMxHelos, failureReasonCodes,
                additionalInformation, policyStrings, title, explanation, action, reference, pointer);
    }

    /**
     * A short description for logs and debuggers: severity, impact, kind, result type, policy domain, MX host,
     * counts and title. Not a format to parse; use {@link Diagnosis#toJson()} for that.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Finding[" + severity.wireName() + ", " + impact.wireName() + ", " + kind.wireName()
                + (resultTypeName == null ? "" : ", " + Texts.excerpt(resultTypeName))
                + (policyDomain == null ? "" : ", " + Texts.excerpt(policyDomain))
                + (mxHost == null ? "" : ", mx " + Texts.excerpt(mxHost)) + ", " + failedSessions + "/"
                + policySessions + ", " + Texts.excerpt(title, 200) + "]";
    }

    /** The one way findings are made: set what applies, then {@link #build()}, which checks the values. */
    static final class Builder {
        private final FindingKind kind;
        private @Nullable Severity severity;
        private Impact impact = Impact.NO_EFFECT;
        private @Nullable ResultType resultType;
        private @Nullable String resultTypeName;
        private int policyIndex = -1;
        private @Nullable PolicyType policyType;
        private @Nullable String policyTypeName;
        private @Nullable String policyDomain;
        private @Nullable StsMode stsMode;
        private @Nullable String mxHost;
        private MxHostSource mxHostSource = MxHostSource.ABSENT;
        private boolean mxHostOutsidePolicy;
        private long failedSessions;
        private long policySessions;
        private double share;
        private List<String> sendingIps = List.of();
        private List<String> receivingIps = List.of();
        private List<String> receivingMxHelos = List.of();
        private List<String> failureReasonCodes = List.of();
        private List<String> additionalInformation = List.of();
        private List<String> policyStrings = List.of();
        private @Nullable String title;
        private @Nullable String explanation;
        private @Nullable String action;
        private @Nullable String reference;
        private @Nullable String pointer;

        Builder(FindingKind kind) {
            this.kind = kind;
        }

        Builder severity(Severity severity, Impact impact) {
            this.severity = severity;
            this.impact = impact;
            return this;
        }

        Builder result(ResultType type, String name) {
            this.resultType = type;
            this.resultTypeName = name;
            return this;
        }

        Builder policy(int index, PolicyType type, String typeName, @Nullable String domain, @Nullable StsMode mode) {
            this.policyIndex = index;
            this.policyType = type;
            this.policyTypeName = typeName;
            this.policyDomain = domain;
            this.stsMode = mode;
            return this;
        }

        Builder mxHost(@Nullable String host, MxHostSource source, boolean outsidePolicy) {
            this.mxHost = host;
            this.mxHostSource = source;
            this.mxHostOutsidePolicy = outsidePolicy;
            return this;
        }

        Builder sessions(long failed, long sessions, double share) {
            this.failedSessions = failed;
            this.policySessions = sessions;
            this.share = share;
            return this;
        }

        Builder seen(List<String> sendingIps, List<String> receivingIps, List<String> helos, List<String> codes,
                List<String> additionalInformation, List<String> policyStrings) {
            this.sendingIps = sendingIps;
            this.receivingIps = receivingIps;
            this.receivingMxHelos = helos;
            this.failureReasonCodes = codes;
            this.additionalInformation = additionalInformation;
            this.policyStrings = policyStrings;
            return this;
        }

        Builder texts(String title, String explanation, String action, String reference) {
            this.title = title;
            this.explanation = explanation;
            this.action = action;
            this.reference = reference;
            return this;
        }

        Builder pointer(@Nullable String pointer) {
            this.pointer = pointer;
            return this;
        }

        Finding build() {
            return new Finding(this);
        }
    }
}
