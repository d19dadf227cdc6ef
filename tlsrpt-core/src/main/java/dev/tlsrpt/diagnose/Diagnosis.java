package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.DateRange;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a report means for the domain owner: its findings, most severe first, and a verdict.
 *
 * <pre>{@code
 * Diagnosis diagnosis = TlsRpt.diagnose(TlsRpt.parse(Path.of("report.json.gz")));
 * System.out.println(diagnosis.toText());
 * }</pre>
 *
 * <p>Made by {@code TlsRpt.diagnose}. A report in which nothing failed has one {@link Severity#OK}
 * finding, {@link FindingKind#ALL_CLEAR}, and an OK verdict, also when notes about the report itself
 * (tolerated deviations, a date range that is not one UTC day) come with it as {@link Severity#INFO}
 * findings. Texts come from the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} (English
 * ships); {@link DiagnosisOptions#withLocale} picks a translation when one is on the class path or in the
 * module. Diagnosing never resolves a name or opens a connection.
 *
 * @param organizationName the report's {@code organization-name}: who sent it
 * @param reportId the report's {@code report-id}, null when a leniently read report has none
 * @param contactInfo the report's {@code contact-info}, null when absent
 * @param dateRange the period the report covers
 * @param severity the verdict: {@link Severity#OK} when nothing failed (notes about the report may come
 *     with it), else the most severe finding's severity
 * @param verdict a one-line summary: the severity, the failed sessions and the number of findings
 * @param totalSessions all sessions of all policies: per policy, successful plus failed, where failed is the
 *     larger of the summary's {@code total-failure-session-count} and the sum of the failure details, the
 *     denominator of each finding's share ({@link Finding#policySessions()})
 * @param failedSessions the failed sessions of all policies, counted the same way
 * @param findings the findings, most severe first, then most failed sessions first, then in report order;
 *     never empty
 * @param locale the locale the texts were written for ({@link Locale#ROOT} for the English default)
 * @since 0.1.0
 */
public record Diagnosis(
        String organizationName,
        @Nullable String reportId,
        @Nullable String contactInfo,
        DateRange dateRange,
        Severity severity,
        String verdict,
        long totalSessions,
        long failedSessions,
        List<Finding> findings,
        Locale locale) {

    /**
     * Checks the components and copies the list.
     *
     * @param organizationName see {@link #organizationName()}
     * @param reportId see {@link #reportId()}
     * @param contactInfo see {@link #contactInfo()}
     * @param dateRange see {@link #dateRange()}
     * @param severity see {@link #severity()}
     * @param verdict see {@link #verdict()}
     * @param totalSessions see {@link #totalSessions()}
     * @param failedSessions see {@link #failedSessions()}
     * @param findings see {@link #findings()}
     * @param locale see {@link #locale()}
     */
    public Diagnosis {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(dateRange, "dateRange");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(locale, "locale");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("findings must not be empty");
        }
    }

    /**
     * The number of findings of one severity.
     *
     * @param severity the severity to count
     * @return how many findings have it
     */
    public int count(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /**
     * A plain-text rendering for a terminal: a header with the report's identity and the verdict, then
     * the findings grouped per policy domain and MX host (groups ordered by their most severe finding),
     * then the findings about the whole report. Lines are wrapped at 100 columns; no colour codes. The
     * output is deterministic and ends with a line break. Sender data never reaches a terminal as a
     * control: control characters (a line feed too), bidirectional controls, other format characters and
     * line separators in a report's values show as visible escapes such as {@code \}{@code u001b}, here
     * and in the findings' titles, explanations and actions.
     *
     * @return the text
     */
    public String toText() {
        return toText(TextStyle.PLAIN);
    }

    /**
     * The text rendering of {@link #toText()} in a style: plain, or with ANSI colour codes for a terminal.
     *
     * @param style {@link TextStyle#PLAIN} or {@link TextStyle#ANSI}
     * @return the text
     */
    public String toText(TextStyle style) {
        Objects.requireNonNull(style, "style");
        return TextRenderer.render(this, AdviceCatalog.forLocale(locale), style == TextStyle.ANSI);
    }

    /**
     * A JSON rendering (pretty-printed, UTF-8 safe) with these stable member names. Top level:
     * {@code organization-name}, {@code report-id} (or null), {@code contact-info} (or null),
     * {@code start-datetime}, {@code end-datetime} (ISO-8601 UTC), {@code severity}
     * ({@link Severity#wireName()}), {@code verdict}, {@code total-sessions}, {@code failed-sessions} and
     * {@code findings}, an array of objects with {@code severity}, {@code impact} ({@link Impact#wireName()}),
     * {@code kind} ({@link FindingKind#wireName()}), {@code result-type} (the name as sent, or null),
     * {@code policy-index}, {@code policy-type} (as sent, or null), {@code policy-domain}, {@code sts-mode}
     * (or null), {@code mx-host} (or null), {@code mx-host-source} ({@link MxHostSource#wireName()}),
     * {@code mx-host-outside-policy} (true or false), {@code failed-sessions}, {@code policy-sessions},
     * {@code share} (0 to 1, at most 6 decimals), {@code sending-ips}, {@code receiving-ips},
     * {@code receiving-mx-helos}, {@code failure-reason-codes}, {@code additional-information},
     * {@code policy-strings} (arrays of strings), {@code title}, {@code explanation}, {@code action},
     * {@code reference} and {@code pointer} (or null). Every member is always written, null when it has no value. Besides JSON's
     * own escapes, DEL, C1 controls, format characters (bidirectional overrides among them) and line
     * separators are written as {@code \}{@code uXXXX} escapes, so the JSON is safe to print too.
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonRenderer.render(this);
    }
}
