package dev.tlsrpt.diagnose;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.TlsReport;
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
 * <p>A report in which nothing failed and nothing else is worth saying has one {@link Severity#OK}
 * finding. Texts come from the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} (English
 * ships); {@link #of(TlsReport, List, Locale)} picks a translation when one is on the class path or in
 * the module. Diagnosing never resolves a name or opens a connection.
 *
 * @param organizationName the report's {@code organization-name}: who sent it
 * @param reportId the report's {@code report-id}, null when absent
 * @param contactInfo the report's {@code contact-info}, null when absent
 * @param dateRange the period the report covers
 * @param severity the most severe finding's severity: the report-level verdict
 * @param verdict a one-line summary: the severity, the failed sessions and the number of findings
 * @param totalSessions all sessions of all policies (successful plus failed, as the summaries say)
 * @param failedSessions the failed sessions of all policies (as the summaries say)
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
     * Diagnoses a report in English.
     *
     * @param report the report
     * @return the diagnosis
     */
    public static Diagnosis of(TlsReport report) {
        return of(report, List.of(), Locale.ROOT);
    }

    /**
     * Diagnoses a report, with an INFO finding for each deviation lenient parsing tolerated, and texts
     * in the given locale (English when the bundle has no translation for it; the JVM's default locale
     * is never used).
     *
     * @param report the report
     * @param deviations the deviations lenient parsing reported for it, possibly empty
     * @param locale the locale of the texts, {@link Locale#ROOT} for English
     * @return the diagnosis
     */
    public static Diagnosis of(TlsReport report, List<Deviation> deviations, Locale locale) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(deviations, "deviations");
        Objects.requireNonNull(locale, "locale");
        return new Diagnoser(report, deviations, AdviceCatalog.forLocale(locale), locale).diagnose();
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
        return toText(false);
    }

    /**
     * The plain-text rendering of {@link #toText()}, optionally with ANSI colour codes for a terminal:
     * the severity tags in colour (CRITICAL red, WARNING yellow, INFO cyan, OK green) and the headings
     * in bold. Colour codes never count towards the 100-column wrapping.
     *
     * @param ansiColours whether to add ANSI escape codes
     * @return the text
     */
    public String toText(boolean ansiColours) {
        return TextRenderer.render(this, AdviceCatalog.forLocale(locale), ansiColours);
    }

    /**
     * A JSON rendering (pretty-printed, UTF-8 safe) with these stable member names. Top level:
     * {@code organization-name}, {@code report-id}, {@code contact-info} (or null), {@code start-datetime},
     * {@code end-datetime} (ISO-8601 UTC), {@code severity} (lower-case {@link Severity}),
     * {@code verdict}, {@code total-sessions}, {@code failed-sessions} and {@code findings}, an array of
     * objects with {@code severity}, {@code kind} ({@link FindingKind#code()}), {@code result-type}
     * (the name as sent, or null), {@code policy-index}, {@code policy-type} (as sent, or null),
     * {@code policy-domain}, {@code sts-mode} (or null), {@code mx-host} (or null),
     * {@code mx-host-source} ({@link MxHostSource#jsonName()}), {@code failed-sessions},
     * {@code policy-sessions}, {@code share} (0 to 1, at most 6 decimals), {@code sending-ips},
     * {@code receiving-ips}, {@code failure-reason-codes}, {@code additional-information} (arrays of
     * strings), {@code title}, {@code explanation}, {@code action}, {@code reference} and
     * {@code pointer} (or null). Every member is always written, null when it has no value. Besides JSON's
     * own escapes, DEL, C1 controls, format characters (bidirectional overrides among them) and line
     * separators are written as {@code \}{@code uXXXX} escapes, so the JSON is safe to print too.
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonRenderer.render(this);
    }
}
