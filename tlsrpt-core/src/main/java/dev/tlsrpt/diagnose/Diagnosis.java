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
 * <p>A final class rather than a record, as {@link Finding} is, so that it can gain components without
 * breaking callers: no public constructor and no record deconstruction to keep stable. Two diagnoses are
 * equal when all their components are.
 *
 * @since 0.1.0
 */
public final class Diagnosis {
    private final String organizationName;
    private final @Nullable String reportId;
    private final @Nullable String contactInfo;
    private final DateRange dateRange;
    private final Severity severity;
    private final String verdict;
    private final long totalSessions;
    private final long failedSessions;
    private final List<Finding> findings;
    private final Locale locale;

    /** Checks the components and copies the list; made by the diagnoser (and this package's tests). */
    Diagnosis(String organizationName, @Nullable String reportId, @Nullable String contactInfo, DateRange dateRange,
            Severity severity, String verdict, long totalSessions, long failedSessions, List<Finding> findings,
            Locale locale) {
        this.organizationName = Objects.requireNonNull(organizationName, "organizationName");
        this.reportId = reportId;
        this.contactInfo = contactInfo;
        this.dateRange = Objects.requireNonNull(dateRange, "dateRange");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.totalSessions = totalSessions;
        this.failedSessions = failedSessions;
        this.findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        if (this.findings.isEmpty()) {
            throw new IllegalArgumentException("findings must not be empty");
        }
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * The report's {@code organization-name}: who sent it.
     *
     * @return the organization name, as sent
     */
    public String organizationName() {
        return organizationName;
    }

    /**
     * The report's {@code report-id}.
     *
     * @return the report-id, null when a leniently read report has none
     */
    public @Nullable String reportId() {
        return reportId;
    }

    /**
     * The report's {@code contact-info}.
     *
     * @return the contact, null when absent
     */
    public @Nullable String contactInfo() {
        return contactInfo;
    }

    /**
     * The period the report covers.
     *
     * @return the report's date range
     */
    public DateRange dateRange() {
        return dateRange;
    }

    /**
     * The verdict's severity.
     *
     * @return {@link Severity#OK} when nothing failed (notes about the report may come with it), else the most
     *     severe finding's severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * A one-line summary: the severity, the failed sessions and the number of findings.
     *
     * @return the verdict text
     */
    public String verdict() {
        return verdict;
    }

    /**
     * All sessions of all policies: per policy, successful plus failed, where failed is the larger of the
     * summary's {@code total-failure-session-count} and the sum of the failure details; the denominator of
     * each finding's share ({@link Finding#policySessions()}).
     *
     * @return the number of sessions
     */
    public long totalSessions() {
        return totalSessions;
    }

    /**
     * The failed sessions of all policies, counted as in {@link #totalSessions()}.
     *
     * @return the number of failed sessions
     */
    public long failedSessions() {
        return failedSessions;
    }

    /**
     * The findings, most severe first, then most failed sessions first, then in report order.
     *
     * @return the findings, unmodifiable and never empty
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * The locale the texts were written for.
     *
     * @return the locale, {@link Locale#ROOT} for the English default
     */
    public Locale locale() {
        return locale;
    }

    /**
     * This diagnosis with other findings, for example those at or above a severity. The report's identity,
     * the verdict, its severity and the session counts stay those of the whole report.
     *
     * @param findings the findings to keep, in the order to show
     * @return the diagnosis with these findings
     * @throws IllegalArgumentException when {@code findings} is empty
     */
    public Diagnosis withFindings(List<Finding> findings) {
        return new Diagnosis(organizationName, reportId, contactInfo, dateRange, severity, verdict, totalSessions,
                failedSessions, findings, locale);
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

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Diagnosis d && organizationName.equals(d.organizationName)
                && Objects.equals(reportId, d.reportId) && Objects.equals(contactInfo, d.contactInfo)
                && dateRange.equals(d.dateRange) && severity == d.severity && verdict.equals(d.verdict)
                && totalSessions == d.totalSessions && failedSessions == d.failedSessions
                && findings.equals(d.findings) && locale.equals(d.locale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organizationName, reportId, contactInfo, dateRange, severity, verdict, totalSessions,
                failedSessions, findings, locale);
    }

    /**
     * The verdict and the number of findings, for logs; {@link #toText()} is the rendering for people.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Diagnosis[" + verdict + ", " + findings.size() + " findings]";
    }
}
