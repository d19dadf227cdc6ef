package dev.tlsrpt.mail;

import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.internal.SenderText;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reports as they arrive (RFC 8460 section 5): out of an e-mail message, an mbox file or an HTTPS POST
 * body, with the envelope facts a receiver needs and the consistency checks of the mail layer.
 *
 * <pre>{@code
 * for (MailReport r : TlsRptMail.parse(Path.of("report.eml"))) {
 *     System.out.println(r.envelope().tlsReportDomain() + " " + r.report().reportId() + " " + r.checks());
 * }
 * }</pre>
 *
 * <p>A message is read with Apache James mime4j's streaming parser, so memory stays bounded by the limits
 * of {@link MailOptions} whatever the message holds. The report part is found by its media type
 * ({@code application/tlsrpt+gzip}, {@code application/tlsrpt+json}, any {@code application/tlsrpt...})
 * or, whatever it is typed, by its content: gzip, a zip archive (its first file), or a JSON object. Base64
 * and quoted-printable are decoded; multiparts may nest and embedded {@code message/rfc822} parts are read,
 * each report taking the envelope of its nearest enclosing message. The report itself is read by
 * {@link TlsRpt#parseWithDeviations(InputStream, ParseOptions)} with {@link MailOptions#reportOptions()}.
 *
 * <p>DKIM is not verified here: RFC 8460 section 3 says reports without a valid DKIM signature of the
 * reporting domain MUST be ignored, and that check belongs to the receiving MTA (or a DKIM library reading
 * the raw message), whose verdict arrives in an {@code Authentication-Results} header. Nothing here touches
 * the network.
 *
 * <p>Errors: a broken report is the core's {@link MalformedReportException}; a message without a report
 * is a {@link NoReportException}; an unreadable message, a broken zip archive or a passed limit is a
 * {@link MalformedMessageException} ({@link MessageLimitExceededException}): bad content is always a
 * {@link TlsRptException}, a truncated zip included. An {@link IOException} is only ever the caller's
 * stream's own, thrown as it was, also when the stream fails inside a zip or a base64 part. The caller's
 * stream is left open. Every method is thread-safe.
 *
 * @since 0.1.0
 */
public final class TlsRptMail {

    /** The most parts a {@link NoReportException} lists. */
    public static final int MAX_LISTED_PARTS = 20;

    private TlsRptMail() {
    }

    /**
     * Reads every report in a message, an mbox file or a bare report, told apart by the first bytes: a
     * {@code From } line starts an mbox file, gzip or a JSON object is a bare report (with
     * {@link Envelope#none()}), anything else is an RFC 5322 message ({@code .eml}). Lenient, default limits.
     *
     * @param in the input; left open
     * @return the reports in input order, at least one
     * @throws NoReportException when there is no report
     * @throws MalformedReportException when a report is broken
     * @throws MalformedMessageException when the message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when reading {@code in} fails
     */
    public static List<MailReport> parse(InputStream in) throws IOException {
        return parse(in, MailOptions.lenient());
    }

    /**
     * Reads every report in a message, an mbox file or a bare report, told apart by the first bytes (see
     * {@link #parse(InputStream)}).
     *
     * @param in the input; left open
     * @param options the report options and the message limits
     * @return the reports in input order, at least one
     * @throws NoReportException when there is no report
     * @throws MalformedReportException when a report is broken or breaks strict mode
     * @throws MalformedMessageException when the message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when reading {@code in} fails
     */
    public static List<MailReport> parse(InputStream in, MailOptions options) throws IOException {
        return guarded(in, "in", options, caller -> {
            BufferedInputStream input = new BufferedInputStream(caller, 16 * 1024);
            input.mark(ContentKind.SNIFF_BYTES);
            byte[] head = input.readNBytes(ContentKind.SNIFF_BYTES);
            input.reset();
            ContentKind kind = ContentKind.of(head, head.length);
            if (kind != ContentKind.OTHER) {
                return List.of(bare(input, kind, options));
            }
            if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("From ")) {
                return mbox(input, options);
            }
            return message(input, options);
        });
    }

    /**
     * Reads every report in a file: an {@code .eml} message, an mbox file or a bare report, told apart by the
     * content (see {@link #parse(InputStream)}), never by the name. Lenient, default limits.
     *
     * @param file the file
     * @return the reports in file order, at least one
     * @throws NoReportException when there is no report
     * @throws MalformedReportException when a report is broken
     * @throws MalformedMessageException when the message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when the file cannot be read
     */
    public static List<MailReport> parse(Path file) throws IOException {
        return parse(file, MailOptions.lenient());
    }

    /**
     * Reads every report in a file: an {@code .eml} message, an mbox file or a bare report, told apart by the
     * content (see {@link #parse(InputStream)}).
     *
     * @param file the file
     * @param options the report options and the message limits
     * @return the reports in file order, at least one
     * @throws NoReportException when there is no report
     * @throws MalformedReportException when a report is broken or breaks strict mode
     * @throws MalformedMessageException when the message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when the file cannot be read
     */
    public static List<MailReport> parse(Path file, MailOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, options);
        }
    }

    /**
     * Reads every report in an mbox file: messages begin at lines starting {@code "From "}; {@code >From}
     * lines are unescaped (mboxrd). Messages without a report are skipped; {@link MailOptions#maxMessageBytes()}
     * applies to each message. Lenient, default limits.
     *
     * @param mbox the mbox file's bytes; left open
     * @return the reports in file order, at least one
     * @throws NoReportException when no message holds a report
     * @throws MalformedReportException when a report is broken
     * @throws MalformedMessageException when a message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when reading {@code mbox} fails
     */
    public static List<MailReport> parseMbox(InputStream mbox) throws IOException {
        return parseMbox(mbox, MailOptions.lenient());
    }

    /**
     * Reads every report in an mbox file (see {@link #parseMbox(InputStream)}).
     *
     * @param mbox the mbox file's bytes; left open
     * @param options the report options and the message limits
     * @return the reports in file order, at least one
     * @throws NoReportException when no message holds a report
     * @throws MalformedReportException when a report is broken or breaks strict mode
     * @throws MalformedMessageException when a message or a zip in it is unreadable, or it passes a limit
     * @throws IOException when reading {@code mbox} fails
     */
    public static List<MailReport> parseMbox(InputStream mbox, MailOptions options) throws IOException {
        return guarded(mbox, "mbox", options, caller -> mbox(caller, options));
    }

    private static List<MailReport> mbox(InputStream mbox, MailOptions options) throws IOException {
        MboxReader reader = new MboxReader(mbox, options.maxLineLength());
        List<MailReport> reports = new ArrayList<>();
        List<String> found = new ArrayList<>();
        int index = 0;
        for (InputStream message = reader.next(); message != null; message = reader.next()) {
            index++;
            try {
                reports.addAll(message(message, options));
            } catch (NoReportException e) {
                for (String part : e.partsFound()) {
                    if (found.size() < MAX_LISTED_PARTS) {
                        found.add("message " + index + ": " + part);
                    }
                }
            }
        }
        if (reports.isEmpty()) {
            throw new NoReportException(found);
        }
        return List.copyOf(reports);
    }

    /**
     * Reads the report in an HTTPS POST body (RFC 8460 section 5.4). The body is told apart by its content
     * (gzip or JSON); when {@code contentType} is not the matching {@code application/tlsrpt+gzip} or
     * {@code application/tlsrpt+json}, a {@link MailCheckKind#MEDIA_TYPE_MISMATCH} or
     * {@link MailCheckKind#MEDIA_TYPE_NOT_RFC} check says so. Lenient, default limits.
     *
     * @param body the request body; left open
     * @param contentType the request's Content-Type header, or null when it had none
     * @return the report, with {@link Envelope#none()}
     * @throws MalformedReportException when the report is broken
     * @throws MalformedMessageException when the body passes {@link MailOptions#maxMessageBytes()} or is a
     *     zip archive that is broken or holds no file
     * @throws IOException when reading {@code body} fails
     */
    public static MailReport parseHttpBody(InputStream body, @Nullable String contentType) throws IOException {
        return parseHttpBody(body, contentType, MailOptions.lenient());
    }

    /**
     * Reads the report in an HTTPS POST body (see {@link #parseHttpBody(InputStream, String)}).
     *
     * @param body the request body; left open
     * @param contentType the request's Content-Type header, or null when it had none
     * @param options the report options and {@link MailOptions#maxMessageBytes()} for the body
     * @return the report, with {@link Envelope#none()}
     * @throws MalformedReportException when the report is broken or breaks strict mode
     * @throws MalformedMessageException when the body passes {@link MailOptions#maxMessageBytes()} or is a
     *     zip archive that is broken or holds no file
     * @throws IOException when reading {@code body} fails
     */
    public static MailReport parseHttpBody(InputStream body, @Nullable String contentType, MailOptions options)
            throws IOException {
        return guarded(body, "body", options, caller -> {
            InputStream in = new BufferedInputStream(LimitedInput.messageBytes(caller, options.maxMessageBytes(),
                    "the body"), 16 * 1024);
            ContentKind kind = ContentKind.sniff(in);
            String type = contentType == null ? null : Headers.structured(contentType).value();
            List<MailCheck> checks = new ArrayList<>();
            MailChecks.mediaType(type, kind, checks);
            ParseResult result = readReport(in, kind, options.reportOptions(), ZIP_ARCHIVE);
            return new MailReport(result.report(), result.deviations(), Envelope.none(), null, type, checks);
        });
    }

    /** What a front door does with the caller's stream, which it sees through a {@link CallerInput}. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(InputStream caller) throws IOException;
    }

    /**
     * The frame of every front door over a caller's stream: the arguments checked, the stream wrapped in a
     * {@link CallerInput}, and whatever escapes {@code reading} turned into what the caller gets
     * ({@link #rethrow}).
     */
    private static <T> T guarded(InputStream in, String name, MailOptions options, Reading<T> reading)
            throws IOException {
        Objects.requireNonNull(in, name);
        Objects.requireNonNull(options, "options");
        CallerInput caller = new CallerInput(in);
        try {
            return reading.read(caller);
        } catch (IOException | TlsRptException e) {
            throw rethrow(e, caller);
        }
    }

    private static MailReport bare(InputStream in, ContentKind kind, MailOptions options) throws IOException {
        ParseResult result = readReport(in, kind, options.reportOptions(), ZIP_ARCHIVE);
        return new MailReport(result.report(), result.deviations(), Envelope.none(), null, null, List.of());
    }

    private static List<MailReport> message(InputStream in, MailOptions options) throws IOException {
        InputStream limited = LimitedInput.messageBytes(in, options.maxMessageBytes(), "the message");
        MessageWalker.Result<MailReport> walk = MessageWalker.walk(limited, options, (part, content) -> {
            ParseResult result = readReport(content, part.content(), options.reportOptions(), zipAttachment(part));
            return new MailReport(result.report(), result.deviations(), part.envelope(), part.fileName(),
                    part.mediaType(), MailChecks.forMessage(part, result.report()));
        });
        if (walk.results().isEmpty()) {
            throw new NoReportException(walk.partsFound());
        }
        if (walk.mimeWarnings().isEmpty()) {
            return List.copyOf(walk.results());
        }
        List<MailReport> reports = new ArrayList<>();
        for (MailReport r : walk.results()) {
            List<MailCheck> checks = new ArrayList<>(r.checks());
            for (String warning : walk.mimeWarnings()) {
                checks.add(new MailCheck(MailCheckKind.MIME_MALFORMED, "the MIME structure is damaged and was "
                        + "read anyway: " + warning));
            }
            reports.add(new MailReport(r.report(), r.deviations(), r.envelope(), r.fileName(), r.mediaType(),
                    checks));
        }
        return List.copyOf(reports);
    }

    /** The zip of a bare report file or a POST body, for error messages. */
    private static final String ZIP_ARCHIVE = "the zip archive";

    /** The zip attachment of a message part, named by its file name when it has one, for error messages. */
    private static String zipAttachment(MessageWalker.Part part) {
        return "the zip attachment" + (part.fileName() == null ? "" : " " + SenderText.quote(part.fileName()));
    }

    /**
     * Reads one report out of a part's content: a zip archive's first file, else gzip or JSON via the core.
     * A zip that cannot be read is a {@link MalformedMessageException} naming {@code zip}, e.g. "the zip
     * attachment "report.zip"".
     */
    static ParseResult readReport(InputStream content, ContentKind kind, ParseOptions options, String zip)
            throws IOException {
        if (kind != ContentKind.ZIP) {
            return TlsRpt.parseWithDeviations(content, options);
        }
        ZipInputStream archive = new ZipInputStream(content);
        try {
            ZipEntry entry = archive.getNextEntry();
            for (int skipped = 0; entry != null && entry.isDirectory() && skipped < 16; skipped++) {
                entry = archive.getNextEntry();
            }
            if (entry == null || entry.isDirectory()) {
                throw new MalformedMessageException(zip + " holds no file");
            }
            String name = entry.getName();
            long limit = options.maxDecompressedBytes();
            InputStream json = new BufferedInputStream(new LimitedInput(archive, limit,
                    () -> new LimitExceededException("maxDecompressedBytes", limit, zip + "'s entry "
                            + SenderText.quote(name) + " inflates to more than " + limit + " bytes", "", -1, -1)));
            return TlsRpt.parseWithDeviations(json, options);
        } catch (IllegalArgumentException e) {
            // Java 17's ZipInputStream: an entry name that does not decode (later versions: a ZipException)
            throw new MalformedMessageException(zip + " is broken: an entry name is not valid UTF-8", e);
        } catch (IOException e) {
            if (carried(e)) {
                throw e;
            }
            // the zip decoder's own verdict (ZipException, EOFException): bad content, not a failing stream
            throw new MalformedMessageException(zip + " is broken: " + describe(e), e);
        }
    }

    /** Whether {@code e} is, or wraps, a failure of the caller's stream or a limit signal. */
    private static boolean carried(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallerFailure || t instanceof LimitedInput.LimitSignal) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof EOFException) {
            return "it is truncated" + (message.isEmpty() ? "" : " (" + message + ")");
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    /**
     * What a front door throws for {@code e}: the caller's own {@link IOException} when its stream failed,
     * whatever a decoder made of that failure; the exception a limit signal carries; a
     * {@link TlsRptException} as it is. Any other {@link IOException} was raised by a decoder over data that
     * did not fail to arrive, so it is bad content: a {@link MalformedMessageException}.
     */
    private static IOException rethrow(Exception e, CallerInput caller) {
        IOException failure = caller.failure();
        if (failure != null) {
            return failure;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LimitedInput.LimitSignal signal) {
                throw signal.exception();
            }
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new MalformedMessageException("the input cannot be read: " + describe((IOException) e), e);
    }

    /**
     * The caller's stream, kept open whatever the readers on top of it do, with its failures marked: the
     * first {@link IOException} it throws is recorded, and each is passed up wrapped in a
     * {@link CallerFailure}, so that no decoder above takes it for the end of its data
     * ({@link ZipInputStream} takes an {@link EOFException} while reading an entry header for the end of
     * the archive) and the front door tells it from a decoder's verdict on bad content.
     */
    private static final class CallerInput extends FilterInputStream {
        private @Nullable IOException failure;

        CallerInput(InputStream in) {
            super(in);
        }

        @Nullable IOException failure() {
            return failure;
        }

        /** One call on the caller's stream. */
        @FunctionalInterface
        private interface Call {
            long run() throws IOException;
        }

        /** Runs {@code call}, recording its failure and passing it up as a {@link CallerFailure}. */
        private long marked(Call call) throws IOException {
            try {
                return call.run();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw new CallerFailure(e);
            }
        }

        @Override
        public int read() throws IOException {
            return (int) marked(super::read);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return (int) marked(() -> super.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            return marked(() -> super.skip(n));
        }

        @Override
        public int available() throws IOException {
            return (int) marked(super::available);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller closes its own stream
        }
    }

    /** A failure of the caller's stream on its way through the decoders; the front door throws its cause. */
    private static final class CallerFailure extends IOException {
        private static final long serialVersionUID = 1L;

        CallerFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
