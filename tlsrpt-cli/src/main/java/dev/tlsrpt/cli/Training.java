package dev.tlsrpt.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The training run of the launcher's class-data archives: {@code bin/tlsrpt} runs this class once per Java
 * runtime and archive, with {@code -XX:DumpLoadedClassList} (Java 17 to 24) or {@code -XX:AOTMode=record}
 * (Java 25 and later), and makes the archive from what it loaded. It runs commands on the bundled sample
 * report, written to a temporary directory as JSON, gzip and an e-mail message, and writes nothing anywhere
 * else: the output goes nowhere, the directory is deleted. The archive then holds the classes of these
 * commands whatever command the user ran first. There are two archives: one for {@code tlsrpt diagnose}
 * (argument {@code diagnose}: diagnose with text output alone, so that an AOT cache, whose classes are all
 * loaded at start, holds no more than that needs) and one for every other command line (no argument: all the
 * commands, diagnose's other formats among them).
 *
 * @since 0.1.0
 */
public final class Training {

    private Training() {
    }

    /**
     * Runs the training commands; their exit codes do not matter.
     *
     * @param args {@code diagnose} for the diagnose commands alone, nothing for all
     * @throws IOException when the temporary directory cannot be written
     */
    public static void main(String[] args) throws IOException {
        CliEnvironment.system(); // the launcher's own path to the environment, for its classes
        boolean all = args.length == 0 || !args[0].equals(FastPath.DIAGNOSE);
        Path dir = Files.createTempDirectory("tlsrpt-training");
        try {
            for (String[] command : commands(dir, all)) {
                run(command);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * The command lines of the training, with their inputs written to a directory.
     *
     * @param dir an empty directory
     * @param all every command; false for {@code diagnose} alone
     * @return the command lines
     * @throws IOException when the directory cannot be written
     */
    static List<String[]> commands(Path dir, boolean all) throws IOException {
        byte[] sample;
        try (InputStream in = Training.class.getClassLoader().getResourceAsStream(Inputs.SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(Inputs.SAMPLE_RESOURCE + " is missing");
            }
            sample = in.readAllBytes();
        }
        byte[] gzip = gzip(sample);
        String json = Files.write(dir.resolve("report.json"), sample).toString();
        String gz = Files.write(dir.resolve("report.json.gz"), gzip).toString();
        String eml = Files.writeString(dir.resolve("report.eml"), message(gzip), StandardCharsets.UTF_8).toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {FastPath.DIAGNOSE, json});
        commands.add(new String[] {FastPath.DIAGNOSE, gz, eml});
        commands.add(new String[] {FastPath.DIAGNOSE, "--min-severity", "warning", dir.toString()});
        if (!all) {
            return commands; // text only: each class more costs every run of an AOT cache (7 ms for json and csv)
        }
        commands.add(new String[] {FastPath.DIAGNOSE, "--format", "json", json});
        commands.add(new String[] {FastPath.DIAGNOSE, "--format", "csv", json});
        commands.add(new String[] {FastPath.DIAGNOSE, "--group", dir.toString()});
        commands.add(new String[] {FastPath.DIAGNOSE, "--sample"});
        commands.add(new String[] {"validate", json, gz});
        commands.add(new String[] {"summary", dir.toString()});
        commands.add(new String[] {"summary", "--format", "html", dir.toString()});
        commands.add(new String[] {"record", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"});
        commands.add(new String[] {FastPath.DIAGNOSE, "--help"});
        return commands;
    }

    private static void run(String[] command) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        CliEnvironment env = new CliEnvironment(nowhere, nowhere, new ByteArrayInputStream(new byte[0]), Map.of(),
                false, System::nanoTime);
        try {
            Main.run(env, command);
        } catch (RuntimeException e) {
            // a command that fails still loaded its classes; the archive is made all the same
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An RFC 8460 section 5.3 message with the report attached as gzip. */
    private static String message(byte[] gzip) {
        return "From: TLS reports <tlsrpt@sender.example>\r\n"
                + "To: tlsrpt@example.com\r\n"
                + "Date: Sat, 28 Nov 2026 03:00:00 +0000\r\n"
                + "Message-ID: <training@sender.example>\r\n"
                + "Subject: Report Domain: example.com Submitter: sender.example Report-ID: <training@sender.example>\r\n"
                + "TLS-Report-Domain: example.com\r\n"
                + "TLS-Report-Submitter: sender.example\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=tlsrpt; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nA TLS report.\r\n"
                + "--b1\r\nContent-Type: application/tlsrpt+gzip\r\n"
                + "Content-Disposition: attachment; filename=\"report.json.gz\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(gzip) + "\r\n--b1--\r\n";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
