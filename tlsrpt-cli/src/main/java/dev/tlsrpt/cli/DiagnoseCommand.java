package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.diagnose.TextStyle;
import dev.tlsrpt.internal.SenderText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JsonGenerator;

/**
 * {@code tlsrpt diagnose [FILE|DIR|-]...}: what each report means and what to do, as text, JSON or CSV
 * (one row per finding); with {@code --group}, the problems followed across all the reports instead
 * ({@link GroupedFindings}). {@code --min-severity} leaves out the findings below it, {@code --fail-on} sets
 * the severity that makes the exit code 1.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Diagnose TLS reports: each finding with its severity, what it means and what to do.",
            "With --group, the problems across all the reports instead of one block per report: duplicates"
                    + " dropped, each problem (policy domain, result type, MX host) with its first and last day,"
                    + " its reporters and whether it is ongoing or resolved.",
            InputOptions.HELP_INPUTS,
            InputOptions.HELP_NO_INPUT,
            "Files found in a directory that hold no report (by their first bytes, or a message without one)"
                    + " are skipped and named in one line on standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every report read, no finding at or above --fail-on (default: warning)",
            "1:a finding at or above --fail-on; with --group, an ongoing one",
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

        /** {@code --format}: read in any case, listed in lower case. */
        static final class Values extends LowerCaseEnum<Format> {
            Values() {
                super(Format.class);
            }
        }
    }

    /** The CSV columns. */
    static final List<String> CSV_HEADER = List.of("input", "organization-name", "report-id", "severity", "impact", "kind",
            "result-type", "policy-type", "policy-domain", "sts-mode", "mx-host", "failed-sessions",
            "policy-sessions", "share", "title", "action", "reference", "pointer");

    // the option names, which FastPath reads too
    static final String FORMAT = "--format";
    static final String FORMAT_SHORT = "-f";
    static final String STRICT = "--strict";
    static final String GROUP = "--group";
    static final String GROUP_SHORT = "-g";
    static final String MIN_SEVERITY = "--min-severity";
    static final String FAIL_ON = "--fail-on";

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Option(names = {FORMAT_SHORT, FORMAT}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Format.Values.class, completionCandidates = Format.Values.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format = Format.TEXT;

    @Option(names = STRICT, description = "Parse strictly: a deviation from RFC 8460 makes the report unreadable.")
    private boolean strict;

    @Option(names = {GROUP_SHORT, GROUP}, description = "The problems across all the reports (duplicates dropped,"
            + " first and last seen, reporters, ongoing or resolved) instead of one block per report.")
    private boolean group;

    @Option(names = MIN_SEVERITY, paramLabel = "SEVERITY", converter = SeverityOption.Values.class,
            completionCandidates = SeverityOption.Values.class,
            description = "Show only the findings at or above this severity (${COMPLETION-CANDIDATES});"
                    + " a report without any is left out. Default: all.")
    private @Nullable Severity minSeverity;

    // its own parameter label: picocli's bash completion names its list of values after the label
    @Option(names = FAIL_ON, paramLabel = "LEVEL", defaultValue = FailOn.DEFAULT,
            converter = FailOn.Values.class, completionCandidates = FailOn.Values.class,
            description = "Exit with 1 when a finding is at or above this severity (${COMPLETION-CANDIDATES};"
                    + " default: ${DEFAULT-VALUE}); with --group, an ongoing finding. Independent of --min-severity.")
    private FailOn failOn = FailOn.WARNING;

    @Mixin
    private InputOptions input = new InputOptions();

    /** The command picocli fills in. */
    DiagnoseCommand() {
    }

    /**
     * The command with its options read by {@link FastPath}.
     *
     * @param format {@code --format}
     * @param strict {@code --strict}
     * @param group {@code --group}
     * @param minSeverity {@code --min-severity}, or null
     * @param failOn {@code --fail-on}
     * @param input the inputs and {@code --sample}
     */
    DiagnoseCommand(Format format, boolean strict, boolean group, @Nullable Severity minSeverity, FailOn failOn,
            InputOptions input) {
        this.format = format;
        this.strict = strict;
        this.group = group;
        this.minSeverity = minSeverity;
        this.failOn = failOn;
        this.input = input;
    }

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        return run(root.environment(), root.style());
    }

    /**
     * Diagnoses the inputs.
     *
     * @param env the environment
     * @param style the colours of standard output
     * @return the exit code
     */
    int run(CliEnvironment env, Style style) {
        PrintWriter out = env.out();
        List<Input> inputs = input.inputs(env);
        if (inputs.isEmpty() && !input.named() && format == Format.TEXT) {
            return ExitCodes.OK; // standard input was empty: nothing to diagnose, nothing to say
        }
        ParseOptions options = strict ? ParseOptions.strict() : ParseOptions.lenient();
        Skipped skipped = new Skipped();
        if (group) {
            return new GroupedFindings(env, style, format, minSeverity, failOn).run(inputs, options, skipped);
        }
        Shown shown = new Shown(minSeverity, failOn);
        int unreadable;
        switch (format) {
            case TEXT -> {
                boolean[] first = {true};
                unreadable = ReportRunner.run(inputs, options, (name, result) -> {
                    Diagnosis d = shown.diagnose(result);
                    if (d == null) {
                        return;
                    }
                    if (!first[0]) {
                        out.println();
                    }
                    first[0] = false;
                    out.println(style.bold("==> " + neutralise(name) + " <=="));
                    out.print(d.toText(style.enabled() ? TextStyle.ANSI : TextStyle.PLAIN));
                    out.flush();
                }, env.err(), skipped);
                if (shown.hidden > 0 && !first[0]) {
                    out.println();
                    out.println(style.dim("(" + Text.count(shown.hidden) + (shown.hidden == 1 ? " report" : " reports")
                            + " without a finding at or above " + Objects.requireNonNull(minSeverity).name()
                            + " not shown)"));
                }
            }
            case CSV -> {
                out.print(Csv.row(CSV_HEADER));
                unreadable = ReportRunner.run(inputs, options, (name, result) -> {
                    Diagnosis d = shown.diagnose(result);
                    if (d == null) {
                        return;
                    }
                    // every row repeats the report's columns: each is made once, and cut to an excerpt
                    List<String> report = List.of(neutralise(name),
                            neutralise(SenderText.cut(d.organizationName(), MAX_REPEATED)),
                            text(d.reportId() == null ? null : SenderText.cut(d.reportId(), MAX_REPEATED)));
                    for (Finding f : d.findings()) {
                        out.print(Csv.row(csvRow(report, f)));
                    }
                    out.flush();
                }, env.err(), skipped);
            }
            case JSON -> unreadable = json(inputs, options, out, env.err(), shown, skipped);
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
        skipped.print(env.err());
        if (unreadable > 0) {
            return ExitCodes.UNREADABLE;
        }
        return shown.fails ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Diagnoses each report and keeps what {@code --min-severity} shows of it, and whether a finding reached
     * {@code --fail-on}.
     */
    static final class Shown {
        private final @Nullable Severity minSeverity;
        private final FailOn failOn;
        /** The reports left out because no finding reached {@code --min-severity}. */
        long hidden;
        /** Whether a finding, shown or not, reached {@code --fail-on}. */
        boolean fails;

        Shown(@Nullable Severity minSeverity, FailOn failOn) {
            this.minSeverity = minSeverity;
            this.failOn = failOn;
        }

        /**
         * Diagnoses a report.
         *
         * @param result the report and its deviations
         * @return its diagnosis with only the findings at or above {@code --min-severity}, or null when it has
         *     none
         */
        @Nullable Diagnosis diagnose(ParseResult result) {
            Diagnosis d = TlsRpt.diagnose(result);
            for (Finding f : d.findings()) {
                // each finding: an OK verdict may come with INFO notes about the report
                fails |= failOn.fails(f.severity());
            }
            if (minSeverity == null) {
                return d;
            }
            List<Finding> kept = new ArrayList<>();
            for (Finding f : d.findings()) {
                if (SeverityOption.atOrAbove(f.severity(), minSeverity)) {
                    kept.add(f);
                }
            }
            if (kept.isEmpty()) {
                hidden++;
                return null;
            }
            if (kept.size() == d.findings().size()) {
                return d;
            }
            // the verdict still counts every finding: it says what the whole report holds
            return d.withFindings(kept);
        }
    }

    /** The longest organization name and report-id repeated in each CSV row; longer ones end in {@code …}. */
    static final int MAX_REPEATED = 255;

    private static List<String> csvRow(List<String> report, Finding f) {
        return List.of(report.get(0), report.get(1), report.get(2), f.severity().wireName(), f.impact().wireName(),
                f.kind().wireName(), text(f.resultTypeName()), text(f.policyTypeName()),
                text(f.policyDomain()), f.stsMode() == null ? "" : f.stsMode().wireName(), text(f.mxHost()),
                Long.toString(f.failedSessions()), Long.toString(f.policySessions()),
                String.format(Locale.ROOT, "%.6f", f.share()), neutralise(f.title()), neutralise(f.action()),
                f.reference(), text(f.pointer()));
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : neutralise(s);
    }

    private static int json(List<Input> inputs, ParseOptions options, PrintWriter out, PrintWriter err,
            Shown shown, Skipped skipped) {
        List<String[]> errors = new ArrayList<>();
        List<Exception> causes = new ArrayList<>();
        int unreadable;
        try (JsonGenerator g = JsonOut.generator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("reports");
            unreadable = ReportRunner.run(inputs, options, new ReportRunner.Sink() {
                @Override
                public void report(String name, ParseResult result) {
                    Diagnosis d = shown.diagnose(result);
                    if (d == null) {
                        return;
                    }
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
            g.writeNumberProperty("not-shown", shown.hidden);
            g.writeEndObject();
        }
        out.println();
        return unreadable;
    }
}
