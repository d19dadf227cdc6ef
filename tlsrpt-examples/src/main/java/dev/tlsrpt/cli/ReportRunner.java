package dev.tlsrpt.cli;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * Reads inputs one after the other and hands each report to a sink. An input that cannot be read is named on
 * standard error with the reason (the typed error's pointer, line and column) and the run goes on with the
 * next one.
 */
final class ReportRunner {
    private ReportRunner() {
    }

    /** Receives what the run read. */
    interface Sink {
        /**
         * One report, read whole.
         *
         * @param name the input's name
         * @param result the report and the deviations lenient parsing tolerated
         */
        void report(String name, ParseResult result);

        /**
         * One input that could not be read; already named on standard error.
         *
         * @param name the input's name
         * @param error why
         */
        default void unreadable(String name, Exception error) {
        }
    }

    /**
     * Reads every input.
     *
     * @param inputs the inputs, in order
     * @param options the parse options
     * @param sink receives each report
     * @param err standard error
     * @return how many inputs could not be read
     */
    static int run(List<Input> inputs, ParseOptions options, Sink sink, PrintWriter err) {
        int unreadable = 0;
        for (Input input : inputs) {
            ParseResult result;
            try (InputStream in = input.open()) {
                result = TlsRpt.parseWithDeviations(in, options);
            } catch (IOException | RuntimeException e) {
                unreadable(err, input.name(), e);
                sink.unreadable(input.name(), e);
                unreadable++;
                continue;
            }
            sink.report(input.name(), result);
        }
        return unreadable;
    }

    /**
     * Names an input that could not be read on standard error.
     *
     * @param err standard error
     * @param name the input's name
     * @param e why
     */
    static void unreadable(PrintWriter err, String name, Exception e) {
        err.println("tlsrpt: " + Text.safe(name) + ": " + Inputs.describe(e));
        err.flush();
    }
}
