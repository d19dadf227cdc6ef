package dev.tlsrpt.cli;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tlsrpt summary DIR...}: reads many reports (bare reports streamed, so each in bounded memory; reports
 * in e-mail messages and mbox files too) and prints the
 * totals per policy domain, MX host, result type and reporting organization. A report that cannot be read
 * is named on standard error and left out of the totals; a file found in a directory that holds no report is
 * skipped (see {@link Skipped}).
 */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Totals over many reports: per policy domain, MX host, result type and reporting organization.",
            "Directories are walked for report files (plain or gzip, e-mail messages, mbox files);"
                    + " - reads standard input.",
            "Files found in a directory that hold no report are skipped and named in one line on standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all reports read",
            "2:usage error",
            "3:a report could not be read (left out of the totals, named on standard error)",
        })
final class SummaryCommand implements Callable<Integer> {

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE|-", description = "Directories of reports, report files, or - for standard input.")
    private List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        CliEnvironment env = root.environment();
        Style style = root.style();
        List<Input> inputs = Inputs.expand(paths, env.in(), false);
        Totals totals = new Totals();
        Skipped skipped = new Skipped();
        int unreadable = 0;
        Progress progress = new Progress(env.err(), env.terminal(), env.nanoClock(), inputs.size());
        for (Input input : inputs) {
            try (InputStream raw = input.open()) {
                BufferedInputStream in = new BufferedInputStream(raw, 16 * 1024);
                List<ReportTotals> read = new ArrayList<>();
                if (!skipped.skipsContent(input, in, true)) {
                    if (Inputs.looksLikeMail(in)) {
                        for (ReportRunner.Named named : ReportRunner.read(input.name(), in, ParseOptions.lenient())) {
                            read.add(ReportTotals.of(named.result().report()));
                        }
                    } else {
                        ReportTotals one = new ReportTotals();
                        TlsRpt.stream(in, ParseOptions.lenient(), one);
                        read.add(one);
                    }
                }
                read.forEach(totals::add);
            } catch (IOException | RuntimeException e) {
                if (!skipped.skipsFailure(input, e)) {
                    progress.finish();
                    ReportRunner.unreadable(env.err(), input.name(), e);
                    unreadable++;
                }
            }
            progress.step();
        }
        progress.finish();
        print(env.out(), style, totals, unreadable);
        env.out().flush();
        skipped.print(env.err());
        return unreadable > 0 ? ExitCodes.UNREADABLE : ExitCodes.OK;
    }

    private static void print(PrintWriter out, Style style, Totals t, int unreadable) {
        out.println(style.bold("TLS-RPT summary") + ": " + t.reports + (t.reports == 1 ? " report" : " reports")
                + " from " + t.organizations.size() + (t.organizations.size() == 1 ? " organization" : " organizations")
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        if (t.first != null && t.last != null) {
            out.println("Period:   " + t.first + " to " + t.last);
        }
        long all = Text.sum(t.successful, t.failed);
        out.println("Sessions: " + Text.count(all) + " total, " + Text.count(t.successful) + " successful, "
                + colourFailed(style, t.failed, Text.count(t.failed) + " failed") + " ("
                + Text.failedPercent(t.failed, t.successful) + ")");
        table(out, style, "Policy domain (type)", "policies", t.domains, true);
        table(out, style, "MX host (failure details)", "entries", t.mxHosts, false);
        table(out, style, "Result type", "entries", t.resultTypes, false);
        table(out, style, "Reporting organization", "reports", t.organizations, true);
    }

    private static String colourFailed(Style style, long failed, String text) {
        return failed > 0 ? style.red(text) : text;
    }

    private static void table(PrintWriter out, Style style, String heading, String countLabel,
            Map<String, Row> rows, boolean withSuccess) {
        out.println();
        List<Map.Entry<String, Row>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, Row> e) -> e.getValue().failed).reversed()
                .thenComparing(Map.Entry::getKey));
        int width = heading.length();
        for (Map.Entry<String, Row> e : sorted) {
            width = Math.max(width, Text.safe(e.getKey()).length());
        }
        String header = withSuccess
                ? String.format(Locale.ROOT, "%-" + width + "s %8s %12s %10s %8s", heading, countLabel, "successful", "failed", "failed%")
                : String.format(Locale.ROOT, "%-" + width + "s %8s %10s", heading, countLabel, "failed");
        out.println(style.bold(header));
        if (sorted.isEmpty()) {
            out.println("(none)");
        }
        for (Map.Entry<String, Row> e : sorted) {
            Row r = e.getValue();
            String line = withSuccess
                    ? String.format(Locale.ROOT, "%-" + width + "s %8d %12s %10s %8s", Text.safe(e.getKey()), r.count,
                            Text.count(r.successful), Text.count(r.failed), Text.failedPercent(r.failed, r.successful))
                    : String.format(Locale.ROOT, "%-" + width + "s %8d %10s", Text.safe(e.getKey()), r.count, Text.count(r.failed));
            out.println(r.failed > 0 && withSuccess ? colourRow(style, line) : line);
        }
    }

    private static String colourRow(Style style, String line) {
        return style.yellow(line);
    }

    /** Counts for one row of a table. */
    static final class Row {
        long count;
        long successful;
        long failed;

        void add(Row other) {
            count = Text.sum(count, other.count);
            successful = Text.sum(successful, other.successful);
            failed = Text.sum(failed, other.failed);
        }
    }

    /** The totals over every report read so far. */
    static final class Totals {
        long reports;
        long successful;
        long failed;
        @Nullable Instant first;
        @Nullable Instant last;
        final Map<String, Row> domains = new HashMap<>();
        final Map<String, Row> mxHosts = new HashMap<>();
        final Map<String, Row> resultTypes = new HashMap<>();
        final Map<String, Row> organizations = new HashMap<>();

        void add(ReportTotals one) {
            reports++;
            successful = Text.sum(successful, one.successful);
            failed = Text.sum(failed, one.failed);
            if (one.start != null && (first == null || one.start.isBefore(first))) {
                first = one.start;
            }
            if (one.end != null && (last == null || one.end.isAfter(last))) {
                last = one.end;
            }
            merge(domains, one.domains);
            merge(mxHosts, one.mxHosts);
            merge(resultTypes, one.resultTypes);
            Row org = organizations.computeIfAbsent(one.organization == null ? "(none)" : one.organization, k -> new Row());
            org.count++;
            org.successful = Text.sum(org.successful, one.successful);
            org.failed = Text.sum(org.failed, one.failed);
        }

        private static void merge(Map<String, Row> into, Map<String, Row> from) {
            from.forEach((k, v) -> into.computeIfAbsent(k, x -> new Row()).add(v));
        }
    }

    /** Collects one report's counts while it streams; merged into the totals only when it was read whole. */
    static final class ReportTotals implements ReportVisitor {
        @Nullable String organization;
        @Nullable Instant start;
        @Nullable Instant end;
        long successful;
        long failed;
        final Map<String, Row> domains = new HashMap<>();
        final Map<String, Row> mxHosts = new HashMap<>();
        final Map<String, Row> resultTypes = new HashMap<>();

        /**
         * The counts of a report read whole (from an e-mail message), as streaming it would give them.
         *
         * @param report the report
         * @return its counts
         */
        static ReportTotals of(TlsReport report) {
            ReportTotals t = new ReportTotals();
            t.header(new ReportHeader(report.organizationName(), report.dateRange(), report.contactInfo(),
                    report.reportId()));
            for (PolicyResult p : report.policies()) {
                t.policy(p.policy(), p.summary());
                for (FailureDetail d : p.failureDetails()) {
                    t.failureDetail(p.policy(), d);
                }
            }
            return t;
        }

        @Override
        public void header(ReportHeader header) {
            organization = header.organizationName();
            start = header.dateRange().start();
            end = header.dateRange().end();
        }

        @Override
        public void policy(Policy policy, Summary summary) {
            successful = Text.sum(successful, summary.totalSuccessfulSessionCount());
            failed = Text.sum(failed, summary.totalFailureSessionCount());
            String domain = policy.policyDomain() == null ? "(no policy-domain)" : policy.policyDomain();
            Row row = row(domains, domain + " (" + policy.policyTypeName() + ")");
            row.count++;
            row.successful = Text.sum(row.successful, summary.totalSuccessfulSessionCount());
            row.failed = Text.sum(row.failed, summary.totalFailureSessionCount());
        }

        @Override
        public void failureDetail(Policy policy, FailureDetail detail) {
            String mx = detail.receivingMxHostname() == null ? "(no receiving-mx-hostname)" : detail.receivingMxHostname();
            Row host = row(mxHosts, mx);
            host.count++;
            host.failed = Text.sum(host.failed, detail.failedSessionCount());
            Row type = row(resultTypes, detail.resultTypeName());
            type.count++;
            type.failed = Text.sum(type.failed, detail.failedSessionCount());
        }

        private static Row row(Map<String, Row> map, String key) {
            return map.computeIfAbsent(key, k -> new Row());
        }
    }
}
