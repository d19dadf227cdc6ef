package dev.tlsrpt.examples;

import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.ReportHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Example: stream a report of any size with a {@link ReportVisitor}, in memory bounded by one failure
 * detail, and add up the failed sessions per result type. Run:
 * {@code java -cp tlsrpt.jar dev.tlsrpt.examples.StreamLargeReport [report.json.gz]}.
 *
 * @since 0.1.0
 */
public final class StreamLargeReport {
    private StreamLargeReport() {
    }

    /**
     * Streams the report named by the first argument, or the bundled sample.
     *
     * @param args an optional report file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(ExampleFiles.reportFile(args), System.out);
    }

    static void run(Path file, PrintStream out) throws IOException {
        // snippet:stream
        Map<String, Long> failedByResultType = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            TlsRpt.stream(in, new ReportVisitor() {
                @Override
                public void header(ReportHeader header) {
                    out.println("report " + header.reportId() + " from " + header.organizationName());
                }

                @Override
                public void failureDetail(Policy policy, FailureDetail detail) {
                    failedByResultType.merge(detail.resultTypeName(), detail.failedSessionCount(), Long::sum);
                }
            });
        }
        failedByResultType.forEach((type, sessions) -> out.println(type + ": " + sessions + " failed sessions"));
        // end-snippet
    }
}
