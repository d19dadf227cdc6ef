package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.record.MalformedRecordException;
import dev.tlsrpt.record.RecordCheck;
import dev.tlsrpt.record.RecordSelection;
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
import tools.jackson.core.JsonGenerator;

/**
 * {@code tlsrpt record "v=TLSRPTv1; rua=..."}: reads a {@code _smtp._tls} TXT record by the RFC 8460 section 3
 * grammar and prints its reporting addresses, and each problem with its position in the record; or, with
 * {@code --format json}, the shape checkdmarc users know ({@code valid}, {@code tags}, {@code warnings},
 * {@code error}) with {@code rua}, {@code extensions}, {@code errors} and {@code problems} added. It takes what
 * {@code dig +short TXT} prints too ({@link TxtInput}); a bare domain name is a usage error that says where the
 * record lives and how to fetch it. It never looks anything up in the DNS.
 */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check a TLSRPT record (the TXT record at _smtp._tls.<your domain>). No DNS look-up: fetch it with",
            "  dig +short TXT _smtp._tls.example.com",
            "and give the record, quoted, or what dig printed: tlsrpt record \"$(dig +short TXT _smtp._tls.example.com)\".",
            "Several arguments are the record's TXT strings, joined without spaces; several records (lines of dig's"
                    + " output) are sorted as RFC 8460 section 3 says: exactly one may begin with v=TLSRPTv1;.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:a valid record with nothing to warn about",
            "1:the record breaks the grammar, or is legal but likely to go wrong; not exactly one TLSRPT record",
            "2:usage error, and a domain name given instead of a record",
        })
final class RecordCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Readable text, each problem with a caret under its column. */
        TEXT,
        /** One JSON object (see {@link RecordCommand}). */
        JSON;

        /** {@code --format}: listed in lower case. */
        static final class Values extends LowerCaseEnum<Format> {
            Values() {
                super(Format.class);
            }
        }
    }

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Option(names = "--strict", description = "The grammar exactly: stop at the first deviation instead of"
            + " reading on with a warning (a version in another case, RUA=, an address without mailto:, ;;).")
    private boolean strict;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = Format.Values.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON: {\"record\","
                    + " \"valid\", \"tags\": {\"v\": {\"value\"}, \"rua\": {\"value\": [...]}}, \"rua\","
                    + " \"extensions\", \"warnings\", \"errors\", \"error\", \"problems\", \"txt-records\"}.")
    private Format format = Format.TEXT;

    @Parameters(arity = "1..*", paramLabel = "RECORD", description = "The record, e.g. \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\".")
    private List<String> strings = new ArrayList<>();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        Style style = root.style();
        PrintWriter out = root.environment().out();
        List<String> records = TxtInput.records(strings);
        if (records.size() == 1) {
            String domain = TxtInput.bareDomain(records.get(0));
            if (domain != null) {
                PrintWriter err = root.environment().err();
                err.println("tlsrpt record: " + wherever(records.get(0).strip(), domain));
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        ParseOptions options = strict ? ParseOptions.strict() : ParseOptions.lenient();
        String txt = records.get(0);
        RecordSelection selection = null;
        if (records.size() > 1) {
            selection = TlsRpt.selectRecord(records, options);
            txt = selection.record();
        }
        Checked checked = txt == null ? null : check(txt, options);
        if (format == Format.JSON) {
            json(out, records, selection, checked);
        } else {
            text(out, style, records, selection, checked);
        }
        out.flush();
        return checked != null && checked.clean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** What a domain name given instead of a record is told: where the record lives and how to fetch it. */
    static String wherever(String given, String domain) {
        String name = neutralise(TxtInput.PREFIX + domain);
        return neutralise(given) + " is a domain name, not a TLSRPT record.\nThe record of " + neutralise(domain)
                + " is the TXT record at " + name + " (RFC 8460 section 3); tlsrpt makes no DNS look-up."
                + " Fetch it, and check it, with:\n  dig +short TXT " + name + "\n  tlsrpt record \"$(dig +short TXT "
                + name + ")\"";
    }

    /**
     * One record read: the record (null when it breaks the grammar), its problems in record order, and whether
     * one of them breaks the grammar.
     */
    record Checked(String txt, @Nullable TlsRptRecord record, List<Problem> problems) {
        boolean valid() {
            return record != null && problems.stream().noneMatch(Problem::error);
        }

        boolean clean() {
            return record != null && problems.isEmpty();
        }
    }

    /**
     * One problem of a record.
     *
     * @param error whether it breaks the grammar (the record is invalid) rather than being a warning
     * @param kind the warning's kind, or null for the error that stopped the reading
     * @param offset its 0-based position in the record
     * @param message what is wrong
     */
    record Problem(boolean error, @Nullable RecordWarningKind kind, int offset, String message) {
        String line() {
            return "column " + (offset + 1) + ": " + (kind == null ? "" : kind.name() + ": ") + message;
        }
    }

    private static Checked check(String txt, ParseOptions options) {
        try {
            RecordCheck check = TlsRpt.checkRecord(txt, options);
            List<Problem> problems = new ArrayList<>();
            for (RecordWarning w : check.warnings()) {
                problems.add(new Problem(breaksGrammar(w.kind()), w.kind(), w.offset(), w.message()));
            }
            return new Checked(txt, check.record(), problems);
        } catch (MalformedRecordException e) {
            return new Checked(txt, null, List.of(new Problem(true, null, e.offset(), e.problem())));
        }
    }

    private static void text(PrintWriter out, Style style, List<String> records, @Nullable RecordSelection selection,
            @Nullable Checked checked) {
        if (selection != null) {
            for (String r : records) {
                out.println("txt:    " + neutralise(r));
            }
            out.println((selection.outcome() == RecordSelection.Outcome.ONE ? style.bold("selected") : style.red("no record"))
                    + ": " + neutralise(selection.explanation()));
            if (checked == null) {
                return;
            }
        }
        Checked c = Objects.requireNonNull(checked, "checked");
        String txt = c.txt();
        out.println("record: " + neutralise(txt));
        TlsRptRecord record = c.record();
        if (record != null) {
            for (URI uri : record.rua()) {
                out.println("rua:    " + neutralise(uri.toString()));
            }
            for (Map.Entry<String, String> e : record.extensions().entrySet()) {
                out.println("ext:    " + neutralise(e.getKey()) + "=" + neutralise(e.getValue()));
            }
        }
        for (Problem p : c.problems()) {
            String what = record == null ? style.red("error")
                    : (p.error() ? style.red("error") : style.yellow("warning")) + " " + Objects.requireNonNull(p.kind()).name();
            problem(out, style, txt, p.offset(), what, p.message());
        }
        if (record == null) {
            out.println(style.red("not a valid TLSRPT record") + ": senders ignore it, so no reports arrive");
        } else if (c.clean()) {
            out.println(style.green("OK") + ": a valid TLSRPT record");
        } else if (!c.valid()) {
            out.println(style.red("breaks the RFC 8460 grammar") + ": read leniently as above, but reporters that"
                    + " follow the grammar ignore the record");
        } else {
            out.println(style.yellow(c.problems().size() + (c.problems().size() == 1 ? " warning" : " warnings"))
                    + ": legal, but likely to go wrong");
        }
    }

    /**
     * The JSON: checkdmarc's members ({@code valid}, {@code tags} with {@code v} and {@code rua} as
     * {@code {"value": ...}}, {@code warnings} as strings, {@code error} for an invalid record) and this tool's
     * ({@code record}, {@code rua}, {@code extensions}, {@code errors}, {@code problems} with severity, kind,
     * column and message, {@code txt-records} with the TXT records given). Every member is always written;
     * {@code record} is null when several TXT records hold no single TLSRPT record, {@code error} null for a
     * valid record.
     */
    private static void json(PrintWriter out, List<String> records, @Nullable RecordSelection selection,
            @Nullable Checked checked) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (selection != null && checked == null) {
            errors.add(selection.explanation());
        }
        if (checked != null) {
            for (Problem p : checked.problems()) {
                (p.error() || checked.record() == null ? errors : warnings).add(p.line());
            }
        }
        TlsRptRecord record = checked == null ? null : checked.record();
        try (JsonGenerator g = JsonOut.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("record", checked == null ? null : checked.txt());
            g.writeBooleanProperty("valid", checked != null && checked.valid());
            g.writeObjectPropertyStart("tags");
            if (record != null) {
                g.writeObjectPropertyStart("v");
                g.writeStringProperty("value", "TLSRPTv1");
                g.writeEndObject();
                g.writeObjectPropertyStart("rua");
                g.writeArrayPropertyStart("value");
                record.rua().forEach(u -> g.writeString(u.toString()));
                g.writeEndArray();
                g.writeEndObject();
                for (Map.Entry<String, String> e : record.extensions().entrySet()) {
                    g.writeObjectPropertyStart(e.getKey());
                    g.writeStringProperty("value", e.getValue());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
            g.writeArrayPropertyStart("rua");
            if (record != null) {
                record.rua().forEach(u -> g.writeString(u.toString()));
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("extensions");
            if (record != null) {
                record.extensions().forEach(g::writeStringProperty);
            }
            g.writeEndObject();
            g.writeArrayPropertyStart("warnings");
            warnings.forEach(g::writeString);
            g.writeEndArray();
            g.writeArrayPropertyStart("errors");
            errors.forEach(g::writeString);
            g.writeEndArray();
            g.writeStringProperty("error", errors.isEmpty() ? null : errors.get(0));
            g.writeArrayPropertyStart("problems");
            if (checked != null) {
                for (Problem p : checked.problems()) {
                    g.writeStartObject();
                    g.writeStringProperty("severity", p.error() || checked.record() == null ? "error" : "warning");
                    g.writeStringProperty("kind", p.kind() == null ? null : p.kind().name());
                    g.writeNumberProperty("column", p.offset() + 1);
                    g.writeStringProperty("message", p.message());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("txt-records");
            records.forEach(g::writeString);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
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
        out.println("column " + (offset + 1) + ": " + what + ": " + neutralise(message));
        String shown = neutralise(txt);
        if (shown.length() == txt.length()) {
            out.println("  " + txt);
            out.println("  " + " ".repeat(Math.min(offset, txt.length())) + style.bold("^"));
        }
    }
}
