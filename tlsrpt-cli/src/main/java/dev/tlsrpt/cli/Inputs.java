package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.MalformedReportException;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the command line's {@code [FILE|DIR|-]...} into inputs: a file as itself, a directory walked for
 * its files (sorted, hidden files and directories skipped, symbolic links to files included), {@code -}
 * for standard input ({@link InputOptions} adds {@code --sample} and what no input means). Content decides plain or gzip, never
 * the file name. A file found in a directory whose content cannot be a report (a README, a mail index, a
 * message without a report) is skipped and counted, not an error: see {@link #mayHoldReport}. So is one
 * that is not a regular file (a FIFO, a device, a socket, a link to a directory), which is never opened:
 * opening a FIFO waits for a writer, for ever. A FIFO or device named on the command line is read, so that
 * {@code tlsrpt diagnose <(zcat report.gz)} works.
 */
final class Inputs {
    /** The class-path resource of the bundled sample report. */
    static final String SAMPLE_RESOURCE = "dev/tlsrpt/cli/sample-report.json";
    /** The name of the bundled sample in messages. */
    static final String SAMPLE_NAME = "(bundled sample)";
    /** The name of standard input in messages. */
    static final String STDIN_NAME = "(stdin)";
    /** A header field name and its colon, as messages begin; JSON never starts with a letter. */
    private static final Pattern MAIL_HEADER = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:");

    private Inputs() {
    }

    /**
     * Expands the arguments in order.
     *
     * @param args the arguments as given
     * @param stdin standard input, for {@code -}
     * @return the inputs, one per file; a directory that cannot be walked gives an input that fails to open
     */
    static List<Input> expand(List<String> args, InputStream stdin) {
        List<Input> inputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                inputs.add(stdin(stdin));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                walk(path, inputs);
            } else {
                inputs.add(file(arg, path));
            }
        }
        return inputs;
    }

    /**
     * Standard input as an input named {@link #STDIN_NAME}, which closing leaves open.
     *
     * @param stdin standard input
     * @return the input
     */
    static Input stdin(InputStream stdin) {
        return new Input(STDIN_NAME, () -> new NonClosing(stdin));
    }

    /**
     * The bundled sample report.
     *
     * @return the sample input
     */
    static Input sample() {
        return new Input(SAMPLE_NAME, () -> {
            InputStream in = Inputs.class.getClassLoader().getResourceAsStream(SAMPLE_RESOURCE);
            if (in == null) {
                throw new NoSuchFileException(SAMPLE_RESOURCE, null, "the bundled sample is missing from the jar");
            }
            return in;
        });
    }

    private static Input file(String name, Path path) {
        return new Input(name, () -> open(path));
    }

    /**
     * Opens a file named on the command line. A pipe or device is opened as a {@link FileInputStream}: on
     * Java 17 the stream of {@link Files#newInputStream} asks a pipe for its position when a buffered reader
     * asks how much is available, and fails with "Illegal seek".
     */
    private static InputStream open(Path path) throws IOException {
        if (Files.isRegularFile(path) || !Files.exists(path)) {
            return Files.newInputStream(path); // its errors name the problem (NoSuchFileException, ...)
        }
        return new FileInputStream(path.toFile());
    }

    private static void walk(Path dir, List<Input> inputs) {
        List<Input> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file) || attrs.isDirectory()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (regularOrBroken(file, attrs)) {
                        found.add(new Input(file.toString(), () -> Files.newInputStream(file), true));
                    } else {
                        found.add(new Input(file.toString(), () -> {
                            throw new NotRegularFileException(file.toString());
                        }, true));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Input(file.toString(), () -> {
                        throw e;
                    }, true));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(new Input(dir.toString(), () -> {
                throw e;
            }));
        }
        found.sort(Comparator.comparing(Input::name));
        inputs.addAll(found);
    }

    /**
     * Whether a file found in a directory is read: a regular file, a link to one, or a link whose target
     * cannot be looked at (opening it then names the problem). Not a FIFO, device, socket or link to one.
     */
    private static boolean regularOrBroken(Path file, BasicFileAttributes attrs) {
        if (!attrs.isSymbolicLink()) {
            return attrs.isRegularFile();
        }
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).isRegularFile();
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Whether an input is an e-mail message or an mbox file rather than a bare report: it begins with
     * {@code From } (mbox) or with a header field ({@code Name: value}, RFC 5322). Anything else, broken JSON
     * included, goes to the report parser, whose error says where the JSON breaks.
     *
     * @param in the input; must support mark, and is reset to where it was
     * @return true for a message or mbox file
     * @throws IOException when reading fails
     */
    static boolean looksLikeMail(InputStream in) throws IOException {
        return looksLikeMail(head(in));
    }

    private static boolean looksLikeMail(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        return start.startsWith("From ") || MAIL_HEADER.matcher(start).lookingAt();
    }

    /** The first 1000 bytes of {@code in}, which is reset to where it was. */
    private static byte[] head(InputStream in) throws IOException {
        in.mark(1024);
        byte[] head = in.readNBytes(1000);
        in.reset();
        return head;
    }

    /**
     * Whether an input's first bytes can begin a report: gzip, a JSON object (after an optional UTF-8
     * byte-order mark and white space) or, when {@code mail} is true, a message or mbox file (see
     * {@link #looksLikeMail}). A file found in a directory that fails this is skipped; a broken report that
     * passes it is still read and its error named.
     *
     * @param in the input; must support mark, and is reset to where it was
     * @param mail whether messages and mbox files count
     * @return false when the input cannot be a report
     * @throws IOException when reading fails
     */
    static boolean mayHoldReport(InputStream in, boolean mail) throws IOException {
        byte[] head = head(in);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return true;
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
            i++;
        }
        if (i < head.length && head[i] == '{') {
            return true;
        }
        return mail && looksLikeMail(head);
    }

    /**
     * Says why an input could not be read, in one line: the typed error's own message with its pointer, line
     * and column, or what the file system said.
     *
     * @param e the failure
     * @return the reason
     */
    static String describe(Exception e) {
        if (e instanceof MalformedReportException m) {
            return neutralise(m.getMessage());
        }
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return neutralise(f.getReason());
        }
        String message = e.getMessage();
        return neutralise(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    /**
     * A file found in a directory that is not a regular file, and so is not opened; {@link Skipped} names it.
     */
    static final class NotRegularFileException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        NotRegularFileException(String file) {
            super(file, null, "not a regular file");
        }
    }

    /** Standard input that a try-with-resources does not close. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }
}
