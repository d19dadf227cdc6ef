package dev.tlsrpt.examples;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.analysis.AggregateFinding;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import dev.tlsrpt.analysis.ReporterSummary;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Example: many reports added up with {@code ReportAggregate}, kept in a state file from one run to the next,
 * and what the summary says: per domain the problems with their status, and the reporters gone silent. Run:
 * {@code java -cp tlsrpt.jar dev.tlsrpt.examples.SummarizeReports STATE.json [report.json.gz]...}; with no
 * argument, the bundled sample into a temporary state file.
 *
 * @since 0.1.0
 */
public final class SummarizeReports {
    private SummarizeReports() {
    }

    /**
     * Adds the reports named after the state file to the aggregate saved in it, saves it, and prints the
     * summary.
     *
     * @param args the state file, then report files
     * @throws IOException when a file cannot be read or the state not written
     */
    public static void main(String[] args) throws IOException {
        Path state;
        List<Path> reports = new ArrayList<>();
        if (args.length == 0) {
            state = Files.createTempFile("tlsrpt-state-", ".json");
            Files.delete(state);
            state.toFile().deleteOnExit();
            reports.add(ExampleFiles.reportFile(args));
        } else {
            state = Path.of(args[0]);
            for (int i = 1; i < args.length; i++) {
                reports.add(Path.of(args[i]));
            }
        }
        print(add(state, reports).summary(), System.out);
    }

    static ReportAggregate add(Path state, List<Path> newReports) throws IOException {
        // snippet:aggregate
        ReportAggregate aggregate = Files.exists(state) ? ReportAggregate.load(state) : ReportAggregate.create();
        for (Path file : newReports) {
            aggregate.add(TlsRpt.parse(file)); // a copy of a report already added counts as a duplicate
        }
        aggregate.save(state); // the next run starts from here, and reads only the new reports
        // end-snippet
        return aggregate;
    }

    static void print(AggregateSummary summary, PrintStream out) {
        // snippet:aggregate-summary
        out.println(summary.reports() + " reports (" + summary.duplicates() + " duplicates dropped), "
                + summary.start() + " to " + summary.end());
        for (DomainSummary domain : summary.domains()) {
            out.println(domain.policyDomain() + ": " + domain.failedSessions() + " of "
                    + (domain.successfulSessions() + domain.failedSessions()) + " sessions failed");
            for (AggregateFinding f : domain.findings()) { // most severe first, ongoing before resolved
                out.println("  " + f.severity() + " " + f.status().wireName() + ": " + f.title() + ", "
                        + f.firstSeen() + " to " + f.lastSeen() + ", seen by " + String.join(", ", f.reporters()));
            }
        }
        for (ReporterSummary r : summary.reporters()) {
            if (r.silent()) {
                out.println("silent: " + r.organizationName() + ", nothing since " + r.lastReport());
            }
        }
        // end-snippet
    }

    static AggregateSummary merged(List<TlsReport> here, List<TlsReport> there) {
        // snippet:aggregate-merge
        ReportAggregate mine = ReportAggregate.create(); // one per thread, machine or partition
        ReportAggregate theirs = ReportAggregate.create();
        here.forEach(mine::add);
        there.forEach(theirs::add);
        AggregateSummary both = mine.merge(theirs).summary(); // as if one aggregate had been fed both
        // end-snippet
        return both;
    }

    static ReportAggregate parallel(List<TlsReport> reports) {
        // snippet:aggregate-parallel
        ReportAggregate all = reports.parallelStream().collect(ReportAggregate.collector());
        // end-snippet
        return all;
    }
}
