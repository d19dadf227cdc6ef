package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.MalformedReportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path tmp;

    @Test
    void noArgumentMeansTheBundledSample() throws IOException {
        List<Input> inputs = Inputs.expand(List.of(), InputStream.nullInputStream(), true);
        assertThat(inputs).extracting(Input::name).containsExactly("(bundled sample)");
        try (InputStream in = inputs.get(0).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"certificate-expired\"", "\"total-successful-session-count\": 4821");
        }
        assertThat(Inputs.expand(List.of(), InputStream.nullInputStream(), false)).isEmpty();
    }

    @Test
    void directoriesAreWalkedSortedWithoutHiddenFilesAndArgumentsKeepTheirOrder() throws IOException {
        Path dir = Fixtures.mixedDirectory(tmp);
        Fixtures.write(dir.resolve(".git/config"), new byte[1]);
        Path single = Fixtures.write(tmp.resolve("single.json"), Fixtures.sample());

        List<Input> inputs = Inputs.expand(List.of(single.toString(), dir.toString(), "-"),
                InputStream.nullInputStream(), true);

        assertThat(inputs).extracting(Input::name).containsExactly(
                single.toString(),
                dir.resolve("a-sample.json").toString(),
                dir.resolve("c-microsoft.json.gz").toString(),
                dir.resolve("d-broken.json").toString(),
                dir.resolve("sub/b-sample.json.gz").toString(),
                "(stdin)");
    }

    @Test
    void standardInputIsNotClosedByTheCommand() throws IOException {
        boolean[] closed = {false};
        InputStream stdin = new ByteArrayInputStream(new byte[] {1, 2}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Input input = Inputs.expand(List.of("-"), stdin, false).get(0);
        try (InputStream in = input.open()) {
            assertThat(in.read()).isEqualTo(1);
        }
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aMissingFileOrBrokenLinkFailsWhenOpenedAndIsDescribedPlainly() throws IOException {
        Path dir = tmp.resolve("links");
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("dangling.json"), tmp.resolve("nowhere.json"));

        List<Input> inputs = Inputs.expand(List.of(tmp.resolve("missing.json").toString(), dir.toString()),
                InputStream.nullInputStream(), false);

        assertThat(inputs).extracting(Input::name)
                .containsExactly(tmp.resolve("missing.json").toString(), dir.resolve("dangling.json").toString());
        for (Input input : inputs) {
            assertThatThrownBy(input::open).isInstanceOf(NoSuchFileException.class)
                    .satisfies(e -> assertThat(Inputs.describe((Exception) e)).isEqualTo("no such file"));
        }
    }

    @Test
    void descriptionsNameTheTypedErrorsPointerAndLine() {
        var e = new MalformedReportException("expected a string", "/report-id", 5, 17);
        assertThat(Inputs.describe(e)).isEqualTo("/report-id: expected a string (line 5, column 17)");
        assertThat(Inputs.describe(new AccessDeniedException("x"))).isEqualTo("permission denied");
        assertThat(Inputs.describe(new IOException("Is a directory"))).isEqualTo("Is a directory");
    }
}
