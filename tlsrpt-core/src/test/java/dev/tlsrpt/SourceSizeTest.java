package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No main source file of any module grows past 700 lines: a file that long wants splitting by purpose. */
class SourceSizeTest {
    private static final int MAX_LINES = 700;

    @Test
    void noMainSourceFileIsLongerThan700Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in the module directory
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        }
        assertThat(sources).as("main sources found from %s", root).hasSizeGreaterThan(100);
        assertThat(sources.stream().filter(p -> lines(p) > MAX_LINES).map(p -> root.relativize(p) + ": " + lines(p)))
                .as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
