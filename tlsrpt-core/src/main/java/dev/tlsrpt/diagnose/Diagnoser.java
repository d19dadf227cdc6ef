package dev.tlsrpt.diagnose;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.DomainNames;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultCategory;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns one report into its findings. One instance per diagnosis; not thread-safe. */
final class Diagnoser {

    /** Reason-code advice that only repeats the result type's own advice, so its action is left out. */
    private static final Map<ResultType, String> REDUNDANT_CODE = Map.of(
            ResultType.CERTIFICATE_EXPIRED, "certExpired",
            ResultType.CERTIFICATE_HOST_MISMATCH, "hostnameMismatch");

    /** At most this many reason codes are quoted in one explanation. */
    private static final int MAX_CODES_QUOTED = 5;

    private static final Pattern POLICY_POINTER = Pattern.compile("^/policies/([0-9]+)(?:/.*)?$");

    private final TlsReport report;
    private final List<Deviation> deviations;
    private final AdviceCatalog advice;
    private final Locale locale;
    private final List<Finding> findings = new ArrayList<>();

    Diagnoser(TlsReport report, List<Deviation> deviations, AdviceCatalog advice, Locale locale) {
        this.report = report;
        this.deviations = List.copyOf(deviations);
        this.advice = advice;
        this.locale = locale;
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
        Map<String, List<FailureDetail>> groups = new LinkedHashMap<>();
        for (FailureDetail d : result.failureDetails()) {
            String mx = d.receivingMxHostname();
            String key = d.resultTypeName() + "\u0000" + (mx == null ? "\u0000" : DomainNames.normalize(mx));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        for (List<FailureDetail> group : groups.values()) {
            findings.add(failureFinding(index, result, group));
        }
        if (policy.policyType() == PolicyType.NO_POLICY_FOUND) {
            findings.add(noPolicyFinding(index, result));
        }
        long sum = saturatingSum(result.failureDetails());
        long total = result.summary().totalFailureSessionCount();
        if (sum != total) {
            findings.add(countMismatchFinding(index, result, sum));
        }
        if (policy.policyType() == PolicyType.STS && !policy.mxPatterns().isEmpty()) {
            Map<String, String> hosts = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (FailureDetail d : result.failureDetails()) {
                String mx = d.receivingMxHostname();
                if (mx != null && !mx.isBlank() && !policy.matchesMx(mx)) {
                    String key = DomainNames.normalize(mx);
                    hosts.putIfAbsent(key, mx);
                    counts.merge(key, d.failedSessionCount(), Diagnoser::add);
                }
            }
            for (Map.Entry<String, String> e : hosts.entrySet()) {
                findings.add(mxNotInPolicyFinding(index, result, e.getValue(), counts.get(e.getKey())));
            }
        }
    }

    private Finding failureFinding(int index, PolicyResult result, List<FailureDetail> group) {
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
        Mx mx = mxOf(first.receivingMxHostname(), policy);
        long policySessions = Math.max(sessions(result.summary()),
                add(result.summary().totalSuccessfulSessionCount(), failed));
        double share = share(failed, policySessions);
        Args args = new Args(policy, mx, type.category());
        args.failed = failed;
        args.sessions = policySessions;
        args.share = share;
        args.resultTypeName = first.resultTypeName();
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
        explanation.add(consequence(policy, type.category(), a));
        List<String> actions = new ArrayList<>();
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
        Severity severity = severityOf(policy);
        return new Finding(severity, FindingKind.FAILURE, type, first.resultTypeName(), index,
                policy.policyType(), policy.policyTypeName(), policy.policyDomain(), stsMode(policy),
                mx.host, mx.source, failed, policySessions, share, List.copyOf(sending), List.copyOf(receiving),
                List.copyOf(codes), List.copyOf(info), typeText(id, "title", ptype, a), join(explanation),
                join(actions), typeText(id, "reference", ptype, a), null);
    }

    private Finding noPolicyFinding(int index, PolicyResult result) {
        Policy policy = result.policy();
        Mx mx = mxOf(null, policy);
        Summary s = result.summary();
        Args args = new Args(policy, mx, ResultCategory.UNKNOWN);
        args.failed = s.totalFailureSessionCount();
        args.sessions = sessions(s);
        args.share = share(args.failed, args.sessions);
        args.extra = String.valueOf(s.totalSuccessfulSessionCount());
        Object[] a = args.array();
        return new Finding(Severity.INFO, FindingKind.NO_POLICY_FOUND, null, null, index, policy.policyType(),
                policy.policyTypeName(), policy.policyDomain(), null, mx.host, mx.source, args.failed,
                args.sessions, args.share, List.of(), List.of(), List.of(), List.of(),
                advice.format("noPolicy.title", a), advice.format("noPolicy.explanation", a),
                advice.format("noPolicy.action", a), advice.format("noPolicy.reference", a), null);
    }

    private Finding countMismatchFinding(int index, PolicyResult result, long sum) {
        Policy policy = result.policy();
        Summary s = result.summary();
        Args args = new Args(policy, Mx.ABSENT_MX, ResultCategory.UNKNOWN);
        args.failed = s.totalFailureSessionCount();
        args.sessions = sessions(s);
        args.share = share(args.failed, args.sessions);
        args.extra = String.valueOf(sum);
        Object[] a = args.array();
        boolean noDetails = result.failureDetails().isEmpty();
        String key = noDetails ? "report.countMismatch.noDetails" : "report.countMismatch";
        return new Finding(noDetails ? Severity.WARNING : Severity.INFO, FindingKind.FAILURE_COUNT_MISMATCH, null,
                null, index, policy.policyType(), policy.policyTypeName(), policy.policyDomain(), stsMode(policy),
                null, MxHostSource.ABSENT, args.failed, args.sessions, args.share, List.of(), List.of(), List.of(),
                List.of(), advice.format(key + ".title", a), advice.format(key + ".explanation", a),
                advice.format(key + ".action", a), advice.format(key + ".reference", a), null);
    }

    private Finding mxNotInPolicyFinding(int index, PolicyResult result, String host, long failed) {
        Policy policy = result.policy();
        Mx mx = new Mx(host, MxHostSource.RECEIVING_MX_HOSTNAME, List.of(host));
        Args args = new Args(policy, mx, ResultCategory.UNKNOWN);
        args.failed = failed;
        args.sessions = Math.max(sessions(result.summary()),
                add(result.summary().totalSuccessfulSessionCount(), failed));
        args.share = share(failed, args.sessions);
        args.extra = String.join(", ", policy.mxPatterns());
        Object[] a = args.array();
        return new Finding(Severity.INFO, FindingKind.MX_HOST_NOT_IN_POLICY, null, null, index,
                policy.policyType(), policy.policyTypeName(), policy.policyDomain(), stsMode(policy), host,
                MxHostSource.RECEIVING_MX_HOSTNAME, failed, args.sessions, args.share, List.of(), List.of(),
                List.of(), List.of(), advice.format("report.mxNotInPolicy.title", a),
                advice.format("report.mxNotInPolicy.explanation", a),
                advice.format("report.mxNotInPolicy.action", a),
                advice.format("report.mxNotInPolicy.reference", a), null);
    }

    // ---------------------------------------------------------------- about the whole report

    private Finding dateRangeFinding(DateRange range) {
        Duration length = range.length();
        String key = length.isNegative() ? "report.dateRangeReversed" : "report.dateRange";
        Object[] a = {
            DateTimeFormatter.ISO_INSTANT.format(range.start()), DateTimeFormatter.ISO_INSTANT.format(range.end()),
            duration(length.abs()), report.organizationName()
        };
        return reportFinding(Severity.INFO, FindingKind.DATE_RANGE_NOT_ONE_UTC_DAY, key, a, null);
    }

    private Finding deviationFinding(Deviation d) {
        String kind = d.kind().name();
        String where = d.pointer().isEmpty() ? advice.format("placeholder.document") : d.pointer();
        if (d.line() >= 0) {
            where = advice.format("deviation.position", where, String.valueOf(d.line()), String.valueOf(d.column()));
        }
        String description = advice.formatFirst(List.of("deviation." + kind), new Object[0]);
        Object[] a = {
            kind, where, sentence(Texts.excerpt(d.message(), 200)), description == null ? "" : description,
            report.organizationName()
        };
        Finding f = reportFinding(Severity.INFO, FindingKind.PARSE_DEVIATION, "report.deviation", a, d.pointer());
        Matcher m = POLICY_POINTER.matcher(d.pointer());
        if (m.matches()) {
            try {
                int index = Integer.parseInt(m.group(1));
                if (index < report.policies().size()) {
                    Policy p = report.policies().get(index).policy();
                    return new Finding(f.severity(), f.kind(), null, null, index, p.policyType(), p.policyTypeName(),
                            p.policyDomain(), stsMode(p), null, MxHostSource.ABSENT, 0, 0, 0.0, List.of(),
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
        Object[] a = {String.valueOf(total), String.valueOf(policies), report.organizationName()};
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

    /** The policy's MTA-STS mode as a finding names it: null when absent or not one RFC 8461 defines. */
    private static @Nullable StsMode stsMode(Policy policy) {
        StsMode mode = policy.stsMode();
        return mode == StsMode.UNKNOWN ? null : mode;
    }

    /** Failures under enforce or DANE blocked mail; anything else was delivered or its fate is unknown. */
    static Severity severityOf(Policy policy) {
        return switch (policy.policyType()) {
            case TLSA -> Severity.CRITICAL;
            case STS -> stsMode(policy) == StsMode.ENFORCE ? Severity.CRITICAL : Severity.WARNING;
            case NO_POLICY_FOUND, UNKNOWN -> Severity.WARNING;
        };
    }

    private String consequence(Policy policy, ResultCategory category, Object[] a) {
        String cat = category == ResultCategory.STS_POLICY ? ".policyFailure" : "";
        String key = switch (policy.policyType()) {
            case TLSA -> "consequence.tlsa";
            case NO_POLICY_FOUND -> "consequence.noPolicy";
            case UNKNOWN -> "consequence.unknownPolicy";
            case STS -> {
                StsMode mode = stsMode(policy);
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

    /** The MX host of a finding and where it comes from, plus the single host names for DNS names. */
    private record Mx(@Nullable String host, MxHostSource source, List<String> hosts) {
        static final Mx ABSENT_MX = new Mx(null, MxHostSource.ABSENT, List.of());
    }

    private static Mx mxOf(@Nullable String receivingMxHostname, Policy policy) {
        if (receivingMxHostname != null && !receivingMxHostname.isBlank()) {
            return new Mx(receivingMxHostname, MxHostSource.RECEIVING_MX_HOSTNAME, List.of(receivingMxHostname));
        }
        List<String> patterns = new ArrayList<>();
        for (String p : policy.mxPatterns()) {
            if (!p.isBlank()) {
                patterns.add(p.strip());
            }
        }
        if (!patterns.isEmpty()) {
            return new Mx(String.join(", ", patterns), MxHostSource.POLICY_MX_PATTERNS, List.copyOf(patterns));
        }
        return Mx.ABSENT_MX;
    }

    /**
     * The MessageFormat arguments every advice text may use, all strings: 0 policy domain, 1 MX host,
     * 2 failed sessions, 3 policy sessions, 4 share, 5 result type, 6 policy host, 7 policy URL,
     * 8 MTA-STS TXT name, 9 TLSA names, 10 TLSRPT TXT name, 11 MTA-STS mode, 12 policy type,
     * 13 reporting organization, 14 the host a reason code is about, 15 the quoted reason code,
     * 16 an extra value (HTTP status, TLS alert, a second count, the mx patterns).
     */
    private final class Args {
        final Policy policy;
        final Mx mx;
        final ResultCategory category;
        long failed;
        long sessions;
        double share;
        String resultTypeName = "";
        String reasonCode = "";
        String extra = "";

        Args(Policy policy, Mx mx, ResultCategory category) {
            this.policy = policy;
            this.mx = mx;
            this.category = category;
        }

        Object[] array() {
            String rawDomain = policy.policyDomain();
            String domain = rawDomain == null || rawDomain.isBlank()
                    ? advice.format("placeholder.domain") : trimDot(rawDomain.strip());
            String mxPlaceholder = advice.format("placeholder.mx");
            String host = mx.host == null ? mxPlaceholder : mx.host;
            List<String> tlsa = new ArrayList<>();
            for (String h : mx.hosts) {
                String name = trimDot(h);
                tlsa.add("_25._tcp." + (name.startsWith("*.") ? mxPlaceholder + name.substring(1) : name));
            }
            if (tlsa.isEmpty()) {
                tlsa.add("_25._tcp." + mxPlaceholder);
            }
            String policyHost = "mta-sts." + domain;
            StsMode mode = stsMode(policy);
            return new Object[] {
                domain,
                host,
                String.valueOf(failed),
                String.valueOf(sessions),
                Texts.percent(share),
                resultTypeName,
                policyHost,
                "https://" + policyHost + "/.well-known/mta-sts.txt",
                "_mta-sts." + domain,
                String.join(", ", tlsa),
                "_smtp._tls." + domain,
                mode == null ? advice.format("placeholder.mode") : mode.wireName(),
                policy.policyTypeName(),
                report.organizationName(),
                category == ResultCategory.STS_POLICY ? policyHost : host,
                reasonCode,
                extra,
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
