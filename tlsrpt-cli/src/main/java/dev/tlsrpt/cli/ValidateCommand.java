package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.schema.TlsRptSchema;
import dev.tlsrpt.schema.ValidationResult;
import dev.tlsrpt.schema.Violation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tlsrpt validate [--strict] [FILE|DIR|-]...}: validates each report against the RFC 8460 JSON Schema and
 * lists the deviations the parser tolerated, one line each as {@code file: pointer (line:col): message}. A report
 * inside an e-mail message or an mbox file is read as {@code diagnose} reads it and checked by the parser, which
 * accepts exactly the documents the schema accepts: a report it cannot read is one invalid line, and under
 * {@code --strict} each deviation is one.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validate reports against the RFC 8460 JSON Schema, one line per violation:",
            "  file: pointer (line:col): message",
            "Without --strict, the lenient schema (what real senders send) and each deviation the parser"
                    + " tolerated, marked 'deviation'; with --strict, RFC 8460 exactly.",
            InputOptions.HELP_INPUTS,
            "A report in an e-mail message or mbox file is named 'file [attachment]' and checked by the parser,"
                    + " which accepts exactly what the schema accepts: a report it cannot read is one violation"
                    + " line, and with --strict so is each deviation.",
            InputOptions.HELP_NO_INPUT,
            "Files found in a directory that hold no report are skipped and named on standard error.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every report valid (deviations may be listed without --strict)",
            "1:a schema violation",
            "2:usage error",
            "3:a file could not be read",
        })
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private @Nullable TlsRptCommand parent;

    @Option(names = "--strict", description = "RFC 8460 as written: every deviation is a violation.")
    private boolean strict;

    @Mixin
    private InputOptions input = new InputOptions();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        CliEnvironment env = root.environment();
        Style style = root.style();
        PrintWriter out = env.out();
        TlsRptSchema schema = strict ? TlsRptSchema.strict() : TlsRptSchema.lenient();
        Counts counts = new Counts();
        Skipped skipped = new Skipped();
        List<Input> inputs = input.inputs(env);
        for (Input input : inputs) {
            byte[] data;
            try (InputStream in = new BufferedInputStream(input.open())) {
                if (skipped.skipsContent(input, in, true)) {
                    continue;
                }
                if (Inputs.looksLikeMail(in)) {
                    mail(out, style, input.name(), in, counts);
                    continue;
                }
                data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ParseOptions.DEFAULT_MAX_COMPRESSED_BYTES + 1));
            } catch (IOException | RuntimeException e) {
                if (skipped.skipsFailure(input, e)) {
                    continue;
                }
                ReportRunner.unreadable(env.err(), input.name(), e);
                counts.unreadable++;
                continue;
            }
            counts.reports++;
            String name = neutralise(input.name());
            ValidationResult result = schema.validate(data);
            for (Violation v : result.violations()) {
                out.println(name + ": " + where(v.pointer(), v.line(), v.column()) + ": " + style.red(v.keyword()) + ": "
                        + neutralise(v.message()));
            }
            if (!result.isValid()) {
                counts.invalid++;
            } else if (!strict) {
                for (Deviation d : deviations(data)) {
                    deviation(out, style, name, d);
                }
            }
        }
        out.flush();
        skipped.print(env.err());
        if (!inputs.isEmpty() || input.named()) { // empty standard input: nothing to do, nothing to say
            env.err().println(summary(counts)); // stdout keeps one line per violation
            env.err().flush();
        }
        if (counts.unreadable > 0) {
            return ExitCodes.UNREADABLE;
        }
        return counts.invalid > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The reports checked, the invalid ones, and the inputs that could not be read. */
    private static final class Counts {
        int reports;
        int invalid;
        int unreadable;
    }

    /**
     * Checks the reports in a message or mbox file with the parser: lenient reading, then each deviation is a
     * violation under {@code --strict} and a listed deviation without it. A report lenient reading rejects is
     * one violation line; the reports after it in the same input are not reached (the mail reader stops there).
     */
    private void mail(PrintWriter out, Style style, String inputName, InputStream in, Counts counts) throws IOException {
        List<ReportRunner.Named> reports;
        try {
            reports = ReportRunner.read(inputName, in, ParseOptions.lenient());
        } catch (MalformedReportException e) {
            if (e instanceof LimitExceededException) {
                throw e;
            }
            counts.reports++;
            counts.invalid++;
            out.println(neutralise(inputName) + ": " + where(e.pointer(), e.line(), e.column()) + ": "
                    + style.red("invalid") + ": " + neutralise(e.problem()));
            return;
        }
        for (ReportRunner.Named report : reports) {
            counts.reports++;
            String name = neutralise(report.name());
            List<Deviation> deviations = report.result().deviations();
            if (strict && !deviations.isEmpty()) {
                counts.invalid++;
                for (Deviation d : deviations) {
                    out.println(name + ": " + where(d.pointer(), d.line(), d.column()) + ": " + style.red(d.kind().name())
                            + ": " + neutralise(d.message()));
                }
            } else {
                for (Deviation d : deviations) {
                    deviation(out, style, name, d);
                }
            }
        }
    }

    private static void deviation(PrintWriter out, Style style, String name, Deviation d) {
        out.println(name + ": " + where(d.pointer(), d.line(), d.column()) + ": "
                + style.yellow("deviation " + d.kind().name()) + ": " + neutralise(d.message()));
    }

    private static List<Deviation> deviations(byte[] data) {
        try {
            ParseResult parsed = TlsRpt.parseWithDeviations(data, ParseOptions.lenient());
            return parsed.deviations();
        } catch (TlsRptException e) {
            return List.of(); // the schema said it is valid; the test that holds them together says this does not happen
        }
    }

    static String where(String pointer, int line, int column) {
        return (pointer.isEmpty() ? "(document)" : neutralise(pointer)) + " (" + (line < 0 ? "?" : line) + ":"
                + (column < 0 ? "?" : column) + ")";
    }

    private static String summary(Counts c) {
        int files = c.reports + c.unreadable;
        return (c.reports - c.invalid) + " of " + files + (files == 1 ? " report" : " reports") + " valid"
                + (c.invalid > 0 ? ", " + c.invalid + " invalid" : "") + (c.unreadable > 0 ? ", " + c.unreadable + " unreadable" : "");
    }
}
