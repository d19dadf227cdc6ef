package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.analysis.AggregateFinding;
import dev.tlsrpt.analysis.AggregateLimitException;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import dev.tlsrpt.analysis.ReporterSummary;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.internal.SenderText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tlsrpt diagnose --group}: every report added to one {@link ReportAggregate} (duplicates dropped),
 * then the problems followed across the reports, per policy domain, instead of one block per report. Text,
 * the JSON of {@link AggregateSummary#toJson(List, List)} (the same contract as {@code tlsrpt summary}), or
 * CSV with one row per problem. {@code --min-severity} leaves out the problems below it; {@code --fail-on}
 * counts the ongoing problems only.
 *
 * @param env the environment
 * @param style the colours of standard output
 * @param format {@code --format}
 * @param minSeverity {@code --min-severity}, or null for all
 * @param failOn {@code --fail-on}
 */
record GroupedFindings(CliEnvironment env, Style style, DiagnoseCommand.Format format, @Nullable Severity minSeverity,
        FailOn failOn) {

    /** The CSV columns: one row per problem. */
    static final List<String> CSV_HEADER = List.of("policy-domain", "severity", "status", "result-type", "mx-host",
            "failed-sessions", "reports", "reporters", "first-seen", "last-seen", "single-reporter", "title", "action");

    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    /**
     * Reads every input into one aggregate and prints its problems.
     *
     * @param inputs the inputs
     * @param options the parse options
     * @param skipped counts the files found in directories that hold no report
     * @return the exit code
     */
    int run(List<Input> inputs, ParseOptions options, Skipped skipped) {
        ReportAggregate aggregate = ReportAggregate.create();
        List<String> unreadable = new ArrayList<>();
        Progress progress = Progress.start(env, inputs.size());
        PrintWriter err = env.err();
        for (Input input : inputs) {
            ReportRunner.run(List.of(input), options, new ReportRunner.Sink() {
                @Override
                public void report(String name, ParseResult result) {
                    try {
                        aggregate.add(result);
                    } catch (AggregateLimitException e) {
                        progress.finish();
                        ReportRunner.unreadable(err, name, e);
                        unreadable.add(name + ": " + Inputs.describe(e));
                    }
                }

                @Override
                public void unreadable(String name, Exception error) {
                    unreadable.add(name + ": " + Inputs.describe(error));
                }
            }, new ProgressErr(err, progress), skipped);
            progress.step();
        }
        progress.finish();

        AggregateSummary all = aggregate.summary();
        AggregateSummary summary = shown(all);
        PrintWriter out = env.out();
        switch (format) {
            case TEXT -> text(out, summary, all);
            case JSON -> JsonOut.print(out, summary.toJson(unreadable, skipped.names()));
            case CSV -> csv(out, summary);
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
        skipped.print(err);
        if (!unreadable.isEmpty()) {
            return ExitCodes.UNREADABLE;
        }
        return failOn.failsOngoing(all) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The summary with only the problems at or above {@code --min-severity}. */
    private AggregateSummary shown(AggregateSummary all) {
        if (minSeverity == null) {
            return all;
        }
        List<DomainSummary> domains = new ArrayList<>();
        for (DomainSummary d : all.domains()) {
            List<AggregateFinding> kept = new ArrayList<>();
            for (AggregateFinding f : d.findings()) {
                if (SeverityOption.atOrAbove(f.severity(), minSeverity)) {
                    kept.add(f);
                }
            }
            domains.add(new DomainSummary(d.policyDomain(), d.reports(), d.successfulSessions(), d.failedSessions(),
                    d.days(), d.reporters(), d.mxHosts(), d.resultTypes(), kept));
        }
        return new AggregateSummary(all.reports(), all.duplicates(), all.start(), all.end(), domains, all.reporters());
    }

    private void text(PrintWriter out, AggregateSummary s, AggregateSummary all) {
        if (s.reports() == 0 && s.duplicates() == 0) {
            out.println("No reports.");
            return;
        }
        out.println(style.bold("TLS-RPT findings across " + Text.count(s.reports()) + (s.reports() == 1 ? " report" : " reports")
                + " from " + s.reporters().size() + (s.reporters().size() == 1 ? " reporter" : " reporters")
                + (s.start() == null ? "" : ", " + s.start() + " to " + s.end()))
                + (s.duplicates() > 0 ? " (" + Text.count(s.duplicates())
                        + (s.duplicates() == 1 ? " duplicate" : " duplicates") + " dropped)" : ""));
        for (int i = 0; i < s.domains().size(); i++) {
            DomainSummary d = s.domains().get(i);
            int hidden = all.domains().get(i).findings().size() - d.findings().size();
            out.println();
            long sessions = Text.sum(d.successfulSessions(), d.failedSessions());
            String head = (d.policyDomain() == null ? "(no policy-domain)" : neutralise(d.policyDomain())) + ": "
                    + Text.count(d.failedSessions()) + " of " + Text.count(sessions) + " sessions failed ("
                    + Text.failedPercent(d.failedSessions(), d.successfulSessions()) + ") in " + Text.count(d.reports())
                    + (d.reports() == 1 ? " report" : " reports");
            out.println(style.bold(head));
            for (AggregateFinding f : d.findings()) {
                finding(out, f);
            }
            if (hidden > 0) {
                out.println("  " + style.dim(hidden + (hidden == 1 ? " problem" : " problems") + " below "
                        + minSeverity + " not shown"));
            } else if (d.findings().isEmpty()) {
                out.println("  " + style.green("no failures"));
            }
        }
        List<ReporterSummary> silent = s.reporters().stream().filter(ReporterSummary::silent).toList();
        if (!silent.isEmpty()) {
            out.println();
            for (ReporterSummary r : silent) {
                out.println(style.yellow("Silent reporter") + ": " + neutralise(r.organizationName()) + ", last report "
                        + r.lastReport() + " (nothing since, while others kept reporting until " + s.end() + ")");
            }
        }
    }

    private void finding(PrintWriter out, AggregateFinding f) {
        String tag = "[" + f.severity().name() + "]";
        String status = f.status().wireName();
        List<String> title = wrap(tag + " " + status + ": " + neutralise(f.title()), "  ", INDENT);
        title.set(0, title.get(0).replace(tag, colour(f.severity(), tag)));
        title.forEach(out::println);
        String where = neutralise(f.resultTypeName()) + (f.mxHost() == null ? "" : " on " + neutralise(f.mxHost()));
        wrap(where + ": " + Text.count(f.failedSessions()) + " failed " + (f.failedSessions() == 1 ? "session" : "sessions")
                + " in " + Text.count(f.reports()) + (f.reports() == 1 ? " report" : " reports") + ", first seen "
                + f.firstSeen() + ", last seen " + f.lastSeen(), INDENT, INDENT + "  ").forEach(out::println);
        List<String> reporters = f.reporters().stream().map(SenderText::neutralise).toList();
        wrap("Reporters: " + String.join(", ", reporters), INDENT, INDENT + "  ").forEach(out::println);
        String note = f.note();
        if (note != null) {
            wrap("Note: " + neutralise(note), INDENT, INDENT + "  ").forEach(out::println);
        }
        wrap("Action: " + neutralise(f.action()), INDENT, INDENT + "  ").forEach(out::println);
    }

    private String colour(Severity severity, String text) {
        return switch (severity) {
            case CRITICAL -> style.red(text);
            case WARNING -> style.yellow(text);
            case INFO -> style.dim(text);
            case OK -> style.green(text);
        };
    }

    private static void csv(PrintWriter out, AggregateSummary s) {
        out.print(Csv.row(CSV_HEADER));
        for (DomainSummary d : s.domains()) {
            for (AggregateFinding f : d.findings()) {
                out.print(Csv.row(List.of(d.policyDomain() == null ? "" : neutralise(d.policyDomain()),
                        f.severity().wireName(), f.status().wireName(), neutralise(f.resultTypeName()),
                        f.mxHost() == null ? "" : neutralise(f.mxHost()), Long.toString(f.failedSessions()),
                        Long.toString(f.reports()), neutralise(String.join("; ", f.reporters())),
                        f.firstSeen().toString(), f.lastSeen().toString(), Boolean.toString(f.singleReporter()),
                        neutralise(f.title()), neutralise(f.action()))));
            }
        }
    }

    /**
     * Word-wraps a paragraph at {@value #WIDTH} columns: the first line after {@code first}, the others after
     * {@code rest}. A word longer than a line is left whole.
     */
    static List<String> wrap(String text, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int lineStart = first.length();
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                lineStart = rest.length();
            }
            if (line.length() > lineStart) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Standard error that erases the progress bar before a message is written. */
    private static final class ProgressErr extends PrintWriter {
        private final Progress progress;

        ProgressErr(PrintWriter err, Progress progress) {
            super(err, true);
            this.progress = progress;
        }

        @Override
        public void println(String x) {
            progress.finish();
            super.println(x);
        }
    }
}
