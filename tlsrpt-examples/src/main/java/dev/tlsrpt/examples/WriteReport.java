package dev.tlsrpt.examples;

import dev.tlsrpt.ReportBuilder;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

/**
 * Example: compose a report in code, as a sending MTA does, and write it as RFC 8460 JSON. Run:
 * {@code java -cp tlsrpt.jar dev.tlsrpt.examples.WriteReport > report.json}.
 *
 * @since 0.1.0
 */
public final class WriteReport {
    private WriteReport() {
    }

    /**
     * Writes the example report to standard output.
     *
     * @param args not used
     * @throws IOException when standard output fails
     */
    public static void main(String[] args) throws IOException {
        run(System.out);
        System.out.flush();
    }

    static void run(OutputStream out) throws IOException {
        // snippet:write
        TlsReport report = new ReportBuilder()
                .organization("Example Mail")
                .contact("tlsrpt@mail.example")
                .reportId("2026-11-27_example.com")
                .day(LocalDate.of(2026, 11, 27))
                .stsPolicy("example.com", "version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 86400")
                .success(4821)
                .failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.10", "mx1.example.com", 3)
                .build();
        TlsRpt.write(report, out); // with WriteOptions.defaults().withGzip(true) for a .json.gz
        // end-snippet
    }
}
