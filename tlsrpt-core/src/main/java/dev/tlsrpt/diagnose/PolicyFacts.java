package dev.tlsrpt.diagnose;

import dev.tlsrpt.internal.Syntax;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.StsMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the diagnosis needs of one policy, read once: its counts, its mode, its mx patterns and matcher,
 * what the sender saw of it, and the texts built from them and from its domain.
 */
final class PolicyFacts {
    final PolicyResult result;
    final Policy policy;
    final @Nullable StsMode mode;
    /** The sum of the failure details' counts (saturating). */
    final long detailSum;
    /** The failed sessions: the larger of the summary's count and {@link #detailSum}. */
    final long failed;
    final long successful;
    /** Successful plus {@link #failed}: the denominator of every share of this policy and of the verdict. */
    final long sessions;
    /** The mx patterns, stripped, blank ones left out. */
    final List<String> patterns;
    final Predicate<String> matcher;
    /** The {@code *.} patterns by their normalized suffix with its leading dot ({@code .mx.example}). */
    final Map<String, String> wildcards = new HashMap<>();
    /** The policy-string lines or TLSA records a failure finding shows: the first ones, cut. */
    final List<String> seenStrings;
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
    /** {@code policy-domain} and {@code policy-type} as findings hold them: as sent, cut to Diagnoser.MAX_NAME. */
    final @Nullable String domainValue;
    final String typeNameValue;

    PolicyFacts(PolicyResult result, Diagnoser diagnoser) {
        this.result = result;
        this.policy = result.policy();
        StsMode declared = policy.stsMode();
        this.mode = declared == StsMode.UNKNOWN ? null : declared; // a mode RFC 8461 does not define: none shown
        long sum = 0;
        for (FailureDetail d : result.failureDetails()) {
            sum = Diagnoser.add(sum, d.failedSessionCount());
        }
        this.detailSum = sum;
        this.failed = Math.max(sum, result.summary().totalFailureSessionCount());
        this.successful = result.summary().totalSuccessfulSessionCount();
        this.sessions = Diagnoser.add(successful, failed);
        List<String> kept = new ArrayList<>();
        for (String p : policy.mxPatterns()) {
            if (!p.isBlank()) {
                kept.add(p.strip());
            }
        }
        this.patterns = List.copyOf(kept);
        this.matcher = policy.mxMatcher();
        List<String> shown = new ArrayList<>();
        List<String> tlsa = new ArrayList<>();
        int validPatterns = 0;
        for (String p : patterns) {
            boolean wildcard = p.startsWith("*.");
            if (wildcard) {
                wildcards.putIfAbsent(Diagnoser.normalizeHost(p).substring(1), p);
            }
            String name = Diagnoser.dnsName(wildcard ? p.substring(2) : p);
            if (shown.size() < Diagnoser.MAX_LISTED) {
                shown.add(name == null ? Texts.quote(p) : Texts.excerpt(p, Diagnoser.MAX_NAME));
            }
            if (name != null && !Syntax.isIpLiteral(name)) {
                if (tlsa.size() < Diagnoser.MAX_LISTED) {
                    tlsa.add("_25._tcp." + (wildcard ? diagnoser.mxPlaceholder + "." : "") + name);
                }
                validPatterns++;
            }
        }
        this.patternsText = patterns.isEmpty() ? null : diagnoser.listed(shown, patterns.size());
        this.patternsTlsaNames = tlsa.isEmpty() ? null : diagnoser.listed(tlsa, validPatterns);
        this.patternCommandHost = patterns.size() == 1 && !patterns.get(0).startsWith("*.")
                ? Diagnoser.commandHost(patterns.get(0)) : null;
        List<String> seen = switch (policy.policyType()) {
            case STS -> policy.policyStrings();
            case TLSA -> policy.tlsaRecords();
            case NO_POLICY_FOUND, UNKNOWN -> List.of();
        };
        List<String> cut = new ArrayList<>();
        for (String s : seen) {
            if (cut.size() == Finding.MAX_POLICY_STRINGS) {
                break;
            }
            cut.add(Texts.cut(s, Finding.MAX_POLICY_STRING));
        }
        this.seenStrings = List.copyOf(cut);
        String rawDomain = policy.policyDomain();
        String domainName = rawDomain == null || rawDomain.isBlank() ? null : Diagnoser.dnsName(rawDomain);
        this.invalidDomain = rawDomain != null && !rawDomain.isBlank() && domainName == null;
        if (rawDomain == null || rawDomain.isBlank()) {
            this.domain = diagnoser.advice.format("placeholder.domain");
        } else {
            this.domain = invalidDomain ? Texts.quote(rawDomain) : Diagnoser.trimDot(Texts.excerpt(rawDomain, Diagnoser.MAX_NAME));
        }
        String names = domainName == null ? diagnoser.advice.format("placeholder.domain") : domainName;
        this.domainName = names;
        this.policyHost = "mta-sts." + names;
        this.policyUrl = "https://" + policyHost + "/.well-known/mta-sts.txt";
        this.stsTxt = "_mta-sts." + names;
        this.tlsrptTxt = "_smtp._tls." + names;
        this.typeName = Texts.excerpt(policy.policyTypeName());
        this.domainValue = rawDomain == null ? null : Texts.cut(rawDomain, Diagnoser.MAX_NAME);
        this.typeNameValue = Texts.cut(policy.policyTypeName(), Diagnoser.MAX_NAME);
    }
}
