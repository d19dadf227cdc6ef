package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.DaySummary;
import dev.tlsrpt.analysis.DomainSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tlsrpt summary [FILE|DIR|-]...}: what many reports say together, through a
 * {@link ReportAggregate}: duplicates dropped and counted, per policy domain the sessions per UTC day, the
 * problems followed across reports and reporters, and the reporters, silent ones marked. As text, the JSON
 * of {@link AggregateSummary#toJson(List, List)}, the CSV of {@link AggregateSummary#toCsv()} (both with
 * sender text made terminal-safe: the characters of {@link dev.tlsrpt.internal.SenderText#isEscaped} as
 * {@code \}{@code uXXXX}) or one self-contained HTML page ({@link SummaryHtml}). {@code --state FILE} resumes
 * from a saved aggregate and saves it again, so a daily job reads only the new reports. A report that cannot be read is named on standard error
 * and left out; a file found in a directory that holds no report is skipped (see {@link Skipped}).
 */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "What many reports say together: per policy domain the sessions per day, each problem followed across"
                    + " reports and reporters (first and last seen, ongoing or resolved), and the reporters,"
                    + " silent ones marked.",
            "A report saved more than once (.json, .json.gz, inside a message) counts once: the further copies are"
                    + " dropped and counted as duplicates.",
            InputOptions.HELP_INPUTS,
            "With no input named: standard input when it is not a terminal; with --state on a terminal, the saved"
                    + " aggregate alone; else a usage error.",
            "Files found in a directory that hold no report are skipped and named in one line on standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every input read, no ongoing finding at or above --fail-on",
            "1:an ongoing finding at or above --fail-on (default: warning)",
            "2:usage error",
            "3:an input could not be read (named on standard error, left out), or the --state file could not be"
                    + " read or written",
        })
final class SummaryCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        /** Readable text: per domain its totals, days, problems and reporters. */
        TEXT,
        /** The JSON of {@link AggregateSummary#toJson(List, List)}. */
        JSON,
        /** The CSV of {@link AggregateSummary#toCsv()}: one row per domain and day. */
        CSV,
        /** One self-contained HTML page with charts ({@link SummaryHtml}). */
        HTML;

        /** {@code --format}: read in any case, listed in lower case. */
        static final class Values extends LowerCaseEnum<Format> {
            Values() {
                super(Format.class);
            }
        }
    }

    /** Reads a date option: a UTC day as {@code YYYY-MM-DD}. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date YYYY-MM-DD but was '" + neutralise(value) + "'");
            }
        }
    }

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Spec
    private @Nullable CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Format.Values.class, completionCandidates = Format.Values.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). html is one"
                    + " self-contained page (inline CSS and SVG charts, nothing loaded from anywhere).")
    private Format format = Format.TEXT;

    @Option(names = "--since", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only reports whose start-datetime falls on this UTC day (YYYY-MM-DD) or later.")
    private @Nullable LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only reports whose start-datetime falls on this UTC day (YYYY-MM-DD) or earlier; also the"
                    + " day a reporter's silence is measured to.")
    private @Nullable LocalDate until;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Resume from the aggregate saved in FILE (when it exists), add the inputs, and save it"
                    + " there again: a daily job names only the new reports. --since and --until choose what is"
                    + " shown, never what is kept.")
    private @Nullable Path state;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = FailOn.DEFAULT,
            converter = FailOn.Values.class, completionCandidates = FailOn.Values.class,
            description = "Exit with 1 when an ongoing finding of the period is at least this severe:"
                    + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private FailOn failOn = FailOn.WARNING;

    @Mixin
    private InputOptions input = new InputOptions();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        CommandSpec command = Objects.requireNonNull(spec, "spec");
        if (since != null && until != null && since.isAfter(until)) {
            throw new ParameterException(command.commandLine(), "--since " + since + " is after --until " + until);
        }
        CliEnvironment env = root.environment();
        PrintWriter err = env.err();
        // --state with no input named, on a terminal: the saved aggregate alone (no usage error, no stdin)
        boolean stateAlone = state != null && !input.named() && env.terminals().stdin();
        List<Input> inputs = stateAlone ? List.of() : input.inputs(env);

        ReportAggregate aggregate;
        try {
            aggregate = state != null && Files.exists(state) ? ReportAggregate.load(state) : ReportAggregate.create();
        } catch (IOException | TlsRptException e) {
            err.println("tlsrpt: " + neutralise(String.valueOf(state)) + ": not loaded, nothing read or saved: "
                    + Inputs.describe(e));
            err.flush();
            return ExitCodes.UNREADABLE;
        }

        Skipped skipped = new Skipped();
        List<String> unreadable = add(aggregate, inputs, env, skipped);

        boolean stateFailed = false;
        if (state != null && !inputs.isEmpty()) {
            try {
                aggregate.save(state);
            } catch (IOException | RuntimeException e) {
                err.println("tlsrpt: " + neutralise(state.toString()) + ": the state could not be saved: "
                        + Inputs.describe(e));
                err.flush();
                stateFailed = true;
            }
        }

        AggregateSummary summary = aggregate.summary(since, until);
        PrintWriter out = env.out();
        switch (format) {
            case TEXT -> SummaryText.print(out, root.style(), summary, unreadable.size());
            case JSON -> JsonOut.print(out, summary.toJson(unreadable, skipped.names()));
            case CSV -> out.print(csv(summary));
            case HTML -> out.print(SummaryHtml.render(summary, unreadable, skipped.names()));
            default -> throw new IllegalStateException("format " + format);
        }
        out.flush();
        skipped.print(err);
        if (!unreadable.isEmpty() || stateFailed) {
            return ExitCodes.UNREADABLE;
        }
        return failOn.failsOngoing(summary) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Adds every report of the inputs to the aggregate; an input that cannot be read (or whose report would
     * pass the aggregate's key limit) is named on standard error and left out.
     *
     * @return the inputs that could not be read, each as {@code name: reason}
     */
    private static List<String> add(ReportAggregate aggregate, List<Input> inputs, CliEnvironment env,
            Skipped skipped) {
        List<String> unreadable = new ArrayList<>();
        Progress progress = Progress.start(env, inputs.size());
        for (Input input : inputs) {
            try (InputStream raw = input.open()) {
                BufferedInputStream in = new BufferedInputStream(raw, 16 * 1024);
                if (!skipped.skipsContent(input, in, true)) {
                    List<ReportRunner.Named> reports = ReportRunner.read(input.name(), in, ParseOptions.lenient());
                    // all of an input or none of it: a message whose second report fails leaves no half behind
                    ReportAggregate one = ReportAggregate.create();
                    for (ReportRunner.Named named : reports) {
                        one.add(named.result());
                    }
                    aggregate.merge(one);
                }
            } catch (IOException | RuntimeException e) {
                if (!skipped.skipsFailure(input, e)) {
                    progress.finish();
                    ReportRunner.unreadable(env.err(), input.name(), e);
                    unreadable.add(neutralise(input.name()) + ": " + Inputs.describe(e));
                }
            }
            progress.step();
        }
        progress.finish();
        return unreadable;
    }

    /**
     * The CSV of {@link AggregateSummary#toCsv()} (its columns, order and share), with the domain cells through
     * {@link dev.tlsrpt.internal.SenderText#neutralise(String)}: one row per policy domain and day, by date,
     * then domain.
     *
     * @param summary the summary
     * @return the CSV text
     */
    static String csv(AggregateSummary summary) {
        record Row(DaySummary day, String domain) {
        }
        List<Row> rows = new ArrayList<>();
        for (DomainSummary d : summary.domains()) {
            for (DaySummary day : d.days()) {
                rows.add(new Row(day, d.policyDomain() == null ? "" : neutralise(d.policyDomain())));
            }
        }
        // the domains come sorted: a stable sort by date keeps that order within a day
        rows.sort(Comparator.comparing((Row r) -> r.day().date()));
        StringBuilder b = new StringBuilder(Csv.row(List.of("date", "domain", "successful", "failed", "share")));
        for (Row r : rows) {
            long successful = r.day().successfulSessions();
            long failed = r.day().failedSessions();
            BigDecimal all = BigDecimal.valueOf(successful).add(BigDecimal.valueOf(failed));
            String share = all.signum() == 0 ? "0" : BigDecimal.valueOf(failed).divide(all, 6, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            b.append(Csv.row(List.of(r.day().date().toString(), r.domain(), Long.toString(successful),
                    Long.toString(failed), share)));
        }
        return b.toString();
    }
}
