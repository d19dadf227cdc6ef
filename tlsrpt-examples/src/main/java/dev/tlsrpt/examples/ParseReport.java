package dev.tlsrpt.examples;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Example: read a report file, plain JSON or gzip, and print who sent it, for which day, and each policy's
 * counts and failures. Run: {@code java -cp tlsrpt.jar dev.tlsrpt.examples.ParseReport [report.json.gz]}.
 *
 * @since 0.1.0
 */
public final class ParseReport {
    private ParseReport() {
    }

    /**
     * Prints the report named by the first argument, or the bundled sample.
     *
     * @param args an optional report file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(ExampleFiles.reportFile(args), System.out);
    }

    static void run(Path file, PrintStream out) throws IOException {
        // snippet:parse
        TlsReport report = TlsRpt.parse(file); // plain or gzip, told apart by the content
        out.println(report.organizationName() + ", " + report.dateRange().start() + " to " + report.dateRange().end());
        for (PolicyResult result : report.policies()) {
            out.printf("%s %s: %d successful, %d failed%n", result.policy().policyTypeName(),
                    result.policy().policyDomain(), result.summary().totalSuccessfulSessionCount(),
                    result.summary().totalFailureSessionCount());
            for (FailureDetail detail : result.failureDetails()) {
                out.printf("  %s at %s (%s): %d sessions%n", detail.resultTypeName(),
                        detail.receivingMxHostname(), detail.receivingIp(), detail.failedSessionCount());
            }
        }
        // end-snippet
    }
}
