package dev.tlsrpt.cli;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.diagnose.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JsonGenerator;

/**
 * {@code tlsrpt diagnose [FILE|DIR|-]...}: what each report means and what to do, as text, JSON or CSV
 * (one row per finding). With no argument it diagnoses the bundled sample report.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Diagnose TLS reports: each finding with its severity, what it means and what to do.",
            "Reads plain or gzip JSON (told apart by content), walks directories, - reads standard input;"
                    + " with no argument, the bundled sample report.",
            "Files found in a directory that hold no report (by their first bytes, or a message without one)"
                    + " are skipped and named in one line on standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every report read, no finding worse than INFO",
            "1:a finding of WARNING or CRITICAL",
            "2:usage error",
            "3:an input could not be read (named on standard error; the others were still diagnosed)",
        })
final class DiagnoseCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Readable text, the diagnosis of each report after a line naming its file. */
        TEXT,
        /** One JSON document: the diagnoses and the inputs that could not be read. */
        JSON,
        /** RFC 4180 CSV, one row per finding, with a header row. */
        CSV;

        /** The lower-case names for {@code --format} and shell completion. */
        static final class Names implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
            }
        }

        /** Reads {@code --format}, in any case. */
        static final class Converter implements ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                for (Format f : values()) {
                    if (f.name().equalsIgnoreCase(value)) {
                        return f;
                    }
                }
                throw new TypeConversionException("expected one of " + String.join(", ", new Names())
                        + " but was '" + value + "'");
            }
        }
    }

    /** The CSV columns. */
    static final List<String> CSV_HEADER = List.of("input", "organization-name", "report-id", "severity", "kind",
            "result-type", "policy-type", "policy-domain", "sts-mode", "mx-host", "failed-sessions",
            "policy-sessions", "share", "title", "action", "reference", "pointer");

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Format.Converter.class, completionCandidates = Format.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format = Format.TEXT;

    @Option(names = "--strict", description = "Parse strictly: a deviation from RFC 8460 makes the report unreadable.")
    private boolean strict;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR|-",
            description = "Report files (.json, .json.gz), directories of them, or - for standard input.")
    private List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        CliEnvironment env = root.environment();
        Style style = root.style();
        PrintWriter out = env.out();
        List<Input> inputs = Inputs.expand(paths, env.in(), true);
        ParseOptions options = strict ? ParseOptions.strict() : ParseOptions.lenient();
        Severity[] worst = {Severity.OK};
        Skipped skipped = new Skipped();
        int unreadable;
        switch (format) {
            case TEXT -> {
                boolean[] first = {true};
                unreadable = ReportRunner.run(inputs, options, (name, result) -> {
                    Diagnosis d = diagnose(result, worst);
                    if (!first[0]) {
                        out.println();
                    }
                    first[0] = false;
                    out.println(style.bold("==> " + Text.safe(name) + " <=="));
                    out.print(d.toText(style.enabled()));
                    out.flush();
                }, env.err(), skipped);
            }
            case CSV -> {
                out.print(Csv.row(CSV_HEADER));
                unreadable = ReportRunner.run(inputs, options, (name, result) -> {
                    Diagnosis d = diagnose(result, worst);
                    // every row repeats the report's columns: each is made once, and cut to an excerpt
                    List<String> report = List.of(Text.safe(name),
                            Text.safe(Text.cut(d.organizationName(), MAX_REPEATED)),
                            d.reportId() == null ? "" : Text.safe(Text.cut(d.reportId(), MAX_REPEATED)));
                    for (Finding f : d.findings()) {
                        out.print(Csv.row(csvRow(report, f)));
                    }
                    out.flush();
                }, env.err(), skipped);
            }
            case JSON -> unreadable = json(inputs, options, out, env.err(), worst, skipped);
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
        skipped.print(env.err());
        if (unreadable > 0) {
            return ExitCodes.UNREADABLE;
        }
        return worst[0].isWorseThan(Severity.INFO) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Diagnosis diagnose(ParseResult result, Severity[] worst) {
        Diagnosis d = TlsRpt.diagnose(result);
        if (d.severity().isWorseThan(worst[0])) {
            worst[0] = d.severity();
        }
        return d;
    }

    /** The longest organization name and report-id repeated in each CSV row; longer ones end in {@code …}. */
    static final int MAX_REPEATED = 255;

    private static List<String> csvRow(List<String> report, Finding f) {
        return List.of(report.get(0), report.get(1), report.get(2), f.severity().name(), f.kind().name(), text(f.resultTypeName()), text(f.policyTypeName()),
                text(f.policyDomain()), f.stsMode() == null ? "" : f.stsMode().wireName(), text(f.mxHost()),
                Long.toString(f.failedSessions()), Long.toString(f.policySessions()),
                String.format(Locale.ROOT, "%.6f", f.share()), Text.safe(f.title()), Text.safe(f.action()),
                f.reference(), text(f.pointer()));
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : Text.safe(s);
    }

    private static int json(List<Input> inputs, ParseOptions options, PrintWriter out, PrintWriter err,
            Severity[] worst, Skipped skipped) {
        List<String[]> errors = new ArrayList<>();
        List<Exception> causes = new ArrayList<>();
        int unreadable;
        try (JsonGenerator g = JsonOut.generator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("reports");
            unreadable = ReportRunner.run(inputs, options, new ReportRunner.Sink() {
                @Override
                public void report(String name, ParseResult result) {
                    Diagnosis d = diagnose(result, worst);
                    g.writeStartObject();
                    g.writeStringProperty("input", name);
                    g.writeName("diagnosis");
                    JsonOut.copy(g, d.toJson());
                    g.writeEndObject();
                }

                @Override
                public void unreadable(String name, Exception error) {
                    errors.add(new String[] {name});
                    causes.add(error);
                }
            }, err, skipped);
            g.writeEndArray();
            g.writeArrayPropertyStart("unreadable");
            for (int i = 0; i < errors.size(); i++) {
                JsonOut.error(g, errors.get(i)[0], causes.get(i));
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("skipped");
            for (String name : skipped.names()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
        return unreadable;
    }
}
