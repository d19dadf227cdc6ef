package dev.tlsrpt.examples;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.diagnose.Finding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Example: diagnose a report: what failed, how much of the traffic, and what to do about it. Run:
 * {@code java -cp tlsrpt.jar dev.tlsrpt.examples.DiagnoseReport [report.json.gz]}.
 *
 * @since 0.1.0
 */
public final class DiagnoseReport {
    private DiagnoseReport() {
    }

    /**
     * Diagnoses the report named by the first argument, or the bundled sample.
     *
     * @param args an optional report file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        run(ExampleFiles.reportFile(args), System.out);
    }

    static void run(Path file, PrintStream out) throws IOException {
        // snippet:diagnose
        ParseResult parsed = TlsRpt.parseWithDeviations(file, ParseOptions.lenient());
        Diagnosis diagnosis = TlsRpt.diagnose(parsed); // most severe finding first
        out.println(diagnosis.verdict()); // "WARNING: 3 of 4824 sessions failed (0.06%); ..."
        for (Finding finding : diagnosis.findings()) {
            out.println(finding.severity() + " " + finding.title() + " (" + finding.failedSessions() + " sessions, "
                    + finding.shareText() + ")");
            out.println("  what to do: " + finding.action());
        }
        // end-snippet
    }
}
