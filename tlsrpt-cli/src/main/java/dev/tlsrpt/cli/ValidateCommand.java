package dev.tlsrpt.cli;

import dev.tlsrpt.Deviation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tlsrpt validate [--strict] FILE...}: validates each report against the RFC 8460 JSON Schema and lists
 * the deviations the parser tolerated, one line each as {@code file: pointer (line:col): message}.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validate reports against the RFC 8460 JSON Schema, one line per violation:",
            "  file: pointer (line:col): message",
            "Without --strict, the lenient schema (what real senders send) and each deviation the parser"
                    + " tolerated, marked 'deviation'; with --strict, RFC 8460 exactly.",
            "Files found in a directory that are neither gzip nor a JSON object are skipped and named on"
                    + " standard error.",
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

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-", description = "Report files (plain or gzip), directories of them, or - for standard input.")
    private List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        TlsRptCommand root = Objects.requireNonNull(parent, "parent");
        CliEnvironment env = root.environment();
        Style style = root.style();
        PrintWriter out = env.out();
        TlsRptSchema schema = strict ? TlsRptSchema.strict() : TlsRptSchema.lenient();
        int invalid = 0;
        int unreadable = 0;
        Skipped skipped = new Skipped();
        List<Input> inputs = Inputs.expand(paths, env.in(), false);
        for (Input input : inputs) {
            byte[] data;
            try (InputStream in = new BufferedInputStream(input.open())) {
                if (skipped.skipsContent(input, in, false)) {
                    continue;
                }
                data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ParseOptions.DEFAULT_MAX_COMPRESSED_BYTES + 1));
            } catch (IOException | RuntimeException e) {
                if (skipped.skipsFailure(input, e)) {
                    continue;
                }
                ReportRunner.unreadable(env.err(), input.name(), e);
                unreadable++;
                continue;
            }
            String name = Text.safe(input.name());
            ValidationResult result = schema.validate(data);
            for (Violation v : result.violations()) {
                out.println(name + ": " + where(v.pointer(), v.line(), v.column()) + ": " + style.red(v.keyword()) + ": "
                        + Text.safe(v.message()));
            }
            if (!result.isValid()) {
                invalid++;
            } else if (!strict) {
                for (Deviation d : deviations(data)) {
                    out.println(name + ": " + where(d.pointer(), d.line(), d.column()) + ": "
                            + style.yellow("deviation " + d.kind().name()) + ": " + Text.safe(d.message()));
                }
            }
        }
        out.flush();
        skipped.print(env.err());
        env.err().println(summary(inputs.size() - skipped.count(), invalid, unreadable)); // stdout keeps one line per violation
        env.err().flush();
        if (unreadable > 0) {
            return ExitCodes.UNREADABLE;
        }
        return invalid > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
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
        return (pointer.isEmpty() ? "(document)" : Text.safe(pointer)) + " (" + (line < 0 ? "?" : line) + ":"
                + (column < 0 ? "?" : column) + ")";
    }

    private static String summary(int files, int invalid, int unreadable) {
        return (files - invalid - unreadable) + " of " + files + (files == 1 ? " report" : " reports") + " valid"
                + (invalid > 0 ? ", " + invalid + " invalid" : "") + (unreadable > 0 ? ", " + unreadable + " unreadable" : "");
    }
}
