package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not regular files: a FIFO or a device found in a directory the command walks is never
 * opened (opening a FIFO blocks until something writes to it) and is named in the skipped line; one named
 * on the command line is read, so that {@code tlsrpt diagnose <(zcat report.gz)} works. A real FIFO
 * ({@code mkfifo}), so Linux and other Unix systems only; every run has a hang guard.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SpecialFilesTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Path dir;
    private Path fifo;

    @BeforeEach
    void directoryWithAFifoAndADevice() throws Exception {
        dir = tmp.resolve("reports");
        Fixtures.write(dir.resolve("a-sample.json"), Fixtures.sample());
        fifo = mkfifo(dir.resolve("pipe"));
        Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
    }

    /**
     * Lets a reader blocked in opening the FIFO go on (to the end of the data) should a run hang there, and
     * removes the link to the device.
     */
    @AfterEach
    void releaseTheFifoAndRemoveTheLink() throws IOException {
        // read and write: opens at once, and counts as the writer a blocked reader waits for
        try (FileChannel c = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(c.isOpen()).isTrue();
        }
        // the link out of the temporary directory goes here, not in JUnit's clean-up, which warns about it
        Files.delete(dir.resolve("zero"));
        assertThat(Path.of("/dev/zero")).exists();
    }

    private static String skippedLine(Path dir) {
        return "tlsrpt: skipped 2 files found in directories that hold no TLS report: " + dir.resolve("pipe")
                + " (not a regular file), " + dir.resolve("zero") + " (not a regular file)\n";
    }

    @Test
    void diagnoseSkipsAFifoAndADeviceFoundInADirectoryAndNamesThem() {
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Run.tlsrpt("diagnose", dir.toString()));

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // the sample's WARNING finding
        assertThat(run.out).startsWith("==> " + dir.resolve("a-sample.json") + " <==\n").doesNotContain("pipe", "zero");
        assertThat(run.err).isEqualTo(skippedLine(dir));
    }

    @Test
    void jsonListsThemAmongTheSkippedFiles() {
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Run.tlsrpt("diagnose", "--format", "json", dir.toString()));

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("\"unreadable\" : [ ]",
                "\"skipped\" : [ \"" + dir.resolve("pipe") + "\", \"" + dir.resolve("zero") + "\" ]");
    }

    @Test
    void summarySkipsThem() {
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Run.tlsrpt("summary", dir.toString()));

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1); // the sample's ongoing CRITICAL finding
        assertThat(run.out).startsWith("TLS-RPT summary: 2026-11-26 to 2026-11-26, 1 report from 1 reporter\n");
        assertThat(run.err).isEqualTo(skippedLine(dir));
    }

    @Test
    void validateSkipsThem() {
        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Run.tlsrpt("validate", "--strict", dir.toString()));

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo(skippedLine(dir) + "1 of 1 report valid\n");
    }

    @Test
    void aFifoNamedOnTheCommandLineIsRead() {
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, Fixtures.sample()); // blocks until the command opens the FIFO
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();

        Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Run.tlsrpt("diagnose", fifo.toString()));

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("==> " + fifo + " <==\n").contains("WARNING", "mail.example.com");
        assertThat(run.err).isEmpty();
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("mkfifo: %s", output).isZero();
        assertThat(Files.isRegularFile(path)).isFalse();
        assertThat(Files.exists(path)).isTrue();
        return path;
    }
}
