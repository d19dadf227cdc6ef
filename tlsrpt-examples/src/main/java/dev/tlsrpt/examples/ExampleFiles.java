package dev.tlsrpt.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the examples get a report when none is named: the sample bundled in the jar, copied to a file. */
final class ExampleFiles {
    private ExampleFiles() {
    }

    /**
     * The file named by the first argument, or a temporary copy of the bundled sample report (a
     * certificate-expired failure on mail.example.com, 3 of 4824 sessions).
     *
     * @param args the example's arguments
     * @return the report file
     */
    static Path reportFile(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        try (InputStream in = ExampleFiles.class.getResourceAsStream("/dev/tlsrpt/examples/sample-report.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample report is missing");
            }
            Path file = Files.createTempFile("tlsrpt-sample-", ".json");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
