package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.MalformedReportException;
import java.io.BufferedInputStream;
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
    void theBundledSampleIsAnInputOfItsOwnAndNoArgumentIsNoInput() throws IOException {
        Input sample = Inputs.sample();
        assertThat(sample.name()).isEqualTo("(bundled sample)");
        try (InputStream in = sample.open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"certificate-expired\"", "\"total-successful-session-count\": 4821");
        }
        assertThat(Inputs.expand(List.of(), InputStream.nullInputStream())).isEmpty();
    }

    @Test
    void onlyTheFirstBytesDecideWhetherAFileMayHoldAReport() throws IOException {
        assertThat(mayHoldReport(new byte[] {0x1f, (byte) 0x8b, 8, 0}, false)).isTrue();
        assertThat(mayHoldReport(Run.utf8("{\"organization-name\""), false)).isTrue();
        assertThat(mayHoldReport(Run.utf8("\uFEFF \r\n\t{"), false)).isTrue();
        assertThat(mayHoldReport(Run.utf8("{ broken"), false)).as("a broken report is still read, to name its error").isTrue();
        assertThat(mayHoldReport(Run.utf8("[{}]"), false)).isFalse();
        assertThat(mayHoldReport(Run.utf8("Reports for example.com"), false)).isFalse();
        assertThat(mayHoldReport(new byte[] {'P', 'K', 3, 4}, false)).isFalse();
        assertThat(mayHoldReport(new byte[0], false)).isFalse();
        assertThat(mayHoldReport(Run.utf8(" ".repeat(2000) + "{"), false)).as("only the first 1000 bytes are looked at").isFalse();
        assertThat(mayHoldReport(Run.utf8("Subject: TLS report\r\n"), false)).isFalse();
        assertThat(mayHoldReport(Run.utf8("Subject: TLS report\r\n"), true)).isTrue();
        assertThat(mayHoldReport(Run.utf8("From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n"), true)).isTrue();

        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(Run.utf8("{}")));
        assertThat(Inputs.mayHoldReport(in, true)).isTrue();
        assertThat(in.readAllBytes()).as("the stream is reset").isEqualTo(Run.utf8("{}"));
    }

    private static boolean mayHoldReport(byte[] head, boolean mail) throws IOException {
        return Inputs.mayHoldReport(new BufferedInputStream(new ByteArrayInputStream(head)), mail);
    }

    @Test
    void onlyFilesFoundInADirectoryMayBeSkipped() throws IOException {
        Path dir = Fixtures.directoryWithOtherFiles(tmp);

        List<Input> inputs = Inputs.expand(List.of(dir.resolve("README.txt").toString(), dir.toString(), "-"),
                InputStream.nullInputStream());

        assertThat(inputs).extracting(Input::found).containsExactly(false, true, true, true, true, true, true, false);
    }

    @Test
    void directoriesAreWalkedSortedWithoutHiddenFilesAndArgumentsKeepTheirOrder() throws IOException {
        Path dir = Fixtures.mixedDirectory(tmp);
        Fixtures.write(dir.resolve(".git/config"), new byte[1]);
        Path single = Fixtures.write(tmp.resolve("single.json"), Fixtures.sample());

        List<Input> inputs = Inputs.expand(List.of(single.toString(), dir.toString(), "-"),
                InputStream.nullInputStream());

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
        Input input = Inputs.expand(List.of("-"), stdin).get(0);
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
                InputStream.nullInputStream());

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
