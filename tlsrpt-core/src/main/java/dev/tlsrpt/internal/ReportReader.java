package dev.tlsrpt.internal;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.ReportVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The streaming reader. Skeleton only: the implementation lands with the core parser. */
public final class ReportReader {
    private ReportReader() {
    }

    /**
     * Reads a whole report.
     *
     * @param in input
     * @param options options
     * @return the result
     * @throws IOException on input failure
     */
    public static ParseResult parse(InputStream in, ParseOptions options) throws IOException {
        throw new UnsupportedOperationException("skeleton: the core parser is not written yet");
    }

    /**
     * Reads a whole report file.
     *
     * @param file input
     * @param options options
     * @return the result
     * @throws IOException on input failure
     */
    public static ParseResult parse(Path file, ParseOptions options) throws IOException {
        throw new UnsupportedOperationException("skeleton: the core parser is not written yet");
    }

    /**
     * Streams a report.
     *
     * @param in input
     * @param options options
     * @param visitor visitor
     * @throws IOException on input failure
     */
    public static void stream(InputStream in, ParseOptions options, ReportVisitor visitor) throws IOException {
        throw new UnsupportedOperationException("skeleton: the core parser is not written yet");
    }
}
