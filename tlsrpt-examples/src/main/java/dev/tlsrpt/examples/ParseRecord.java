package dev.tlsrpt.examples;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.record.MalformedRecordException;
import dev.tlsrpt.record.RecordCheck;
import dev.tlsrpt.record.RecordWarning;
import java.io.PrintStream;
import java.net.URI;

/**
 * Example: read a domain's TLSRPT record ({@code _smtp._tls} TXT) and list where reports go, with each problem
 * and its position. Run: {@code java -cp tlsrpt.jar dev.tlsrpt.examples.ParseRecord ["v=TLSRPTv1; rua=..."]}.
 *
 * @since 0.1.0
 */
public final class ParseRecord {
    private ParseRecord() {
    }

    /**
     * Checks the record given as the first argument, or an example record.
     *
     * @param args an optional record
     */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,http://reports.example.com/tlsrpt",
                System.out);
    }

    static void run(String txt, PrintStream out) {
        // snippet:record
        try {
            RecordCheck check = TlsRpt.checkRecord(txt);
            for (URI rua : check.record().rua()) {
                out.println("reports go to " + rua);
            }
            for (RecordWarning warning : check.warnings()) {
                out.println("warning at offset " + warning.offset() + ": " + warning.message());
            }
        } catch (MalformedRecordException e) {
            out.println("not a TLSRPT record, at offset " + e.offset() + ": " + e.problem());
        }
        // end-snippet
    }
}
