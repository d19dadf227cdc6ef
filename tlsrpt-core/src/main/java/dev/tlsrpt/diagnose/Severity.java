package dev.tlsrpt.diagnose;

import java.util.Locale;

/**
 * How urgent a {@link Finding} is. The constants are declared most severe first, so
 * {@link #compareTo(Enum)} sorts the most severe first.
 *
 * <p>The severity of a {@link FindingKind#FAILURE} finding follows its {@link Impact} on the mail, its
 * share of the policy's sessions and whether any session succeeded. The first rule that applies wins:
 * <ol>
 * <li>{@code sts-policy-fetch-error}, {@code sts-policy-invalid} and {@code sts-webpki-invalid}: at most
 *     {@link #WARNING}. They do not block mail: a sender applies its cached copy of the policy or, without
 *     one, delivers as if the domain had no MTA-STS (RFC 8461 section 3.3), and may fetch policies
 *     asynchronously so as not to block delivery (section 5.1).</li>
 * <li>An MTA-STS policy in mode {@code testing} or {@code none}: {@link #WARNING}, never critical.</li>
 * <li>{@link Impact#NOT_DELIVERED} (mode {@code enforce}, a {@code tlsa} policy, or {@code dane-required}
 *     whatever the policy type, RFC 7672 section 6) with a substantial share of the policy's sessions
 *     (at least {@link DiagnosisOptions#substantialShare()}, 1% by default) or no successful session at
 *     all: {@link #CRITICAL}.</li>
 * <li>{@link Impact#NOT_DELIVERED} with a smaller share while other sessions succeeded: {@link #WARNING},
 *     worded as an intermittent fault (one server node, one address family, one sender's clock) with the
 *     receiving IPs to check.</li>
 * <li>Any other failure ({@code no-policy-found}, an unknown MTA-STS mode or policy type): {@link #WARNING}.</li>
 * </ol>
 * Other findings: {@code no-policy-found} is {@link #INFO}; summary failures without failure details are
 * {@link #WARNING}; notes about the report itself (tolerated parse deviations, a date range that is not one
 * UTC day, failure counts that legally differ) are {@link #INFO}; a report in which nothing failed is
 * {@link #OK}, and notes about the report leave it {@link #OK}.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** Mail was not delivered, and it matters: a substantial share of the sessions, or all of them. */
    CRITICAL,
    /**
     * Something to fix: mail delivered without the protection the policy asks for, an intermittent
     * delivery failure, a policy senders cannot fetch or read, or a consequence the report does not tell.
     */
    WARNING,
    /** Worth knowing, nothing failed because of it: notes about the report, a domain without a policy. */
    INFO,
    /** Nothing to do: every session negotiated TLS as required. */
    OK;

    /**
     * The name used in the JSON and CSV renderings.
     *
     * @return the constant's name in lower case, such as {@code "critical"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this severity is more severe than another.
     *
     * @param other the severity to compare with
     * @return true when this one is more severe
     */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) < 0;
    }
}
