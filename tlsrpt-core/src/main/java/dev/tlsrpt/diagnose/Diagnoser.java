package dev.tlsrpt.diagnose;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.internal.PolicyStrings;
import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.internal.Syntax;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultCategory;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.net.IDN;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one report into its findings. One instance per diagnosis; not thread-safe.
 *
 * <p>The cost follows the report's size: what a policy's policy-string says (its mode, its mx patterns)
 * is read once per policy ({@link PolicyFacts}), a host is matched against the patterns by hash lookups,
 * and every text quotes sender data as bounded excerpts, listing at most {@link #MAX_PATTERNS_LISTED}
 * patterns.
 */
final class Diagnoser {

    /** Reason-code advice that only repeats the result type's own advice, so its action is left out. */
    private static final Map<ResultType, String> REDUNDANT_CODE = Map.of(
            ResultType.CERTIFICATE_EXPIRED, "certExpired",
            ResultType.CERTIFICATE_HOST_MISMATCH, "hostnameMismatch");

    /** At most this many reason codes are quoted in one explanation. */
    private static final int MAX_CODES_QUOTED = 5;

    /** At most this many mx patterns are listed in one text; the rest are counted. */
    static final int MAX_PATTERNS_LISTED = 5;

    /** The longest excerpt of a host or domain name in a text (a valid one has at most 253 characters). */
    static final int MAX_NAME = 255;

    /** The longest text {@link #dnsName} reads as a name. */
    private static final int MAX_DNS_INPUT = 1024;

    /** The longest excerpt of an organization name in a text. */
    static final int MAX_ORGANIZATION = 200;

    private static final Pattern POLICY_POINTER = Pattern.compile("^/policies/([0-9]+)(?:/.*)?$");

    private final TlsReport report;
    private final List<Deviation> deviations;
    private final AdviceCatalog.Formatter advice;
    private final Locale locale;
    private final List<Finding> findings = new ArrayList<>();
    /** What each policy says, read on first use; by policy index. */
    private final @Nullable PolicyFacts[] facts;
    /** The reporting organization as texts quote it. */
    private final String organization;
    private final String mxPlaceholder;

    Diagnoser(TlsReport report, List<Deviation> deviations, AdviceCatalog advice, Locale locale) {
        this.report = report;
        this.deviations = List.copyOf(deviations);
        this.advice = advice.formatter();
        this.locale = locale;
        this.mxPlaceholder = this.advice.format("placeholder.mx");
        this.facts = new PolicyFacts[report.policies().size()];
        this.organization = Texts.excerpt(report.organizationName(), MAX_ORGANIZATION);
    }

    private PolicyFacts facts(int index) {
        PolicyFacts f = facts[index];
        if (f == null) {
            f = new PolicyFacts(report.policies().get(index).policy());
            facts[index] = f;
        }
        return f;
    }

    Diagnosis diagnose() {
        List<PolicyResult> policies = report.policies();
        for (int i = 0; i < policies.size(); i++) {
            diagnosePolicy(i, policies.get(i));
        }
        DateRange range = report.dateRange();
        if (!range.isOneUtcDay()) {
            findings.add(dateRangeFinding(range));
        }
        for (Deviation d : deviations) {
            findings.add(deviationFinding(d));
        }
        long total = 0;
        long failed = 0;
        for (PolicyResult p : policies) {
            total = add(total, sessions(p.summary()));
            failed = add(failed, p.summary().totalFailureSessionCount());
        }
        if (findings.isEmpty()) {
            findings.add(allClearFinding(total, policies.size()));
        }
        List<Finding> sorted = sort(findings);
        Severity worst = sorted.get(0).severity();
        String verdict = worst == Severity.OK
                ? advice.format("verdict.ok", String.valueOf(total))
                : advice.format("verdict.findings", worst.name(), String.valueOf(failed), String.valueOf(total),
                        Texts.percent(total == 0 ? 0.0 : Math.min(1.0, (double) failed / total)),
                        count(sorted, Severity.CRITICAL), count(sorted, Severity.WARNING),
                        count(sorted, Severity.INFO));
        return new Diagnosis(report.organizationName(), report.reportId(), report.contactInfo(), range, worst,
                verdict, total, failed, sorted, locale);
    }

    // ---------------------------------------------------------------- per policy

    private void diagnosePolicy(int index, PolicyResult result) {
        Policy policy = result.policy();
        PolicyFacts pf = facts(index);
        Map<String, List<FailureDetail>> groups = new LinkedHashMap<>();
        for (FailureDetail d : result.failureDetails()) {
            String mx = d.receivingMxHostname();
            String key = d.resultTypeName() + "\u0000" + (mx == null ? "\u0000" : normalizeHost(mx));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        for (List<FailureDetail> group : groups.values()) {
            findings.add(failureFinding(index, result, pf, group));
        }
        if (policy.policyType() == PolicyType.NO_POLICY_FOUND) {
            findings.add(noPolicyFinding(index, result, pf));
        }
        long sum = saturatingSum(result.failureDetails());
        long total = result.summary().totalFailureSessionCount();
        if (sum != total) {
            findings.add(countMismatchFinding(index, result, pf, sum));
        }
        if (policy.policyType() == PolicyType.STS && !pf.patterns.isEmpty()) {
            Map<String, String> hosts = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (FailureDetail d : result.failureDetails()) {
                String mx = d.receivingMxHostname();
                if (mx != null && !mx.isBlank() && !pf.matcher.matches(mx)) {
                    String key = normalizeHost(mx);
                    hosts.putIfAbsent(key, mx);
                    counts.merge(key, d.failedSessionCount(), Diagnoser::add);
                }
            }
            for (Map.Entry<String, String> e : hosts.entrySet()) {
                findings.add(mxNotInPolicyFinding(index, result, pf, e.getValue(), counts.get(e.getKey())));
            }
        }
    }

    private Finding failureFinding(int index, PolicyResult result, PolicyFacts pf, List<FailureDetail> group) {
        Policy policy = result.policy();
        FailureDetail first = group.get(0);
        ResultType type = first.resultType();
        long failed = 0;
        Set<String> sending = new LinkedHashSet<>();
        Set<String> receiving = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> info = new LinkedHashSet<>();
        for (FailureDetail d : group) {
            failed = add(failed, d.failedSessionCount());
            addIfPresent(sending, d.sendingMtaIp());
            addIfPresent(receiving, d.receivingIp());
            addIfPresent(codes, d.failureReasonCode());
            addIfPresent(info, d.additionalInformation());
        }
        Mx mx = mxOf(first.receivingMxHostname(), pf);
        long policySessions = Math.max(sessions(result.summary()),
                add(result.summary().totalSuccessfulSessionCount(), failed));
        double share = share(failed, policySessions);
        Args args = new Args(pf, mx, type.category());
        args.failed = failed;
        args.sessions = policySessions;
        args.share = share;
        args.resultTypeName = Texts.excerpt(first.resultTypeName());
        Object[] a = args.array();

        String id = adviceId(type);
        String ptype = policyKey(policy);
        List<String> explanation = new ArrayList<>();
        explanation.add(advice.format("failure.sessions", a));
        explanation.add(typeText(id, "explanation", ptype, a));
        if (type.category() == ResultCategory.STS_POLICY) {
            // fetching or validating the policy involves no MX host: nothing to say about one
        } else if (mx.source == MxHostSource.POLICY_MX_PATTERNS) {
            explanation.add(advice.format("mx.fromPolicy", a));
        } else if (mx.source == MxHostSource.ABSENT) {
            explanation.add(advice.format("mx.absent", a));
        }
        explanation.add(consequence(pf, type.category(), a));
        List<String> actions = new ArrayList<>();
        // fetching or validating the policy involves no MX host: nothing to say about one
        invalidNames(actions, pf, type.category() == ResultCategory.STS_POLICY ? Mx.ABSENT_MX : mx, a);
        actions.add(typeText(id, "action", ptype, a));
        Set<String> seenIds = new LinkedHashSet<>();
        int quoted = 0;
        for (String code : codes) {
            if (quoted == MAX_CODES_QUOTED) {
                explanation.add(advice.format("code.more", String.valueOf(codes.size() - quoted)));
                break;
            }
            quoted++;
            args.reasonCode = Texts.quote(code);
            ReasonCodes.Match match = ReasonCodes.classify(code, type.category());
            args.extra = match == null ? "" : match.extra();
            Object[] ca = args.array();
            if (match == null) {
                explanation.add(advice.format("code.unknown.explanation", ca));
                continue;
            }
            explanation.add(advice.format("code." + match.id() + ".explanation", ca));
            if (seenIds.add(match.id()) && !match.id().equals(REDUNDANT_CODE.get(type))) {
                actions.add(advice.format("code." + match.id() + ".action", ca));
            }
        }
        Severity severity = severityOf(policy.policyType(), pf.mode);
        return new Finding(severity, FindingKind.FAILURE, type, first.resultTypeName(), index,
                policy.policyType(), pf.typeNameValue, pf.domainValue, pf.mode,
                mx.host, mx.source, failed, policySessions, share, List.copyOf(sending), List.copyOf(receiving),
                List.copyOf(codes), List.copyOf(info), typeText(id, "title", ptype, a), join(explanation),
                join(actions), typeText(id, "reference", ptype, a), null);
    }

    private Finding noPolicyFinding(int index, PolicyResult result, PolicyFacts pf) {
        Policy policy = result.policy();
        Mx mx = mxOf(null, pf);
        Summary s = result.summary();
        Args args = new Args(pf, mx, ResultCategory.UNKNOWN);
        args.failed = s.totalFailureSessionCount();
        args.sessions = sessions(s);
        args.share = share(args.failed, args.sessions);
        args.extra = String.valueOf(s.totalSuccessfulSessionCount());
        Object[] a = args.array();
        return new Finding(Severity.INFO, FindingKind.NO_POLICY_FOUND, null, null, index, policy.policyType(),
                pf.typeNameValue, pf.domainValue, null, mx.host, mx.source, args.failed,
                args.sessions, args.share, List.of(), List.of(), List.of(), List.of(),
                advice.format("noPolicy.title", a), advice.format("noPolicy.explanation", a),
                withInvalidNames(pf, mx, a, advice.format("noPolicy.action", a)),
                advice.format("noPolicy.reference", a), null);
    }

    private Finding countMismatchFinding(int index, PolicyResult result, PolicyFacts pf, long sum) {
        Policy policy = result.policy();
        Summary s = result.summary();
        Args args = new Args(pf, Mx.ABSENT_MX, ResultCategory.UNKNOWN);
        args.failed = s.totalFailureSessionCount();
        args.sessions = sessions(s);
        args.share = share(args.failed, args.sessions);
        args.extra = String.valueOf(sum);
        Object[] a = args.array();
        boolean noDetails = result.failureDetails().isEmpty();
        String key = noDetails ? "report.countMismatch.noDetails" : "report.countMismatch";
        return new Finding(noDetails ? Severity.WARNING : Severity.INFO, FindingKind.FAILURE_COUNT_MISMATCH, null,
                null, index, policy.policyType(), pf.typeNameValue, pf.domainValue, pf.mode,
                null, MxHostSource.ABSENT, args.failed, args.sessions, args.share, List.of(), List.of(), List.of(),
                List.of(), advice.format(key + ".title", a), advice.format(key + ".explanation", a),
                advice.format(key + ".action", a), advice.format(key + ".reference", a), null);
    }

    private Finding mxNotInPolicyFinding(int index, PolicyResult result, PolicyFacts pf, String host, long failed) {
        Policy policy = result.policy();
        Mx mx = mxOf(host, pf);
        Args args = new Args(pf, mx, ResultCategory.UNKNOWN);
        args.failed = failed;
        args.sessions = Math.max(sessions(result.summary()),
                add(result.summary().totalSuccessfulSessionCount(), failed));
        args.share = share(failed, args.sessions);
        args.extra = Objects.requireNonNull(pf.patternsText, "patterns");
        Object[] a = args.array();
        return new Finding(Severity.INFO, FindingKind.MX_HOST_NOT_IN_POLICY, null, null, index,
                policy.policyType(), pf.typeNameValue, pf.domainValue, pf.mode, host,
                MxHostSource.RECEIVING_MX_HOSTNAME, failed, args.sessions, args.share, List.of(), List.of(),
                List.of(), List.of(), advice.format("report.mxNotInPolicy.title", a),
                advice.format("report.mxNotInPolicy.explanation", a),
                withInvalidNames(pf, mx, a, advice.format("report.mxNotInPolicy.action", a)),
                advice.format("report.mxNotInPolicy.reference", a), null);
    }

    /** Says that the report names an invalid policy domain or MX host, which no command is built from. */
    private void invalidNames(List<String> actions, PolicyFacts pf, Mx mx, Object[] a) {
        if (pf.invalidDomain) {
            actions.add(advice.format("domain.invalid", a));
        }
        if (mx.invalid) {
            actions.add(advice.format("mx.invalid", a));
        }
    }

    private String withInvalidNames(PolicyFacts pf, Mx mx, Object[] a, String action) {
        List<String> actions = new ArrayList<>();
        invalidNames(actions, pf, mx, a);
        actions.add(action);
        return join(actions);
    }

    // ---------------------------------------------------------------- about the whole report

    private Finding dateRangeFinding(DateRange range) {
        Duration length = range.length();
        String key = length.isNegative() ? "report.dateRangeReversed" : "report.dateRange";
        Object[] a = {
            DateTimeFormatter.ISO_INSTANT.format(range.start()), DateTimeFormatter.ISO_INSTANT.format(range.end()),
            duration(length.abs()), organization
        };
        return reportFinding(Severity.INFO, FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY, key, a, null);
    }

    private Finding deviationFinding(Deviation d) {
        String kind = d.kind().name();
        String where = d.pointer().isEmpty() ? advice.format("placeholder.document") : Texts.excerpt(d.pointer(), 200);
        if (d.line() >= 0) {
            where = advice.format("deviation.position", where, String.valueOf(d.line()), String.valueOf(d.column()));
        }
        String description = advice.formatFirst(List.of("deviation." + kind), new Object[0]);
        Object[] a = {
            kind, where, sentence(Texts.excerpt(d.message(), 200)), description == null ? "" : description,
            organization
        };
        Finding f = reportFinding(Severity.INFO, FindingKind.PARSE_DEVIATION, "report.deviation", a, d.pointer());
        Matcher m = POLICY_POINTER.matcher(d.pointer());
        if (m.matches()) {
            try {
                int index = Integer.parseInt(m.group(1));
                if (index < report.policies().size()) {
                    Policy p = report.policies().get(index).policy();
                    PolicyFacts pf = facts(index);
                    return new Finding(f.severity(), f.kind(), null, null, index, p.policyType(), pf.typeNameValue,
                            pf.domainValue, pf.mode, null, MxHostSource.ABSENT, 0, 0, 0.0, List.of(),
                            List.of(), List.of(), List.of(), f.title(), f.explanation(), f.action(), f.reference(),
                            f.pointer());
                }
            } catch (NumberFormatException e) {
                // an index beyond int: leave the finding about the whole report
            }
        }
        return f;
    }

    private Finding allClearFinding(long total, int policies) {
        Object[] a = {String.valueOf(total), String.valueOf(policies), organization};
        return reportFinding(Severity.OK, FindingKind.ALL_CLEAR, "allClear", a, null);
    }

    private Finding reportFinding(Severity severity, FindingKind kind, String key, Object[] a,
            @Nullable String pointer) {
        return new Finding(severity, kind, null, null, -1, null, null, null, null, null, MxHostSource.ABSENT, 0, 0,
                0.0, List.of(), List.of(), List.of(), List.of(), advice.format(key + ".title", a),
                advice.format(key + ".explanation", a), advice.format(key + ".action", a),
                advice.format(key + ".reference", a), pointer);
    }

    // ---------------------------------------------------------------- severity and texts

    /** Failures under enforce or DANE blocked mail; anything else was delivered or its fate is unknown. */
    static Severity severityOf(PolicyType type, @Nullable StsMode mode) {
        return switch (type) {
            case TLSA -> Severity.CRITICAL;
            case STS -> mode == StsMode.ENFORCE ? Severity.CRITICAL : Severity.WARNING;
            case NO_POLICY_FOUND, UNKNOWN -> Severity.WARNING;
        };
    }

    private String consequence(PolicyFacts pf, ResultCategory category, Object[] a) {
        String cat = category == ResultCategory.STS_POLICY ? ".policyFailure" : "";
        String key = switch (pf.policy.policyType()) {
            case TLSA -> "consequence.tlsa";
            case NO_POLICY_FOUND -> "consequence.noPolicy";
            case UNKNOWN -> "consequence.unknownPolicy";
            case STS -> {
                StsMode mode = pf.mode;
                yield "consequence.sts." + (mode == null ? "unknown" : mode.wireName());
            }
        };
        String text = advice.formatFirst(List.of(key + cat, key), a);
        return text == null ? "" : text;
    }

    private String typeText(String id, String field, String ptype, Object[] a) {
        String text = advice.formatFirst(List.of("type." + id + "." + field + "." + ptype, "type." + id + "." + field), a);
        if (text == null) {
            throw new IllegalStateException("Advice.properties has no key type." + id + "." + field);
        }
        return text;
    }

    /** The bundle id of a result type's advice; a switch without default, so a new constant needs advice. */
    static String adviceId(ResultType type) {
        return switch (type) {
            case STARTTLS_NOT_SUPPORTED -> "starttls-not-supported";
            case CERTIFICATE_HOST_MISMATCH -> "certificate-host-mismatch";
            case CERTIFICATE_EXPIRED -> "certificate-expired";
            case CERTIFICATE_NOT_TRUSTED -> "certificate-not-trusted";
            case VALIDATION_FAILURE -> "validation-failure";
            case TLSA_INVALID -> "tlsa-invalid";
            case DNSSEC_INVALID -> "dnssec-invalid";
            case DANE_REQUIRED -> "dane-required";
            case STS_POLICY_FETCH_ERROR -> "sts-policy-fetch-error";
            case STS_POLICY_INVALID -> "sts-policy-invalid";
            case STS_WEBPKI_INVALID -> "sts-webpki-invalid";
            case UNKNOWN -> "unknown";
        };
    }

    private static String policyKey(Policy policy) {
        return switch (policy.policyType()) {
            case TLSA -> "tlsa";
            case STS -> "sts";
            case NO_POLICY_FOUND -> "noPolicy";
            case UNKNOWN -> "unknownPolicy";
        };
    }

    /**
     * What the diagnosis needs of one policy, read from its policy-string once: its mode, its mx patterns
     * and matcher, and the texts built from them and from its domain.
     */
    private final class PolicyFacts {
        final Policy policy;
        final @Nullable StsMode mode;
        /** The mx patterns, stripped, blank ones left out. */
        final List<String> patterns;
        final PolicyStrings.MxMatcher matcher;
        /** The first patterns (invalid ones quoted) and how many more there are, null when there are none. */
        final @Nullable String patternsText;
        /** The TLSA record names of the first valid patterns, null when no pattern is valid. */
        final @Nullable String patternsTlsaNames;
        /** The host of the only pattern, as a command may hold it; null unless it is one valid host name. */
        final @Nullable String patternCommandHost;
        /** The policy domain as texts quote it: as sent when valid, quoted when not, else a placeholder. */
        final String domain;
        /** Whether the report names a policy domain that is not a valid domain name. */
        final boolean invalidDomain;
        /** The policy domain as DNS names use it: a valid domain (A-labels), else the placeholder. */
        final String domainName;
        /** The policy host, URL and TXT names: from a valid domain (A-labels), else from the placeholder. */
        final String policyHost;
        final String policyUrl;
        final String stsTxt;
        final String tlsrptTxt;
        final String typeName;
        /** {@code policy-domain} and {@code policy-type} as findings hold them: as sent, cut to MAX_NAME. */
        final @Nullable String domainValue;
        final String typeNameValue;

        PolicyFacts(Policy policy) {
            this.policy = policy;
            this.mode = policy.stsMode();
            List<String> kept = new ArrayList<>();
            for (String p : policy.mxPatterns()) {
                if (!p.isBlank()) {
                    kept.add(p.strip());
                }
            }
            this.patterns = List.copyOf(kept);
            this.matcher = new PolicyStrings.MxMatcher(patterns);
            List<String> shown = new ArrayList<>();
            List<String> tlsa = new ArrayList<>();
            int validPatterns = 0;
            for (String p : patterns) {
                boolean wildcard = p.startsWith("*.");
                String name = dnsName(wildcard ? p.substring(2) : p);
                if (shown.size() < MAX_PATTERNS_LISTED) {
                    shown.add(name == null ? Texts.quote(p) : Texts.excerpt(p, MAX_NAME));
                }
                if (name != null && !Syntax.isIpLiteral(name)) {
                    if (tlsa.size() < MAX_PATTERNS_LISTED) {
                        tlsa.add("_25._tcp." + (wildcard ? mxPlaceholder + "." : "") + name);
                    }
                    validPatterns++;
                }
            }
            this.patternsText = patterns.isEmpty() ? null : listed(shown, patterns.size());
            this.patternsTlsaNames = tlsa.isEmpty() ? null : listed(tlsa, validPatterns);
            this.patternCommandHost = patterns.size() == 1 && !patterns.get(0).startsWith("*.")
                    ? commandHost(patterns.get(0)) : null;
            String rawDomain = policy.policyDomain();
            String domainName = rawDomain == null || rawDomain.isBlank() ? null : dnsName(rawDomain);
            this.invalidDomain = rawDomain != null && !rawDomain.isBlank() && domainName == null;
            if (rawDomain == null || rawDomain.isBlank()) {
                this.domain = advice.format("placeholder.domain");
            } else {
                this.domain = invalidDomain ? Texts.quote(rawDomain) : trimDot(Texts.excerpt(rawDomain, MAX_NAME));
            }
            String names = domainName == null ? advice.format("placeholder.domain") : domainName;
            this.domainName = names;
            this.policyHost = "mta-sts." + names;
            this.policyUrl = "https://" + policyHost + "/.well-known/mta-sts.txt";
            this.stsTxt = "_mta-sts." + names;
            this.tlsrptTxt = "_smtp._tls." + names;
            this.typeName = Texts.excerpt(policy.policyTypeName());
            this.domainValue = rawDomain == null ? null : Texts.cut(rawDomain, MAX_NAME);
            this.typeNameValue = Texts.cut(policy.policyTypeName(), MAX_NAME);
        }

        /** The items joined with ", ", then "and N more" when they are the first of {@code total}. */
        private String listed(List<String> items, int total) {
            String joined = String.join(", ", items);
            return total > items.size()
                    ? advice.format("list.more", joined, String.valueOf(total - items.size())) : joined;
        }
    }

    /**
     * A name a DNS name, URL or command may be built from: a valid host name ({@link Syntax#isHostName}),
     * an internationalized one as its A-labels, or an IP literal; without surrounding white space and
     * trailing dot. Null for anything else, which then never enters a command, DNS name or URL.
     */
    static @Nullable String dnsName(String sent) {
        if (sent.length() > MAX_DNS_INPUT) {
            return null; // no name this long shrinks to 253 characters (and IDN would work through all of it)
        }
        String s = sent.strip();
        if (Syntax.isIpLiteral(s)) {
            return s;
        }
        String ascii = s;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                try {
                    ascii = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                break;
            }
        }
        return Syntax.isHostName(ascii) ? trimDot(ascii) : null;
    }

    /**
     * A host as a command holds it, one POSIX shell word: a {@link #dnsName} as it is, an IPv6 literal in
     * brackets and single quotes ({@code '[2001:db8::25]'}, as openssl wants it); null when the host is no
     * valid name.
     */
    static @Nullable String commandHost(String sent) {
        String name = dnsName(sent);
        if (name == null) {
            return null;
        }
        return SenderText.shellWord(name.indexOf(':') >= 0 ? "[" + name + "]" : name);
    }

    /**
     * The MX host of a finding and where it comes from ({@code host} is {@link Finding#mxHost()}), with the
     * host as texts quote it, the TLSA record names, the host as a command holds it (null: the placeholder)
     * and whether the report names a host that is no valid host name.
     */
    private record Mx(@Nullable String host, MxHostSource source, @Nullable String text, @Nullable String tlsaNames,
            @Nullable String command, boolean invalid) {
        static final Mx ABSENT_MX = new Mx(null, MxHostSource.ABSENT, null, null, null, false);
    }

    private Mx mxOf(@Nullable String receivingMxHostname, PolicyFacts pf) {
        if (receivingMxHostname != null && !receivingMxHostname.isBlank()) {
            String name = dnsName(receivingMxHostname);
            if (name == null) {
                return new Mx(receivingMxHostname, MxHostSource.RECEIVING_MX_HOSTNAME,
                        Texts.quote(receivingMxHostname), null, null, true);
            }
            return new Mx(receivingMxHostname, MxHostSource.RECEIVING_MX_HOSTNAME,
                    Texts.excerpt(receivingMxHostname, MAX_NAME), Syntax.isIpLiteral(name) ? null : "_25._tcp." + name,
                    commandHost(receivingMxHostname), false);
        }
        if (pf.patternsText != null) {
            return new Mx(pf.patternsText, MxHostSource.POLICY_MX_PATTERNS, pf.patternsText, pf.patternsTlsaNames,
                    pf.patternCommandHost, false);
        }
        return Mx.ABSENT_MX;
    }

    /**
     * The MessageFormat arguments every advice text may use, all strings: 0 policy domain, 1 MX host,
     * 2 failed sessions, 3 policy sessions, 4 share, 5 result type, 6 policy host, 7 policy URL,
     * 8 MTA-STS TXT name, 9 TLSA names, 10 TLSRPT TXT name, 11 MTA-STS mode, 12 policy type,
     * 13 reporting organization, 14 the host a reason code is about, 15 the quoted reason code,
     * 16 an extra value (HTTP status, TLS alert, a second count, the mx patterns), 17 the MX host for a
     * command, 18 the policy domain for DNS names. Sender data is quoted as bounded excerpts, so each text is bounded whatever the report holds.
     * Commands, DNS names and URLs ({6} to {10}, {17}, {18}) are built only from valid host names and IP literals
     * (one shell word each), else from placeholders; an invalid value is quoted in prose ({0}, {1}).
     */
    private final class Args {
        final PolicyFacts pf;
        final Mx mx;
        final ResultCategory category;
        long failed;
        long sessions;
        double share;
        String resultTypeName = "";
        String reasonCode = "";
        String extra = "";

        Args(PolicyFacts pf, Mx mx, ResultCategory category) {
            this.pf = pf;
            this.mx = mx;
            this.category = category;
        }

        Object[] array() {
            String host = mx.text == null ? mxPlaceholder : mx.text;
            StsMode mode = pf.mode;
            return new Object[] {
                pf.domain,
                host,
                String.valueOf(failed),
                String.valueOf(sessions),
                Texts.percent(share),
                resultTypeName,
                pf.policyHost,
                pf.policyUrl,
                pf.stsTxt,
                mx.tlsaNames == null ? "_25._tcp." + mxPlaceholder : mx.tlsaNames,
                pf.tlsrptTxt,
                mode == null ? advice.format("placeholder.mode") : mode.wireName(),
                pf.typeName,
                organization,
                category == ResultCategory.STS_POLICY ? pf.policyHost : host,
                reasonCode,
                extra,
                mx.command == null ? mxPlaceholder : mx.command,
                pf.domainName,
            };
        }
    }

    // ---------------------------------------------------------------- small helpers

    private static List<Finding> sort(List<Finding> findings) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Severity>comparing(i -> findings.get(i).severity())
                .thenComparing(i -> findings.get(i).failedSessions(), Comparator.reverseOrder())
                .thenComparing(i -> i));
        List<Finding> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(findings.get(i));
        }
        return sorted;
    }

    private static String count(List<Finding> findings, Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return String.valueOf(n);
    }

    private String duration(Duration d) {
        long seconds = d.getSeconds();
        return advice.format("duration", String.valueOf(seconds / 86_400), String.valueOf(seconds % 86_400 / 3600),
                String.valueOf(seconds % 3600 / 60), String.valueOf(seconds % 60));
    }

    private static String join(List<String> sentences) {
        StringBuilder b = new StringBuilder();
        for (String s : sentences) {
            if (s.isBlank()) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(s.strip());
        }
        return b.toString();
    }

    /** The text with a full stop at its end unless it already ends a sentence. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("…") ? t : t + ".";
    }

    private static void addIfPresent(Set<String> set, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    static String normalizeHost(String name) {
        return trimDot(name.strip().toLowerCase(Locale.ROOT));
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static double share(long failed, long sessions) {
        return sessions <= 0 ? 0.0 : Math.min(1.0, (double) failed / sessions);
    }

    /** Successful plus failed sessions, saturating instead of overflowing on absurd counts. */
    private static long sessions(Summary s) {
        return add(s.totalSuccessfulSessionCount(), s.totalFailureSessionCount());
    }

    private static long saturatingSum(List<FailureDetail> details) {
        long sum = 0;
        for (FailureDetail d : details) {
            sum = add(sum, d.failedSessionCount());
        }
        return sum;
    }

    /** Adds two non-negative counts, saturating at {@link Long#MAX_VALUE}. */
    static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
