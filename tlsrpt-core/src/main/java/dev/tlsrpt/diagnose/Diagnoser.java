package dev.tlsrpt.diagnose;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.internal.Syntax;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.DomainNames;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultCategory;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import dev.tlsrpt.model.TlsReport;
import java.net.IDN;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Turns one report into its findings. One instance per diagnosis; not thread-safe.
 *
 * <p>The cost follows the report's size: what a policy's policy-string says (its mode, its mx patterns,
 * its lines) is read once per policy ({@link PolicyFacts}), a host is matched against the patterns by hash
 * lookups, and every text quotes sender data as bounded excerpts, listing at most {@link #MAX_LISTED}
 * items of a list.
 */
final class Diagnoser {

    /** Reason-code advice that only repeats the result type's own advice, so its action is left out. */
    private static final Map<ResultType, String> REDUNDANT_CODE = Map.of(
            ResultType.CERTIFICATE_EXPIRED, "certExpired",
            ResultType.CERTIFICATE_HOST_MISMATCH, "hostnameMismatch",
            ResultType.CERTIFICATE_NOT_TRUSTED, "unknownAuthority");

    /** At most this many reason codes are quoted in one explanation. */
    private static final int MAX_CODES_QUOTED = 5;

    /** At most this many items of a list (mx patterns, TLSA names, receiving IPs) are shown in one text. */
    static final int MAX_LISTED = 5;

    /** The longest excerpt of a host or domain name in a text (a valid one has at most 253 characters). */
    static final int MAX_NAME = 255;

    /** The longest text {@link #dnsName} reads as a name. */
    private static final int MAX_DNS_INPUT = 1024;

    /** The longest excerpt of an organization name in a text. */
    static final int MAX_ORGANIZATION = 200;

    private final TlsReport report;
    private final List<Deviation> deviations;
    private final DiagnosisOptions options;
    final AdviceCatalog advice;
    private final List<Finding> findings = new ArrayList<>();
    /** The reporting organization as texts quote it. */
    private final String organization;
    final String mxPlaceholder;

    private Diagnoser(TlsReport report, List<Deviation> deviations, DiagnosisOptions options) {
        this.report = report;
        this.deviations = List.copyOf(deviations);
        this.options = options;
        this.advice = AdviceCatalog.forLocale(options.locale());
        this.mxPlaceholder = advice.format("placeholder.mx");
        this.organization = Texts.excerpt(report.organizationName(), MAX_ORGANIZATION);
    }

    /** The engine behind {@code TlsRpt.diagnose}. */
    static Diagnosis diagnose(TlsReport report, List<Deviation> deviations, DiagnosisOptions options) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(deviations, "deviations");
        Objects.requireNonNull(options, "options");
        return new Diagnoser(report, deviations, options).run();
    }

    private Diagnosis run() {
        List<PolicyResult> policies = report.policies();
        long total = 0;
        long failed = 0;
        for (int i = 0; i < policies.size(); i++) {
            PolicyFacts pf = new PolicyFacts(policies.get(i), this);
            total = add(total, pf.sessions);
            failed = add(failed, pf.failed);
            diagnosePolicy(i, pf);
        }
        DateRange range = report.dateRange();
        if (!range.isOneUtcDay()) {
            findings.add(dateRangeFinding(range));
        }
        if (!deviations.isEmpty()) {
            findings.add(deviationFinding());
        }
        boolean allClear = true;
        for (Finding f : findings) {
            allClear &= isNote(f);
        }
        if (allClear) {
            Args a = new Args(Args.Group.ALL_CLEAR).put("sessions", total).put("policies", policies.size())
                    .put("organization", organization);
            findings.add(reportFinding(Severity.OK, FindingKind.ALL_CLEAR, "allClear", a, null));
        }
        List<Finding> sorted = sort(findings);
        Severity verdictSeverity = allClear ? Severity.OK : sorted.get(0).severity();
        String verdict = allClear
                ? advice.format("verdict.ok", new Args(Args.Group.VERDICT).put("severity", verdictSeverity.name())
                        .put("failed", failed).put("sessions", total).put("share", Texts.percent(share(failed, total)))
                        .put("critical", 0).put("warning", 0).put("info", count(sorted, Severity.INFO)))
                : advice.format("verdict.findings", new Args(Args.Group.VERDICT)
                        .put("severity", verdictSeverity.name()).put("failed", failed).put("sessions", total)
                        .put("share", Texts.percent(share(failed, total)))
                        .put("critical", count(sorted, Severity.CRITICAL))
                        .put("warning", count(sorted, Severity.WARNING)).put("info", count(sorted, Severity.INFO)));
        return new Diagnosis(report.organizationName(), report.reportId(), report.contactInfo(), range,
                verdictSeverity, verdict, total, failed, sorted, options.locale());
    }

    /**
     * Whether a finding is a note about the report that needs no action and leaves an all-clear verdict
     * all-clear: the tolerated deviations, a date range that is not one UTC day, failure counts that
     * legally differ.
     */
    private static boolean isNote(Finding f) {
        return f.kind() == FindingKind.PARSE_DEVIATION || f.kind() == FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY
                || (f.kind() == FindingKind.FAILURE_COUNT_MISMATCH && f.severity() == Severity.INFO);
    }

    // ---------------------------------------------------------------- per policy

    private void diagnosePolicy(int index, PolicyFacts pf) {
        PolicyResult result = pf.result;
        Map<String, List<FailureDetail>> groups = new LinkedHashMap<>();
        for (FailureDetail d : result.failureDetails()) {
            String mx = d.receivingMxHostname();
            String key = d.resultTypeName() + "\u0000" + (mx == null ? "\u0000" : DomainNames.normalize(mx));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        for (List<FailureDetail> group : groups.values()) {
            findings.add(failureFinding(index, pf, group));
        }
        if (pf.policy.policyType() == PolicyType.NO_POLICY_FOUND) {
            findings.add(noPolicyFinding(index, pf));
        }
        if (pf.detailSum != result.summary().totalFailureSessionCount()) {
            findings.add(countMismatchFinding(index, pf));
        }
    }

    private Finding failureFinding(int index, PolicyFacts pf, List<FailureDetail> group) {
        Policy policy = pf.policy;
        FailureDetail first = group.get(0);
        ResultType type = first.resultType();
        ResultCategory category = type.category();
        long failed = 0;
        boolean everySendingIpNamed = true;
        Set<String> sending = new LinkedHashSet<>();
        Set<String> receiving = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> info = new LinkedHashSet<>();
        Set<String> helos = new LinkedHashSet<>();
        String mxKey = first.receivingMxHostname() == null ? "" : normalizeHost(first.receivingMxHostname());
        for (FailureDetail d : group) {
            failed = add(failed, d.failedSessionCount());
            everySendingIpNamed &= d.sendingMtaIp() != null && !d.sendingMtaIp().isBlank();
            addIfPresent(sending, d.sendingMtaIp());
            addIfPresent(receiving, d.receivingIp());
            addIfPresent(codes, d.failureReasonCode());
            addIfPresent(info, d.additionalInformation());
            String helo = d.receivingMxHelo();
            if (helo != null && !helo.isBlank() && !mxKey.isEmpty() && !heloName(helo).equals(mxKey)) {
                helos.add(helo);
            }
        }
        Mx mx = mxOf(first.receivingMxHostname(), pf);
        boolean outside = policy.policyType() == PolicyType.STS && category != ResultCategory.STS_POLICY
                && !pf.patterns.isEmpty() && mx.source == MxHostSource.RECEIVING_MX_HOSTNAME
                && !pf.matcher.test(Objects.requireNonNull(mx.host));
        double share = share(failed, pf.sessions);
        SeverityRules.Rating rating = SeverityRules.rate(type, policy.policyType(), pf.mode, failed, share, pf.successful,
                options.substantialShare());

        Args a = failureArgs(pf, mx, category);
        a.put("failed", failed).put("sessions", pf.sessions).put("share", Texts.percent(share))
                .put("resultType", Texts.excerpt(first.resultTypeName()))
                .put("connectHost", connectHost(receiving, mx))
                .put("receivingIps", listed(excerpts(receiving), receiving.size()))
                .put("sendingIp", sending.isEmpty() ? "" : Texts.excerpt(sending.iterator().next()))
                .put("helo", helos.isEmpty() ? "" : Texts.quote(helos.iterator().next()));
        String wildcard = outside ? wildcardAbove(pf, mx) : null;
        if (wildcard != null) {
            a.put("wildcard", Texts.excerpt(wildcard, MAX_NAME)).put("wildcardBase", Texts.excerpt(wildcard.substring(2),
                    MAX_NAME));
        }

        String id = adviceId(type);
        String ptype = policyKey(policy);
        List<String> explanation = new ArrayList<>();
        explanation.add(advice.format("failure.sessions", a));
        if (outside) {
            explanation.add(advice.format("cause.mxNotInPolicy", a));
            if (wildcard != null) {
                explanation.add(advice.format("cause.wildcard", a));
            }
        }
        explanation.add(typeText(id, "explanation", ptype, a));
        if (category == ResultCategory.STS_POLICY) {
            // fetching or validating the policy involves no MX host: nothing to say about one
        } else if (mx.source == MxHostSource.POLICY_MX_PATTERNS) {
            explanation.add(advice.format("mx.fromPolicy", a));
        } else if (mx.source == MxHostSource.ABSENT) {
            explanation.add(advice.format("mx.absent", a));
        }
        explanation.add(consequence(pf, type, a));
        if (rating.noSuccess()) {
            explanation.add(advice.format("note.noSuccess", a));
        }
        if (rating.intermittent()) {
            explanation.add(advice.format("note.intermittent", a));
            if (!receiving.isEmpty()) {
                explanation.add(advice.format("note.intermittentIps", a));
            }
        }
        if (failed > 1 && sending.size() == 1 && everySendingIpNamed) {
            explanation.add(advice.format("note.oneSender", a));
        }
        if (!helos.isEmpty()) {
            explanation.add(advice.format("note.helo", a));
        }
        List<String> actions = new ArrayList<>();
        // fetching or validating the policy involves no MX host: nothing to say about one
        invalidNames(actions, pf, category == ResultCategory.STS_POLICY ? Mx.ABSENT_MX : mx, a);
        if (outside && mxLineOf(mx) != null) {
            // an mx: line only for a valid host name; the texts say an invalid one builds nothing
            actions.add(advice.format("cause.mxNotInPolicy.action", a));
        }
        actions.add(typeText(id, "action", ptype, a));
        Set<String> seenIds = new LinkedHashSet<>();
        int quoted = 0;
        for (String code : codes) {
            if (quoted == MAX_CODES_QUOTED) {
                explanation.add(advice.format("code.more", a.put("moreCodes", codes.size() - quoted)));
                break;
            }
            quoted++;
            a.put("reasonCode", Texts.quote(code));
            ReasonCodes.Match match = ReasonCodes.classify(code, category);
            a.put("httpStatus", match == null ? "" : match.extra()).put("alert", match == null ? "" : match.extra());
            if (match == null) {
                explanation.add(advice.format("code.unknown.explanation", a));
                continue;
            }
            explanation.add(advice.format("code." + match.id() + ".explanation", a));
            if (seenIds.add(match.id()) && !match.id().equals(REDUNDANT_CODE.get(type))) {
                actions.add(advice.format("code." + match.id() + ".action", a));
            }
        }
        String reference = typeText(id, "reference", ptype, a);
        if (outside) {
            reference = reference + ", " + advice.format("cause.mxNotInPolicy.reference", a);
        }
        return new Finding.Builder(FindingKind.FAILURE)
                .severity(rating.severity(), rating.impact())
                .result(type, first.resultTypeName())
                .policy(index, policy.policyType(), pf.typeNameValue, pf.domainValue, pf.mode)
                .mxHost(mx.host, mx.source, outside)
                .sessions(failed, pf.sessions, share)
                .seen(List.copyOf(sending), List.copyOf(receiving), List.copyOf(helos), List.copyOf(codes),
                        List.copyOf(info), pf.seenStrings)
                .texts(typeText(id, "title", ptype, a), join(explanation), join(actions), reference)
                .build();
    }

    private Finding noPolicyFinding(int index, PolicyFacts pf) {
        Mx mx = mxOf(null, pf);
        Args a = failureArgs(pf, mx, ResultCategory.UNKNOWN).put("failed", pf.failed).put("sessions", pf.sessions)
                .put("share", Texts.percent(share(pf.failed, pf.sessions)))
                .put("successful", pf.successful);
        return new Finding.Builder(FindingKind.NO_POLICY_FOUND)
                .severity(Severity.INFO, Impact.NO_EFFECT)
                .policy(index, pf.policy.policyType(), pf.typeNameValue, pf.domainValue, null)
                .mxHost(mx.host, mx.source, false)
                .sessions(pf.failed, pf.sessions, share(pf.failed, pf.sessions))
                .texts(advice.format("noPolicy.title", a), advice.format("noPolicy.explanation", a),
                        withInvalidNames(pf, mx, a, advice.format("noPolicy.action", a)),
                        advice.format("noPolicy.reference", a))
                .build();
    }

    private Finding countMismatchFinding(int index, PolicyFacts pf) {
        long summaryFailed = pf.result.summary().totalFailureSessionCount();
        Args a = failureArgs(pf, Mx.ABSENT_MX, ResultCategory.UNKNOWN).put("failed", summaryFailed)
                .put("sessions", pf.sessions).put("share", Texts.percent(share(summaryFailed, pf.sessions)))
                .put("detailSum", pf.detailSum);
        boolean noDetails = pf.result.failureDetails().isEmpty();
        String key = noDetails ? "report.countMismatch.noDetails" : "report.countMismatch";
        return new Finding.Builder(FindingKind.FAILURE_COUNT_MISMATCH)
                .severity(noDetails ? Severity.WARNING : Severity.INFO, noDetails ? Impact.UNKNOWN : Impact.NO_EFFECT)
                .policy(index, pf.policy.policyType(), pf.typeNameValue, pf.domainValue, pf.mode)
                .sessions(summaryFailed, pf.sessions, share(summaryFailed, pf.sessions))
                .texts(advice.format(key + ".title", a), advice.format(key + ".explanation", a),
                        advice.format(key + ".action", a), advice.format(key + ".reference", a))
                .build();
    }

    /** Says that the report names an invalid policy domain or MX host, which no command is built from. */
    private void invalidNames(List<String> actions, PolicyFacts pf, Mx mx, Args a) {
        if (pf.invalidDomain) {
            actions.add(advice.format("domain.invalid", a));
        }
        if (mx.invalid) {
            actions.add(advice.format("mx.invalid", a));
        }
    }

    private String withInvalidNames(PolicyFacts pf, Mx mx, Args a, String action) {
        List<String> actions = new ArrayList<>();
        invalidNames(actions, pf, mx, a);
        actions.add(action);
        return join(actions);
    }

    /**
     * Where a command connects: the one receiving IP of the failures when there is exactly one and it is an
     * IP literal (the MX name then goes in as SNI), else the MX host as a command holds it.
     */
    private String connectHost(Set<String> receivingIps, Mx mx) {
        String mxCommand = mx.command == null ? mxPlaceholder : mx.command;
        if (receivingIps.size() != 1) {
            return mxCommand;
        }
        String ip = receivingIps.iterator().next();
        String name = dnsName(ip);
        String command = name != null && Syntax.isIpLiteral(name) ? commandHost(ip) : null;
        return command == null ? mxCommand : command;
    }

    /**
     * The {@code *.} pattern of the policy whose base is a suffix of the MX host more than one label up (the
     * host {@code a.b.mx.example} under {@code *.mx.example}), as written; null when there is none.
     */
    private static @Nullable String wildcardAbove(PolicyFacts pf, Mx mx) {
        if (pf.wildcards.isEmpty() || mx.host == null) {
            return null;
        }
        String name = dnsName(mx.host);
        if (name == null) {
            return null;
        }
        String host = normalizeHost(name);
        int firstDot = host.indexOf('.');
        for (int dot = firstDot < 0 ? -1 : host.indexOf('.', firstDot + 1); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            String pattern = pf.wildcards.get(host.substring(dot));
            if (pattern != null) {
                return pattern;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- about the whole report

    private Finding dateRangeFinding(DateRange range) {
        Duration length = range.length();
        String key = length.isNegative() ? "report.dateRangeReversed" : "report.dateRange";
        Args a = new Args(Args.Group.DATE_RANGE).put("start", Texts.isoInstant(range.start()))
                .put("end", Texts.isoInstant(range.end())).put("duration", duration(length.abs()))
                .put("organization", organization);
        return reportFinding(Severity.INFO, FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY, key, a, null);
    }

    /**
     * The one finding of the tolerated deviations: how many of each kind, in first-seen order, each with
     * where its first one is and what it says. The kinds are few, so the text stays short however many
     * deviations there are.
     */
    private Finding deviationFinding() {
        Map<DeviationKind, Deviation> firstOfKind = new LinkedHashMap<>();
        Map<DeviationKind, Integer> counts = new HashMap<>();
        for (Deviation d : deviations) {
            firstOfKind.putIfAbsent(d.kind(), d);
            counts.merge(d.kind(), 1, Integer::sum);
        }
        List<String> items = new ArrayList<>();
        for (Deviation d : firstOfKind.values()) {
            String kind = d.kind().name();
            String where = d.pointer().isEmpty() ? advice.format("placeholder.document")
                    : Texts.excerpt(d.pointer(), 200);
            if (d.line() >= 0) {
                where = advice.format("deviation.position", new Args(Args.Group.POSITION).put("where", where)
                        .put("line", d.line()).put("column", d.column()));
            }
            String description = advice.has("deviation." + kind) ? advice.format("deviation." + kind) : "";
            items.add(advice.format("deviation.item", new Args(Args.Group.DEVIATION_ITEM).put("kind", kind)
                    .put("count", counts.get(d.kind())).put("where", where)
                    .put("message", sentence(Texts.excerpt(d.message(), 200))).put("description", description)));
        }
        Args a = new Args(Args.Group.DEVIATIONS).put("count", deviations.size()).put("items", join(items))
                .put("organization", organization);
        return reportFinding(Severity.INFO, FindingKind.PARSE_DEVIATION, "report.deviation", a,
                deviations.get(0).pointer());
    }

    private Finding reportFinding(Severity severity, FindingKind kind, String key, Args a, @Nullable String pointer) {
        return new Finding.Builder(kind)
                .severity(severity, Impact.NO_EFFECT)
                .texts(advice.format(key + ".title", a), advice.format(key + ".explanation", a),
                        advice.format(key + ".action", a), advice.format(key + ".reference", a))
                .pointer(pointer)
                .build();
    }

    // ---------------------------------------------------------------- texts

    private String consequence(PolicyFacts pf, ResultType type, Args a) {
        if (type == ResultType.DANE_REQUIRED) {
            return advice.format("consequence.daneRequired", a);
        }
        String cat = type.category() == ResultCategory.STS_POLICY ? ".policyFailure" : "";
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

    private String typeText(String id, String field, String ptype, Args a) {
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
     * The arguments of the texts about one policy, every name set: what is not about this finding is empty.
     * Sender data is quoted as bounded excerpts, so each text is bounded whatever the report holds. Commands,
     * DNS names and URLs ({@code policyHost}, {@code policyUrl}, {@code stsTxt}, {@code tlsaNames},
     * {@code tlsrptTxt}, {@code mxCommand}, {@code connectHost}, {@code domainName}, {@code mxLine}) are built
     * only from valid host names and IP literals (one shell word each), else from placeholders; an invalid
     * value is quoted in prose ({@code policyDomain}, {@code mxHost}).
     */
    private Args failureArgs(PolicyFacts pf, Mx mx, ResultCategory category) {
        String host = mx.text == null ? mxPlaceholder : mx.text;
        StsMode mode = pf.mode;
        String mxCommand = mx.command == null ? mxPlaceholder : mx.command;
        String mxLine = mxLineOf(mx);
        Args a = new Args(Args.Group.FAILURE)
                .put("policyDomain", pf.domain)
                .put("mxHost", host)
                .put("policyHost", pf.policyHost)
                .put("policyUrl", pf.policyUrl)
                .put("stsTxt", pf.stsTxt)
                .put("tlsaNames", mx.tlsaNames == null ? "_25._tcp." + mxPlaceholder : mx.tlsaNames)
                .put("tlsrptTxt", pf.tlsrptTxt)
                .put("mode", mode == null ? advice.format("placeholder.mode") : mode.wireName())
                .put("policyType", pf.typeName)
                .put("organization", organization)
                .put("codeHost", category == ResultCategory.STS_POLICY ? pf.policyHost : host)
                .put("mxCommand", mxCommand)
                .put("connectHost", mxCommand)
                .put("domainName", pf.domainName)
                .put("patterns", pf.patternsText == null ? "" : pf.patternsText)
                .put("mxLine", mxLine == null ? mxPlaceholder : mxLine);
        for (String name : List.of("failed", "sessions", "share", "resultType", "reasonCode", "httpStatus", "alert",
                "moreCodes", "detailSum", "successful", "receivingIps", "sendingIp", "helo", "wildcard",
                "wildcardBase")) {
            a.put(name, "");
        }
        return a;
    }

    /** The receiving MX host as an {@code mx:} line holds it: a valid host name, not an IP literal; else null. */
    private static @Nullable String mxLineOf(Mx mx) {
        if (mx.host == null || mx.source != MxHostSource.RECEIVING_MX_HOSTNAME) {
            return null;
        }
        String name = dnsName(mx.host);
        return name == null || Syntax.isIpLiteral(name) ? null : name;
    }

    /** The items joined with ", ", then "and N more" when they are the first of {@code total}. */
    String listed(List<String> items, int total) {
        String joined = String.join(", ", items);
        return total > items.size()
                ? advice.format("list.more", new Args(Args.Group.LIST).put("items", joined)
                        .put("more", total - items.size()))
                : joined;
    }

    /** The first {@link #MAX_LISTED} values as excerpts. */
    private static List<String> excerpts(Set<String> values) {
        List<String> shown = new ArrayList<>();
        for (String v : values) {
            if (shown.size() == MAX_LISTED) {
                break;
            }
            shown.add(Texts.excerpt(v));
        }
        return shown;
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

    // ---------------------------------------------------------------- small helpers

    private static List<Finding> sort(List<Finding> findings) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(new FindingOrder(findings));
        List<Finding> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(findings.get(i));
        }
        return sorted;
    }

    private static long count(List<Finding> findings, Severity severity) {
        long n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    private String duration(Duration d) {
        long seconds = d.getSeconds();
        return advice.format("duration", new Args(Args.Group.DURATION).put("days", seconds / 86_400)
                .put("hours", seconds % 86_400 / 3600).put("minutes", seconds % 3600 / 60).put("seconds", seconds % 60));
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

    /** The host name a {@code receiving-mx-helo} announces: its first word, normalized like an MX host. */
    private static String heloName(String helo) {
        String s = helo.strip();
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return normalizeHost(s.substring(0, end));
    }

    static String normalizeHost(String name) {
        return DomainNames.normalize(name);
    }

    static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static double share(long failed, long sessions) {
        return sessions <= 0 ? 0.0 : Math.min(1.0, (double) failed / sessions);
    }

    /** Adds two non-negative counts, saturating at {@link Long#MAX_VALUE}. */
    static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
