package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.analysis.AggregateFinding;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DaySummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.FindingStatus;
import dev.tlsrpt.analysis.ReporterSummary;
import dev.tlsrpt.analysis.Tally;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text rendering of {@code tlsrpt summary}: a header line, then per policy domain its totals, its days as
 * two compact rows of marks (sessions, failure share; one mark per UTC day, or per so many days that a row
 * stays {@value #MARKS} marks long), the failed sessions by result
 * type and MX host, the problems with their status and what to do, and the domain's reporters with the
 * silent ones marked; then every reporter. Sender text is printed through
 * {@link dev.tlsrpt.internal.SenderText#neutralise(String)}.
 */
final class SummaryText {
    /** Where long lines (titles, actions) wrap. */
    static final int WIDTH = 100;
    /** The most marks a row of the day series has. */
    static final int MARKS = 60;
    /** A day without a report. */
    static final char NO_REPORT = '\u00b7';
    /** A day whose value is zero. */
    static final char ZERO = '_';
    /** The marks of a day's value, from at most an eighth of the largest to the largest. */
    static final String BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    /** How many MX hosts or result types a line lists before it says how many more there are. */
    static final int LISTED = 8;

    private SummaryText() {
    }

    /**
     * Prints the summary.
     *
     * @param out standard output
     * @param style colours or none
     * @param s the summary
     * @param unreadable how many inputs could not be read
     */
    static void print(PrintWriter out, Style style, AggregateSummary s, int unreadable) {
        out.println(header(style, s, unreadable));
        Map<String, ReporterSummary> reporters = new HashMap<>();
        for (ReporterSummary r : s.reporters()) {
            reporters.put(r.organizationName(), r);
        }
        for (DomainSummary d : s.domains()) {
            out.println();
            domain(out, style, s, d, reporters);
        }
        if (!s.reporters().isEmpty()) {
            out.println();
            allReporters(out, style, s.reporters());
        }
    }

    private static String header(Style style, AggregateSummary s, int unreadable) {
        StringBuilder b = new StringBuilder(style.bold("TLS-RPT summary")).append(": ");
        if (s.start() != null && s.end() != null) {
            b.append(s.start()).append(" to ").append(s.end()).append(", ");
        }
        b.append(plural(s.reports(), "report")).append(" from ").append(plural(s.reporters().size(), "reporter"));
        if (s.duplicates() > 0) {
            b.append(", ").append(plural(s.duplicates(), "duplicate")).append(" dropped");
        }
        if (unreadable > 0) {
            b.append(", ").append(style.red(unreadable + " unreadable"));
        }
        return b.toString();
    }

    private static void domain(PrintWriter out, Style style, AggregateSummary s, DomainSummary d,
            Map<String, ReporterSummary> reporters) {
        long sessions = Text.sum(d.successfulSessions(), d.failedSessions());
        String failed = Text.count(d.failedSessions()) + " failed";
        out.println(style.bold(domainName(d.policyDomain())) + ": " + plural(d.reports(), "report") + ", "
                + Text.count(sessions) + " sessions, " + (d.failedSessions() > 0 ? style.red(failed) : failed)
                + " (" + Text.failedPercent(d.failedSessions(), d.successfulSessions()) + ")");
        LocalDate start = s.start();
        LocalDate end = s.end();
        if (start != null && end != null && !d.days().isEmpty()) {
            days(out, start, end, d.days());
        }
        tallies(out, "Failed sessions by result type: ", d.resultTypes());
        tallies(out, "Failed sessions by MX host: ", d.mxHosts());
        if (d.findings().isEmpty()) {
            out.println("  Findings: none");
        } else {
            out.println("  Findings:");
            for (AggregateFinding f : d.findings()) {
                finding(out, style, f);
            }
        }
        domainReporters(out, style, d.reporters(), reporters);
    }

    /**
     * The day series as two rows of marks, sessions and failure share, from {@code start} to {@code end}: one
     * mark a day, or for a period of more than {@link #MARKS} days one mark per so many days that the row
     * stays {@link #MARKS} marks long (the days' counts summed).
     */
    private static void days(PrintWriter out, LocalDate start, LocalDate end, List<DaySummary> days) {
        long n = ChronoUnit.DAYS.between(start, end) + 1;
        long per = (n + MARKS - 1) / MARKS;
        int count = (int) ((n + per - 1) / per);
        long[] successful = new long[count];
        long[] failed = new long[count];
        boolean[] reported = new boolean[count];
        for (DaySummary day : days) {
            int i = (int) (ChronoUnit.DAYS.between(start, day.date()) / per);
            successful[i] = Text.sum(successful[i], day.successfulSessions());
            failed[i] = Text.sum(failed[i], day.failedSessions());
            reported[i] = true;
        }
        double[] sessions = new double[count];
        double[] shares = new double[count];
        for (int i = 0; i < count; i++) {
            sessions[i] = (double) successful[i] + failed[i];
            shares[i] = sessions[i] == 0 ? 0 : failed[i] / sessions[i];
        }
        String unit = per == 1 ? "a mark a day" : "a mark per " + per + " days";
        double maxSessions = max(sessions);
        double maxShare = max(shares);
        out.println("  Sessions      " + start + ' ' + marks(sessions, reported, maxSessions) + ' ' + end + "  (" + unit
                + ": " + BLOCKS.charAt(BLOCKS.length() - 1) + ' ' + Text.count((long) maxSessions) + " sessions, "
                + NO_REPORT + " no report)");
        out.println("  Failed share  " + start + ' ' + marks(shares, reported, maxShare) + ' ' + end + "  ("
                + BLOCKS.charAt(BLOCKS.length() - 1) + ' ' + String.format(Locale.ROOT, "%.2f%%", 100 * maxShare) + ", "
                + ZERO + " none failed)");
    }

    private static String marks(double[] values, boolean[] reported, double max) {
        StringBuilder b = new StringBuilder(values.length);
        for (int i = 0; i < values.length; i++) {
            b.append(reported[i] ? mark(values[i], max) : NO_REPORT);
        }
        return b.toString();
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * The mark of a value: {@link #ZERO} for 0, else one of {@link #BLOCKS} by its share of the largest value,
     * the smallest block for anything above zero.
     */
    static char mark(double value, double max) {
        if (value <= 0 || max <= 0) {
            return ZERO;
        }
        int i = (int) Math.ceil(value / max * BLOCKS.length()) - 1;
        return BLOCKS.charAt(Math.max(0, Math.min(BLOCKS.length() - 1, i)));
    }

    private static void tallies(PrintWriter out, String label, List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        List<Tally> sorted = new ArrayList<>(tallies);
        sorted.sort(Comparator.comparingLong(Tally::failedSessions).reversed());
        StringBuilder b = new StringBuilder("  ").append(label);
        for (int i = 0; i < Math.min(LISTED, sorted.size()); i++) {
            Tally t = sorted.get(i);
            b.append(i == 0 ? "" : ", ").append(t.name() == null ? "(none named)" : neutralise(t.name())).append(' ')
                    .append(Text.count(t.failedSessions()));
        }
        if (sorted.size() > LISTED) {
            b.append(" and ").append(sorted.size() - LISTED).append(" more");
        }
        out.println(b);
    }

    private static void finding(PrintWriter out, Style style, AggregateFinding f) {
        String severity = String.format(Locale.ROOT, "%-8s", f.severity().name());
        severity = switch (f.severity()) {
            case CRITICAL -> style.red(severity);
            case WARNING -> style.yellow(severity);
            default -> severity;
        };
        String status = String.format(Locale.ROOT, "%-8s", f.status().wireName());
        status = f.status() == FindingStatus.RESOLVED ? style.green(status) : style.bold(status);
        String where = f.mxHost() == null ? ", no MX host named" : " at " + neutralise(f.mxHost());
        out.println("    " + severity + " " + status + " " + neutralise(f.resultTypeName()) + where + ": "
                + plural(f.failedSessions(), "failed session") + " in " + plural(f.reports(), "report") + ", "
                + (f.firstSeen().equals(f.lastSeen()) ? "on " + f.firstSeen() : f.firstSeen() + " to " + f.lastSeen()));
        String indent = "      ";
        wrap(out, indent, neutralise(f.title()));
        wrap(out, indent, "Reported by: " + neutralise(String.join(", ", f.reporters())));
        wrap(out, indent, "Action: " + neutralise(f.action()));
        String note = f.note();
        if (note != null) {
            wrap(out, indent, "Note: " + neutralise(note));
        }
    }

    private static void domainReporters(PrintWriter out, Style style, List<Tally> tallies,
            Map<String, ReporterSummary> reporters) {
        if (tallies.isEmpty()) {
            return;
        }
        int width = "Reporter".length();
        for (Tally t : tallies) {
            width = Math.max(width, neutralise(name(t)).length());
        }
        width = Math.min(width, 40);
        out.println("  " + style.bold(String.format(Locale.ROOT, "%-" + width + "s %8s %12s %10s %8s  %s",
                "Reporter", "reports", "successful", "failed", "failed%", "last report")));
        for (Tally t : tallies) {
            ReporterSummary r = reporters.get(name(t));
            String line = String.format(Locale.ROOT, "%-" + width + "s %8s %12s %10s %8s  %s", neutralise(name(t)),
                    Text.count(t.reports()), Text.count(t.successfulSessions()), Text.count(t.failedSessions()),
                    Text.failedPercent(t.failedSessions(), t.successfulSessions()),
                    r == null ? "" : r.lastReport());
            out.println("  " + line + (r != null && r.silent() ? "  " + style.yellow("SILENT") : ""));
        }
    }

    private static void allReporters(PrintWriter out, Style style, List<ReporterSummary> reporters) {
        int width = "Reporters".length();
        for (ReporterSummary r : reporters) {
            width = Math.max(width, neutralise(r.organizationName()).length());
        }
        width = Math.min(width, 40);
        out.println(style.bold(String.format(Locale.ROOT, "%-" + width + "s %8s  %-13s %-13s", "Reporters", "reports",
                "first report", "last report")).stripTrailing());
        for (ReporterSummary r : reporters) {
            String line = String.format(Locale.ROOT, "%-" + width + "s %8s  %-13s %-13s", neutralise(r.organizationName()),
                    Text.count(r.reports()), r.firstReport(), r.lastReport());
            out.println(r.silent() ? line + style.yellow("SILENT: nothing since " + r.lastReport()) : line.stripTrailing());
        }
    }

    /** Prints text wrapped at {@link #WIDTH} columns, each line after {@code indent}. */
    static void wrap(PrintWriter out, String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent).append("  ");
            }
            if (line.length() > indent.length() && line.charAt(line.length() - 1) != ' ') {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String name(Tally t) {
        return t.name() == null ? "" : t.name();
    }

    static String domainName(@Nullable String domain) {
        return domain == null ? "(no policy-domain)" : neutralise(domain);
    }

    static String plural(long n, String noun) {
        return Text.count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
