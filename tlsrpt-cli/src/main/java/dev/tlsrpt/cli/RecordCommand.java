package dev.tlsrpt.cli;

import dev.tlsrpt.record.MalformedRecordException;
import dev.tlsrpt.record.RecordCheck;
import dev.tlsrpt.record.RecordWarning;
import dev.tlsrpt.record.RecordWarningKind;
import dev.tlsrpt.record.TlsRptRecord;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tlsrpt record "v=TLSRPTv1; rua=..."}: reads a {@code _smtp._tls} TXT record by the RFC 8460 section 3
 * grammar and prints its reporting addresses, and each problem with its position in the record.
 */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check a TLSRPT record (the TXT record at _smtp._tls.<your domain>).",
            "Quote the record; several arguments are the record's TXT strings, joined without spaces.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:a valid record with nothing to warn about",
            "1:the record breaks the grammar, or is legal but likely to go wrong",
            "2:usage error",
        })
final class RecordCommand implements Callable<Integer> {

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Option(names = "--strict", description = "The grammar exactly: stop at the first deviation instead of"
            + " reading on with a warning (a version in another case, RUA=, an address without mailto:, ;;).")
    private boolean strict;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "The record, e.g. \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\".")
    private List<String> strings = new ArrayList<>();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        Style style = root.style();
        PrintWriter out = root.environment().out();
        String txt = String.join("", strings); // a TXT record's strings join without spaces (RFC 8460 section 3)
        out.println("record: " + Text.safe(txt));
        int code;
        try {
            RecordCheck check = strict ? RecordCheck.strict(txt) : RecordCheck.lenient(txt);
            TlsRptRecord record = check.record();
            for (URI uri : record.rua()) {
                out.println("rua:    " + Text.safe(uri.toString()));
            }
            for (Map.Entry<String, String> e : record.extensions().entrySet()) {
                out.println("ext:    " + Text.safe(e.getKey()) + "=" + Text.safe(e.getValue()));
            }
            boolean breaksGrammar = false;
            for (RecordWarning w : check.warnings()) {
                boolean error = breaksGrammar(w.kind());
                breaksGrammar |= error;
                problem(out, style, txt, w.offset(), (error ? style.red("error") : style.yellow("warning")) + " "
                        + w.kind().name(), w.message());
            }
            if (check.isClean()) {
                out.println(style.green("OK") + ": a valid TLSRPT record");
                code = ExitCodes.OK;
            } else if (breaksGrammar) {
                out.println(style.red("breaks the RFC 8460 grammar") + ": read leniently as above, but reporters that"
                        + " follow the grammar ignore the record");
                code = ExitCodes.FINDINGS;
            } else {
                out.println(style.yellow(check.warnings().size() + (check.warnings().size() == 1 ? " warning" : " warnings"))
                        + ": legal, but likely to go wrong");
                code = ExitCodes.FINDINGS;
            }
        } catch (MalformedRecordException e) {
            problem(out, style, txt, e.offset(), style.red("error"), e.problem());
            out.println(style.red("not a valid TLSRPT record") + ": senders ignore it, so no reports arrive");
            code = ExitCodes.FINDINGS;
        }
        out.flush();
        return code;
    }

    /**
     * Whether a warning is about a form the grammar forbids, which only lenient reading accepts.
     *
     * @param kind the warning's kind
     * @return true for the kinds {@link RecordWarningKind} marks lenient only
     */
    static boolean breaksGrammar(RecordWarningKind kind) {
        return switch (kind) {
            case VERSION_CASE, MISSING_SCHEME, EMPTY_FIELD, STRAY_WHITESPACE -> true;
            case VERSION_PREFIX, FIELD_NAME_CASE, HTTP_NOT_HTTPS, UNSUPPORTED_SCHEME, MAILTO_WITHOUT_DOMAIN,
                    MAILTO_WITH_SLASHES, HTTPS_WITHOUT_HOST, DUPLICATE_URI, TOO_MANY_URIS, MULTIPLE_RUA_FIELDS,
                    DUPLICATE_EXTENSION -> false;
        };
    }

    /** Prints one problem: its column (1-based), kind and message, then the record with a caret under the spot. */
    private static void problem(PrintWriter out, Style style, String txt, int offset, String what, String message) {
        out.println("column " + (offset + 1) + ": " + what + ": " + Text.safe(message));
        String shown = Text.safe(txt);
        if (shown.length() == txt.length()) {
            out.println("  " + txt);
            out.println("  " + " ".repeat(Math.min(offset, txt.length())) + style.bold("^"));
        }
    }
}
