package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One distinct problem found in a report, with what it means and what to do about it. Failure details
 * that share result type, policy and MX host are merged into one finding: their session counts are
 * summed and their addresses and reason codes listed, de-duplicated in first-seen order.
 *
 * <p>The texts ({@link #title()}, {@link #explanation()}, {@link #action()}) come from the resource
 * bundle {@code dev/tlsrpt/diagnose/Advice.properties} in the locale the diagnosis was made for; they
 * build DNS names and URLs as text and never resolve them. They quote sender data as short excerpts, with
 * control characters, bidirectional controls and line separators shown as visible escapes
 * ({@code \}{@code u001b}), so a text never holds a terminal control or a line break.
 *
 * @param severity how urgent the finding is
 * @param kind what the finding is about
 * @param resultType the result type of a {@link FindingKind#FAILURE} finding ({@link ResultType#UNKNOWN}
 *     for one RFC 8460 does not define), null for other kinds
 * @param resultTypeName the {@code result-type} exactly as sent, null for findings that are not failures
 * @param policyIndex the index of the policy in the report's {@code policies} array, -1 for a finding
 *     about the whole report
 * @param policyType the policy's type, null for a finding about the whole report
 * @param policyTypeName the {@code policy-type} as sent, null for a finding about the whole report; like
 *     {@code policyDomain} cut to 255 characters and {@code …}, since every finding of a policy repeats it
 * @param policyDomain the policy's {@code policy-domain} as sent, null when absent or not about a policy;
 *     a value of more than 255 characters (no domain name is that long) is cut there and ends in {@code …}
 * @param stsMode the MTA-STS mode of an {@code sts} policy, null when unknown or not an sts policy
 * @param mxHost the MX host the finding is about: the {@code receiving-mx-hostname} as sent, else the
 *     policy's mx patterns joined with {@code ", "} (the first five, shortened, then how many more, such as
 *     {@code "mx1.example.com, ..., mx5.example.com and 9985 more"}); null when the report names none
 * @param mxHostSource where {@link #mxHost()} comes from, {@link MxHostSource#ABSENT} when it is null
 * @param failedSessions the failed sessions this finding counts (summed over merged failure details)
 * @param policySessions the sessions of the policy: successful plus failed, and at least successful plus
 *     {@link #failedSessions()} when the failure details count more than the summary; 0 when not about a
 *     policy
 * @param share {@link #failedSessions()} divided by {@link #policySessions()}, from 0 to 1 (0 when there
 *     are no sessions)
 * @param sendingIps the {@code sending-mta-ip} values, de-duplicated, in first-seen order
 * @param receivingIps the {@code receiving-ip} values, de-duplicated, in first-seen order
 * @param failureReasonCodes the {@code failure-reason-code} values, de-duplicated, in first-seen order
 * @param additionalInformation the {@code additional-information} URIs, de-duplicated, in first-seen order
 * @param title a one-line summary
 * @param explanation what happened and what it means for delivery, with the session counts
 * @param action what to do, naming the host, DNS name or URL to check; commands, DNS names and URLs are
 *     built only from valid host names and IP literals (one shell word each), an invalid value keeps its
 *     placeholder ({@code <mx-host>}, {@code <policy-domain>}) and the action says so
 * @param reference the RFC sections the advice rests on, such as {@code "RFC 8460 §4.3.1, RFC 8461 §4.2"}
 * @param pointer the RFC 6901 JSON pointer into the report of a {@link FindingKind#PARSE_DEVIATION}
 *     finding, null otherwise
 * @since 0.1.0
 */
public record Finding(
        Severity severity,
        FindingKind kind,
        @Nullable ResultType resultType,
        @Nullable String resultTypeName,
        int policyIndex,
        @Nullable PolicyType policyType,
        @Nullable String policyTypeName,
        @Nullable String policyDomain,
        @Nullable StsMode stsMode,
        @Nullable String mxHost,
        MxHostSource mxHostSource,
        long failedSessions,
        long policySessions,
        double share,
        List<String> sendingIps,
        List<String> receivingIps,
        List<String> failureReasonCodes,
        List<String> additionalInformation,
        String title,
        String explanation,
        String action,
        String reference,
        @Nullable String pointer) {

    /**
     * Checks the components and copies the lists.
     *
     * @param severity see {@link #severity()}
     * @param kind see {@link #kind()}
     * @param resultType see {@link #resultType()}
     * @param resultTypeName see {@link #resultTypeName()}
     * @param policyIndex see {@link #policyIndex()}
     * @param policyType see {@link #policyType()}
     * @param policyTypeName see {@link #policyTypeName()}
     * @param policyDomain see {@link #policyDomain()}
     * @param stsMode see {@link #stsMode()}
     * @param mxHost see {@link #mxHost()}
     * @param mxHostSource see {@link #mxHostSource()}
     * @param failedSessions see {@link #failedSessions()}
     * @param policySessions see {@link #policySessions()}
     * @param share see {@link #share()}
     * @param sendingIps see {@link #sendingIps()}
     * @param receivingIps see {@link #receivingIps()}
     * @param failureReasonCodes see {@link #failureReasonCodes()}
     * @param additionalInformation see {@link #additionalInformation()}
     * @param title see {@link #title()}
     * @param explanation see {@link #explanation()}
     * @param action see {@link #action()}
     * @param reference see {@link #reference()}
     * @param pointer see {@link #pointer()}
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mxHostSource, "mxHostSource");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reference, "reference");
        if ((mxHost == null) != (mxHostSource == MxHostSource.ABSENT)) {
            throw new IllegalArgumentException("mxHostSource must be ABSENT exactly when mxHost is null");
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
        sendingIps = List.copyOf(Objects.requireNonNull(sendingIps, "sendingIps"));
        receivingIps = List.copyOf(Objects.requireNonNull(receivingIps, "receivingIps"));
        failureReasonCodes = List.copyOf(Objects.requireNonNull(failureReasonCodes, "failureReasonCodes"));
        additionalInformation = List.copyOf(Objects.requireNonNull(additionalInformation, "additionalInformation"));
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
}
