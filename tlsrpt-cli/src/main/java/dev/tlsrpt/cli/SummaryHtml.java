package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.analysis.AggregateFinding;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DaySummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.FindingStatus;
import dev.tlsrpt.analysis.ReporterSummary;
import dev.tlsrpt.analysis.Tally;
import dev.tlsrpt.diagnose.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The HTML rendering of {@code tlsrpt summary}: one self-contained page. Inline CSS and inline SVG only: no
 * script, no external style sheet, font or image, and a Content-Security-Policy that forbids loading anything,
 * so the page reads the same offline, in a mail client or from a file, without JavaScript.
 *
 * <p>Per policy domain: its totals; a chart of the sessions per UTC day (one bar per day with reports,
 * successful and failed stacked, heights in proportion to the counts); a chart of the failure share per day;
 * the failed sessions by result type and by MX host; the problems (severity, status, first and last seen,
 * reporters, what to do); the domain's reporters with the silent ones marked; and every day as a table. Then
 * every reporter. Every string that comes from a report goes through {@link #escape(String)}: the characters
 * of {@link dev.tlsrpt.internal.SenderText#isEscaped} (controls, format characters such as bidirectional
 * overrides, line separators) shown as {@code \}{@code uXXXX}, then {@code & < > " '} as entities, so a
 * sender's text is shown as text in element content and in (always double-quoted) attribute values.
 * Deterministic: the same summary gives the same bytes (no time of generation).
 */
final class SummaryHtml {
    /** The height of a chart's plot area, in CSS pixels. */
    static final double PLOT_HEIGHT = 160;
    /** The width the day bars of a chart share, unless each day would get less than {@link #MIN_STEP}. */
    static final double PLOT_WIDTH = 720;
    /** The widest a day's slot gets. */
    static final double MAX_STEP = 48;
    /** The narrowest a day's slot gets (long periods make the chart wider and scroll). */
    static final double MIN_STEP = 1;
    /** Left of the plot: the y-axis labels. */
    static final double LEFT = 72;
    /** Above the plot. */
    static final double TOP = 12;
    /** Below the plot: the date labels. */
    static final double BOTTOM = 26;
    /** Right of the plot. */
    static final double RIGHT = 16;
    /** The width of the longest bar of a table of failures by result type or MX host. */
    static final double TALLY_BAR = 160;
    /** How many unreadable or skipped inputs the page lists before it says how many more there are. */
    static final int LISTED = 50;

    private static final String CSS = """
            :root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--card:#f6f8fa;--line:#d1d9e0;\
            --ok:#2f9e5b;--failed:#d1242f;--share:#c76a14;--bar:#8250df;--critical:#d1242f;--warning:#9a6700;\
            --info:#0969da;--resolved:#1a7f37}
            @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;\
            --line:#3d444d;--ok:#3fb950;--failed:#f85149;--share:#e3a04f;--bar:#a371f7;--critical:#f85149;\
            --warning:#d29922;--info:#4493f8;--resolved:#3fb950}}
            *{box-sizing:border-box}
            body{margin:0 auto;max-width:1180px;padding:24px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:0 0 4px;overflow-wrap:anywhere}
            h3{font-size:15px;margin:22px 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
            .lead,.totals{color:var(--muted);margin:0 0 12px}
            .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:150px}
            .card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:13px}
            nav{margin:12px 0}nav a{margin-right:14px;color:var(--info);overflow-wrap:anywhere}
            section.domain,section.reporters{border-top:1px solid var(--line);margin-top:28px;padding-top:20px}
            .chart-wrap{overflow-x:auto}
            svg.chart{display:block}
            svg .ok{fill:var(--ok)}svg .failed{fill:var(--failed)}svg .share{fill:var(--share)}svg .tally{fill:var(--bar)}
            svg .grid{stroke:var(--line);stroke-width:1}svg .axis{fill:var(--muted);font-size:11px}
            .legend{color:var(--muted);font-size:13px;margin:4px 0 0}
            .key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px}
            .key.ok{background:var(--ok)}.key.failed{background:var(--failed)}.key.share{background:var(--share)}
            .split{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 32px}
            table{border-collapse:collapse;width:100%;font-size:14px}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top;\
            overflow-wrap:break-word}
            th{color:var(--muted);font-weight:600;font-size:13px}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.d{white-space:nowrap;font-variant-numeric:tabular-nums}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .sev,.status,.silent{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;\
            font-weight:600;white-space:nowrap;border:1px solid currentColor}
            .sev-critical{color:var(--critical)}.sev-warning{color:var(--warning)}.sev-info{color:var(--info)}
            .status.ongoing{color:var(--fg)}.status.resolved{color:var(--resolved)}.silent{color:var(--warning)}
            tr.resolved td{opacity:.75}
            .findings td:last-child{min-width:22em}
            .note{color:var(--muted);font-style:italic;margin:4px 0 0}
            .action{margin:2px 0 0}
            .none{color:var(--muted)}
            .problems{color:var(--failed)}
            details{margin:16px 0}summary{cursor:pointer;color:var(--muted)}
            footer{border-top:1px solid var(--line);margin-top:32px;padding-top:12px;color:var(--muted);font-size:13px}
            """;

    private SummaryHtml() {
    }

    /**
     * The page.
     *
     * @param s the summary
     * @param unreadable the inputs that could not be read, as {@code name: reason}
     * @param skipped the files found in directories that held no report
     * @return the HTML document
     */
    static String render(AggregateSummary s, List<String> unreadable, List<String> skipped) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String period = s.start() != null && s.end() != null ? s.start() + " to " + s.end() : "no reports";
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"tlsrpt summary\">\n")
                .append("<title>TLS-RPT summary, ").append(period).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(b, s, period, unreadable, skipped);
        Map<String, ReporterSummary> reporters = new HashMap<>();
        for (ReporterSummary r : s.reporters()) {
            reporters.put(r.organizationName(), r);
        }
        b.append("<main>\n");
        for (int i = 0; i < s.domains().size(); i++) {
            domain(b, s, s.domains().get(i), i + 1, reporters);
        }
        b.append("</main>\n");
        allReporters(b, s.reporters());
        b.append("<footer>Made by <code>tlsrpt summary</code>. Days are the UTC days of the reports'")
                .append(" <code>start-datetime</code>; a problem is one result type at one MX host of a domain,")
                .append(" <em>resolved</em> once every reporter that reported it has since sent a report for the")
                .append(" domain without it. A reporter is <em>silent</em> when it sent nothing on the last two days")
                .append(" or more of the period while others kept reporting. Hover a bar for its numbers.</footer>\n")
                .append("</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, AggregateSummary s, String period, List<String> unreadable,
            List<String> skipped) {
        long successful = 0;
        long failed = 0;
        int critical = 0;
        int warning = 0;
        int ongoing = 0;
        for (DomainSummary d : s.domains()) {
            successful = Text.sum(successful, d.successfulSessions());
            failed = Text.sum(failed, d.failedSessions());
            for (AggregateFinding f : d.findings()) {
                if (f.status() == FindingStatus.ONGOING) {
                    ongoing++;
                    critical += f.severity() == Severity.CRITICAL ? 1 : 0;
                    warning += f.severity() == Severity.WARNING ? 1 : 0;
                }
            }
        }
        long silent = s.reporters().stream().filter(ReporterSummary::silent).count();
        b.append("<header>\n<h1>TLS-RPT summary</h1>\n<p class=\"lead\">").append(period).append(" &middot; ")
                .append(SummaryText.plural(s.reports(), "report")).append(" from ")
                .append(SummaryText.plural(s.reporters().size(), "reporter"));
        if (s.duplicates() > 0) {
            b.append(" &middot; ").append(SummaryText.plural(s.duplicates(), "duplicate")).append(" dropped");
        }
        b.append("</p>\n<div class=\"cards\">\n");
        card(b, Text.count(s.domains().size()), "policy domains", "");
        card(b, Text.count(Text.sum(successful, failed)), "sessions", "");
        card(b, Text.count(failed) + " (" + Text.failedPercent(failed, successful) + ")", "failed sessions",
                failed > 0 ? "problems" : "");
        card(b, Text.count(ongoing), "ongoing problems: " + critical + " critical, " + warning + " warning",
                critical + warning > 0 ? "problems" : "");
        card(b, Text.count(silent), "silent reporters", "");
        b.append("</div>\n");
        inputs(b, "could not be read", unreadable);
        inputs(b, "were skipped: found in directories, they hold no report", skipped);
        if (!s.domains().isEmpty()) {
            b.append("<nav>");
            for (int i = 0; i < s.domains().size(); i++) {
                b.append("<a href=\"#domain-").append(i + 1).append("\">")
                        .append(escape(SummaryText.domainName(s.domains().get(i).policyDomain()))).append("</a>");
            }
            b.append("</nav>\n");
        }
        b.append("</header>\n");
    }

    private static void card(StringBuilder b, String value, String label, String cls) {
        b.append("<div class=\"card\"><b").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append('>')
                .append(value).append("</b><span>").append(label).append("</span></div>\n");
    }

    private static void inputs(StringBuilder b, String what, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        b.append("<details class=\"inputs\"><summary>").append(SummaryText.plural(names.size(), "input")).append(' ')
                .append(what).append("</summary>\n<ul>\n");
        for (int i = 0; i < Math.min(LISTED, names.size()); i++) {
            b.append("<li><code>").append(escape(names.get(i))).append("</code></li>\n");
        }
        if (names.size() > LISTED) {
            b.append("<li>and ").append(names.size() - LISTED).append(" more</li>\n");
        }
        b.append("</ul></details>\n");
    }

    private static void domain(StringBuilder b, AggregateSummary s, DomainSummary d, int index,
            Map<String, ReporterSummary> reporters) {
        String name = escape(SummaryText.domainName(d.policyDomain()));
        long sessions = Text.sum(d.successfulSessions(), d.failedSessions());
        b.append("<section class=\"domain\" id=\"domain-").append(index).append("\">\n<h2>").append(name)
                .append("</h2>\n<p class=\"totals\">").append(SummaryText.plural(d.reports(), "report"))
                .append(" &middot; ").append(Text.count(sessions)).append(" sessions &middot; ")
                .append(Text.count(d.failedSessions())).append(" failed (")
                .append(Text.failedPercent(d.failedSessions(), d.successfulSessions())).append(")</p>\n");
        LocalDate start = s.start();
        LocalDate end = s.end();
        if (start != null && end != null && !d.days().isEmpty()) {
            b.append("<h3>Sessions per day</h3>\n");
            sessionsChart(b, name, start, end, d.days());
            b.append("<p class=\"legend\"><span class=\"key ok\"></span>successful")
                    .append("<span class=\"key failed\"></span>failed</p>\n");
            b.append("<h3>Failure share per day</h3>\n");
            shareChart(b, name, start, end, d.days());
            b.append("<p class=\"legend\"><span class=\"key share\"></span>failed sessions as a share of the")
                    .append(" day's sessions</p>\n");
        }
        b.append("<div class=\"split\">\n<div>\n<h3>Failed sessions by result type</h3>\n");
        tallies(b, "result-types", "Result type", d.resultTypes(), "no failures");
        b.append("</div>\n<div>\n<h3>Failed sessions by MX host</h3>\n");
        tallies(b, "mx-hosts", "MX host", d.mxHosts(), "no failures");
        b.append("</div>\n</div>\n<h3>Findings</h3>\n");
        findings(b, d.findings());
        b.append("<h3>Reporters</h3>\n");
        domainReporters(b, d.reporters(), reporters);
        days(b, d.days());
        b.append("</section>\n");
    }

    // ---------------------------------------------------------------- charts

    /** The bar layout of a chart: one slot per day of the period. */
    private record Layout(LocalDate start, long days, double step, double bar, double width, double height) {
        static Layout of(LocalDate start, LocalDate end) {
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            double step = Math.max(MIN_STEP, Math.min(MAX_STEP, PLOT_WIDTH / days));
            double bar = Math.max(1, step * 0.72);
            return new Layout(start, days, step, bar, LEFT + days * step + RIGHT, TOP + PLOT_HEIGHT + BOTTOM);
        }

        double x(LocalDate day) {
            return LEFT + ChronoUnit.DAYS.between(start, day) * step + (step - bar) / 2;
        }
    }

    private static void sessionsChart(StringBuilder b, String name, LocalDate start, LocalDate end,
            List<DaySummary> days) {
        Layout l = Layout.of(start, end);
        double max = nice(max(days, d -> (double) d.successfulSessions() + d.failedSessions()));
        open(b, l, "sessions", "Sessions per day for " + name);
        axis(b, l, max, Text.count((long) max), Text.count((long) (max / 2)));
        b.append("<g class=\"bars\">\n");
        for (DaySummary d : days) {
            double ok = height(d.successfulSessions(), max);
            double failed = height(d.failedSessions(), max);
            double x = l.x(d.date());
            String title = "<title>" + d.date() + ": " + Text.count(d.successfulSessions()) + " successful, "
                    + Text.count(d.failedSessions()) + " failed (" + Text.failedPercent(d.failedSessions(), d.successfulSessions()) + "), "
                    + SummaryText.plural(d.reports(), "report") + "</title>";
            rect(b, "bar ok", d.date(), x, TOP + PLOT_HEIGHT - ok, l.bar(), ok, title);
            rect(b, "bar failed", d.date(), x, TOP + PLOT_HEIGHT - ok - failed, l.bar(), failed, title);
        }
        b.append("</g>\n");
        dates(b, l, start, end);
        b.append("</svg></div>\n");
    }

    private static void shareChart(StringBuilder b, String name, LocalDate start, LocalDate end,
            List<DaySummary> days) {
        Layout l = Layout.of(start, end);
        double maxPercent = max(days, d -> 100 * d.failureShare());
        double max = maxPercent <= 0 ? 1 : Math.min(100, nice(maxPercent));
        open(b, l, "share", "Failure share per day for " + name);
        axis(b, l, max, percent(max), percent(max / 2));
        b.append("<g class=\"bars\">\n");
        for (DaySummary d : days) {
            double h = height(100 * d.failureShare(), max);
            String title = "<title>" + d.date() + ": " + Text.failedPercent(d.failedSessions(), d.successfulSessions()) + " failed ("
                    + Text.count(d.failedSessions()) + " of " + Text.count(Text.sum(d.successfulSessions(), d.failedSessions())) + " sessions)</title>";
            rect(b, "bar share", d.date(), l.x(d.date()), TOP + PLOT_HEIGHT - h, l.bar(), h, title);
        }
        b.append("</g>\n");
        dates(b, l, start, end);
        b.append("</svg></div>\n");
    }

    private static void open(StringBuilder b, Layout l, String cls, String title) {
        b.append("<div class=\"chart-wrap\"><svg class=\"chart ").append(cls).append("\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" width=\"").append(num(l.width())).append("\" height=\"").append(num(l.height()))
                .append("\" viewBox=\"0 0 ").append(num(l.width())).append(' ').append(num(l.height()))
                .append("\" role=\"img\"><title>").append(title).append("</title>\n");
    }

    /** Grid lines at 0, half and the top of the scale, with their labels. */
    private static void axis(StringBuilder b, Layout l, double max, String top, String half) {
        double right = l.width() - RIGHT;
        b.append("<g class=\"grid\">");
        for (double f : new double[] {0, 0.5, 1}) {
            double y = TOP + PLOT_HEIGHT - f * PLOT_HEIGHT;
            b.append("<line x1=\"").append(num(LEFT - 4)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(num(right)).append("\" y2=\"").append(num(y)).append("\"/>");
        }
        b.append("</g>\n");
        String[] labels = {"0", half, top};
        for (int i = 0; i < 3; i++) {
            double y = TOP + PLOT_HEIGHT - i * 0.5 * PLOT_HEIGHT + 4;
            b.append("<text class=\"axis\" x=\"").append(num(LEFT - 8)).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"end\">").append(labels[i]).append("</text>");
        }
        b.append('\n');
    }

    /** Date labels under the plot: the first and last day, and some between when there is room. */
    private static void dates(StringBuilder b, Layout l, LocalDate start, LocalDate end) {
        double plot = l.days() * l.step();
        int labels = (int) Math.max(2, Math.min(7, plot / 110));
        List<LocalDate> at = new ArrayList<>();
        if (l.days() == 1) {
            at.add(start);
        } else {
            for (int i = 0; i < labels; i++) {
                LocalDate d = start.plusDays(Math.round((double) i * (l.days() - 1) / (labels - 1)));
                if (!at.contains(d)) {
                    at.add(d);
                }
            }
        }
        b.append("<g class=\"dates\">");
        for (LocalDate d : at) {
            double x = l.x(d) + l.bar() / 2;
            String anchor = d.equals(start) && l.days() > 1 ? "start" : d.equals(end) && l.days() > 1 ? "end" : "middle";
            if (anchor.equals("start")) {
                x = l.x(d);
            } else if (anchor.equals("end")) {
                x = l.x(d) + l.bar();
            }
            b.append("<text class=\"axis\" x=\"").append(num(x)).append("\" y=\"")
                    .append(num(TOP + PLOT_HEIGHT + 17)).append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(d).append("</text>");
        }
        b.append("</g>\n");
    }

    private static void rect(StringBuilder b, String cls, LocalDate date, double x, double y, double w, double h,
            String title) {
        b.append("<rect class=\"").append(cls).append("\" data-date=\"").append(date).append("\" x=\"").append(num(x))
                .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"")
                .append(num(h)).append("\">").append(title).append("</rect>\n");
    }

    /** A value's bar height on a scale whose top is {@code max}. */
    static double height(double value, double max) {
        return max <= 0 ? 0 : value / max * PLOT_HEIGHT;
    }

    /**
     * The top of a scale for values up to {@code max}: the next of 1, 2, 2.5 and 5 times a power of ten at or
     * above it (1 for nothing).
     */
    static double nice(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * power >= max) {
                return f * power;
            }
        }
        return 10 * power;
    }

    private static double max(List<DaySummary> days, ToDoubleFunction<DaySummary> value) {
        double max = 0;
        for (DaySummary d : days) {
            max = Math.max(max, value.applyAsDouble(d));
        }
        return max;
    }

    /** A percentage for an axis label: three significant digits at most, no trailing zeros. */
    static String percent(double p) {
        return new BigDecimal(p).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    // ---------------------------------------------------------------- tables

    /** When there are no rows, says so in their place ({@code text} is HTML) and returns true. */
    private static boolean none(StringBuilder b, List<?> rows, String text) {
        if (rows.isEmpty()) {
            b.append("<p class=\"none\">").append(text).append("</p>\n");
        }
        return rows.isEmpty();
    }

    private static void tallies(StringBuilder b, String cls, String heading, List<Tally> tallies, String none) {
        if (none(b, tallies, none)) {
            return;
        }
        List<Tally> sorted = new ArrayList<>(tallies);
        sorted.sort(Comparator.comparingLong(Tally::failedSessions).reversed());
        double max = sorted.get(0).failedSessions();
        b.append("<table class=\"tallies ").append(cls).append("\">\n<tr><th>").append(heading)
                .append("</th><th class=\"n\">Failed sessions</th><th class=\"n\">Reports</th><th></th></tr>\n");
        for (Tally t : sorted) {
            double w = max <= 0 ? 0 : t.failedSessions() / max * TALLY_BAR;
            b.append("<tr><td><code>").append(t.name() == null ? "(none named)" : escape(t.name()))
                    .append("</code></td><td class=\"n\">").append(Text.count(t.failedSessions()))
                    .append("</td><td class=\"n\">").append(Text.count(t.reports()))
                    .append("</td><td><svg class=\"tally-bar\" width=\"").append(num(TALLY_BAR))
                    .append("\" height=\"12\"><rect class=\"tally\" x=\"0\" y=\"1\" width=\"").append(num(w))
                    .append("\" height=\"10\"/></svg></td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void findings(StringBuilder b, List<AggregateFinding> findings) {
        if (none(b, findings, "No problems: no session failed.")) {
            return;
        }
        b.append("<table class=\"findings\">\n<tr><th>Severity</th><th>Status</th><th>Problem</th>")
                .append("<th class=\"n\">Failed</th><th class=\"n\">Reports</th><th>First seen</th>")
                .append("<th>Last seen</th><th>Reporters</th><th>What to do</th></tr>\n");
        for (AggregateFinding f : findings) {
            String severity = f.severity().name().toLowerCase(Locale.ROOT);
            String status = f.status().wireName();
            b.append("<tr class=\"").append(status).append("\"><td><span class=\"sev sev-").append(severity)
                    .append("\">").append(f.severity().name()).append("</span></td><td><span class=\"status ")
                    .append(status).append("\">").append(status).append("</span></td><td><code>")
                    .append(escape(f.resultTypeName())).append("</code>")
                    .append(f.mxHost() == null ? " (no MX host named)" : " at <code>" + escape(f.mxHost()) + "</code>")
                    .append("</td><td class=\"n\">").append(Text.count(f.failedSessions()))
                    .append("</td><td class=\"n\">").append(Text.count(f.reports()))
                    .append("</td><td class=\"d\">").append(f.firstSeen())
                    .append("</td><td class=\"d\">").append(f.lastSeen())
                    .append("</td><td>").append(escape(String.join(", ", f.reporters())))
                    .append("</td><td><strong>").append(escape(f.title())).append("</strong><p class=\"action\">")
                    .append(escape(f.action())).append("</p>");
            String note = f.note();
            if (note != null) {
                b.append("<p class=\"note\">").append(escape(note)).append("</p>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void domainReporters(StringBuilder b, List<Tally> tallies, Map<String, ReporterSummary> all) {
        if (none(b, tallies, "none")) {
            return;
        }
        b.append("<table class=\"domain-reporters\">\n<tr><th>Reporter</th><th class=\"n\">Reports</th>")
                .append("<th class=\"n\">Successful</th><th class=\"n\">Failed</th><th class=\"n\">Failure share</th>")
                .append("<th>Last report</th><th></th></tr>\n");
        for (Tally t : tallies) {
            String name = t.name() == null ? "" : t.name();
            ReporterSummary r = all.get(name);
            boolean silent = r != null && r.silent();
            b.append("<tr").append(silent ? " class=\"is-silent\"" : "").append("><td>").append(escape(name))
                    .append("</td><td class=\"n\">").append(Text.count(t.reports()))
                    .append("</td><td class=\"n\">").append(Text.count(t.successfulSessions()))
                    .append("</td><td class=\"n\">").append(Text.count(t.failedSessions()))
                    .append("</td><td class=\"n\">").append(Text.failedPercent(t.failedSessions(), t.successfulSessions()))
                    .append("</td><td class=\"d\">").append(r == null ? "" : r.lastReport()).append("</td><td>")
                    .append(silent ? "<span class=\"silent\">silent</span>" : "").append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void days(StringBuilder b, List<DaySummary> days) {
        if (days.isEmpty()) {
            return;
        }
        b.append("<details><summary>Every day (").append(days.size()).append(")</summary>\n")
                .append("<table class=\"days\">\n<tr><th>Date</th><th class=\"n\">Reports</th>")
                .append("<th class=\"n\">Successful</th><th class=\"n\">Failed</th><th class=\"n\">Failure share</th></tr>\n");
        for (DaySummary d : days) {
            b.append("<tr><td class=\"d\">").append(d.date()).append("</td><td class=\"n\">")
                    .append(Text.count(d.reports())).append("</td><td class=\"n\">")
                    .append(Text.count(d.successfulSessions())).append("</td><td class=\"n\">")
                    .append(Text.count(d.failedSessions())).append("</td><td class=\"n\">")
                    .append(Text.failedPercent(d.failedSessions(), d.successfulSessions())).append("</td></tr>\n");
        }
        b.append("</table></details>\n");
    }

    private static void allReporters(StringBuilder b, List<ReporterSummary> reporters) {
        b.append("<section class=\"reporters\">\n<h2>All reporters</h2>\n");
        if (none(b, reporters, "none")) {
            b.append("</section>\n");
            return;
        }
        b.append("<table class=\"all-reporters\">\n<tr><th>Reporter</th><th class=\"n\">Reports</th>")
                .append("<th>First report</th><th>Last report</th><th></th></tr>\n");
        for (ReporterSummary r : reporters) {
            b.append("<tr").append(r.silent() ? " class=\"is-silent\"" : "").append("><td>")
                    .append(escape(r.organizationName())).append("</td><td class=\"n\">").append(Text.count(r.reports()))
                    .append("</td><td class=\"d\">").append(r.firstReport()).append("</td><td class=\"d\">")
                    .append(r.lastReport()).append("</td><td>")
                    .append(r.silent() ? "<span class=\"silent\">silent: nothing since " + r.lastReport() + "</span>" : "")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    /**
     * Sender text made safe for HTML element content and double-quoted attribute values: the characters of
     * {@link dev.tlsrpt.internal.SenderText#isEscaped} as {@code \}{@code uXXXX}
     * ({@link dev.tlsrpt.internal.SenderText#neutralise(String)}), then {@code & < > " '} as character references.
     *
     * @param s sender text
     * @return the escaped text
     */
    static String escape(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String safe = neutralise(s);
        StringBuilder b = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
