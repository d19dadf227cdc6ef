package dev.tlsrpt.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Captures what an example prints. */
final class Capture {
    private Capture() {
    }

    /** An example body that prints to a stream. */
    interface Body {
        void run(PrintStream out) throws Exception;
    }

    static String output(Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            body.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    static Path sample() {
        return ExampleFiles.reportFile(new String[0]);
    }
}
