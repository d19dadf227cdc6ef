package dev.tlsrpt.mail;

import dev.tlsrpt.internal.SenderText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.MimeIOException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.jspecify.annotations.Nullable;

/**
 * Walks one RFC 5322 message with mime4j's streaming {@link MimeTokenStream} (nothing is held but the
 * headers of the open entities) and hands each part that may hold a report to a handler, with the envelope
 * of the nearest enclosing message. Enforces the message limits of {@link MailOptions}.
 */
final class MessageWalker {
    private MessageWalker() {
    }

    /**
     * A leaf part that may hold a report.
     *
     * @param envelope the header facts of the nearest enclosing message
     * @param messageType the Content-Type of that message (value and parameters)
     * @param mediaType the part's media type in lower case
     * @param fileName the part's file name, or null
     * @param content what the content is, from its first bytes
     * @param wholeBody true when the part is the whole body of its message (no multipart around it)
     */
    record Part(Envelope envelope, Headers.Structured messageType, String mediaType, @Nullable String fileName,
            ContentKind content, boolean wholeBody) {
        boolean typedAsReport() {
            return mediaType.startsWith("application/tlsrpt");
        }
    }

    /** Reads the content of one candidate part. */
    interface Handler<T> {
        T handle(Part part, InputStream content) throws IOException;
    }

    /**
     * What a walk found.
     *
     * @param results one per candidate part
     * @param partsFound the other leaf parts, described for {@link NoReportException}
     * @param mimeWarnings what mime4j tolerated (e.g. a missing closing boundary), at most a few
     */
    record Result<T>(List<T> results, List<String> partsFound, List<String> mimeWarnings) {
    }

    static <T> Result<T> walk(InputStream in, MailOptions options, Handler<T> handler) throws IOException {
        MimeConfig config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxLineLen(options.maxLineLength())
                .setMaxHeaderLen(options.maxHeaderFieldLength())
                .setMaxHeaderCount(options.maxHeaderFields())
                .setMaxContentLen(-1)
                .build();
        Monitor monitor = new Monitor();
        MimeTokenStream tokens = new MimeTokenStream(config, monitor, null);
        tokens.setRecursionMode(RecursionMode.M_RECURSE);
        tokens.parse(in);

        List<T> results = new ArrayList<>();
        List<String> found = new ArrayList<>();
        Deque<MessageFrame> messages = new ArrayDeque<>();
        EntityHeader entity = new EntityHeader();
        boolean messageHeader = true;
        int multipartDepth = 0;
        int parts = 0;
        try {
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_MESSAGE -> {
                        if (!messages.isEmpty()) {
                            checkDepth(multipartDepth + messages.size(), options);
                        }
                        messages.push(new MessageFrame());
                        messageHeader = true;
                        entity = new EntityHeader();
                    }
                    case T_START_BODYPART -> {
                        parts++;
                        if (parts > options.maxParts()) {
                            throw new MessageLimitExceededException("maxParts", options.maxParts(),
                                    "the message has more than " + options.maxParts() + " MIME parts");
                        }
                        messageHeader = false;
                        entity = new EntityHeader();
                    }
                    case T_FIELD -> {
                        Field field = tokens.getField();
                        String name = field.getName().trim().toLowerCase(Locale.ROOT);
                        String body = field.getBody() == null ? "" : field.getBody();
                        entity.add(name, body);
                        if (messageHeader && !messages.isEmpty()) {
                            messages.peek().add(name, body);
                        }
                    }
                    case T_END_HEADER -> {
                        if (messageHeader && !messages.isEmpty()) {
                            messages.peek().endHeader(entity.contentType());
                        }
                    }
                    case T_START_MULTIPART -> {
                        multipartDepth++;
                        checkDepth(multipartDepth + messages.size() - 1, options);
                    }
                    case T_END_MULTIPART -> multipartDepth--;
                    case T_END_MESSAGE -> messages.pop();
                    case T_BODY -> {
                        MessageFrame message = messages.element();
                        String mediaType = tokens.getBodyDescriptor().getMimeType().toLowerCase(Locale.ROOT);
                        String fileName = entity.fileName();
                        InputStream content = new BufferedInputStream(tokens.getDecodedInputStream(), 8192);
                        ContentKind kind = ContentKind.sniff(content);
                        Part part = new Part(message.envelope, message.contentType, mediaType, fileName, kind,
                                messageHeader);
                        if (part.typedAsReport() || kind != ContentKind.OTHER) {
                            results.add(handler.handle(part, content));
                        } else if (found.size() < TlsRptMail.MAX_LISTED_PARTS) {
                            found.add(fileName == null ? mediaType : mediaType + " " + SenderText.quote(fileName));
                        }
                    }
                    default -> {
                        // preamble, epilogue, end of a body part: nothing to collect
                    }
                }
            }
        } catch (MimeException e) {
            throw translate(e, options);
        } catch (MimeIOException e) {
            throw translate(e.getCause(), options);
        } catch (MaxLineLimitException e) {
            throw lineTooLong(options);
        }
        return new Result<>(results, found, monitor.warnings);
    }

    private static MessageLimitExceededException lineTooLong(MailOptions options) {
        return new MessageLimitExceededException("maxLineLength", options.maxLineLength(),
                "a header line is longer than maxLineLength (" + options.maxLineLength() + " bytes)");
    }

    private static void checkDepth(int depth, MailOptions options) {
        if (depth > options.maxNestingDepth()) {
            throw new MessageLimitExceededException("maxNestingDepth", options.maxNestingDepth(),
                    "multiparts and embedded messages are nested deeper than maxNestingDepth ("
                            + options.maxNestingDepth() + ")");
        }
    }

    private static MalformedMessageException translate(MimeException e, MailOptions options) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxLineLimitException) {
                return lineTooLong(options);
            }
        }
        if (e instanceof MaxHeaderLengthLimitException) {
            return new MessageLimitExceededException("maxHeaderFieldLength", options.maxHeaderFieldLength(),
                    "a header field is longer than maxHeaderFieldLength (" + options.maxHeaderFieldLength()
                            + " bytes)");
        }
        if (e instanceof MaxHeaderLimitException) {
            return new MessageLimitExceededException("maxHeaderFields", options.maxHeaderFields(),
                    "a header has more than maxHeaderFields (" + options.maxHeaderFields() + ") fields");
        }
        return new MalformedMessageException("unreadable MIME structure: " + e.getMessage(), e);
    }

    /** The headers of one entity (message or body part) that matter for finding a report. */
    private static final class EntityHeader {
        private @Nullable String contentType;
        private @Nullable String disposition;

        void add(String name, String body) {
            if (name.equals("content-type") && contentType == null) {
                contentType = body;
            } else if (name.equals("content-disposition") && disposition == null) {
                disposition = body;
            }
        }

        Headers.Structured contentType() {
            return Headers.structured(contentType == null ? "text/plain" : contentType);
        }

        @Nullable String fileName() {
            String name = disposition == null ? null : Headers.structured(disposition).param("filename");
            if ((name == null || name.isEmpty()) && contentType != null) {
                name = Headers.structured(contentType).param("name");
            }
            return name == null || name.isEmpty() ? null : name;
        }
    }

    /** The envelope facts of one message, filled as its header is read. */
    private static final class MessageFrame {
        private @Nullable String domain;
        private @Nullable String submitter;
        private @Nullable String subject;
        private @Nullable String from;
        private @Nullable String date;
        private @Nullable String messageId;
        Headers.Structured contentType = Headers.structured("text/plain");
        Envelope envelope = Envelope.none();

        void add(String name, String body) {
            switch (name) {
                case "tls-report-domain" -> domain = first(domain, body);
                case "tls-report-submitter" -> submitter = first(submitter, body);
                case "subject" -> subject = first(subject, body);
                case "from" -> from = first(from, body);
                case "date" -> date = first(date, body);
                case "message-id" -> messageId = first(messageId, body);
                default -> {
                    // not an envelope fact
                }
            }
        }

        private static String first(@Nullable String seen, String body) {
            return seen != null ? seen : Headers.text(body);
        }

        void endHeader(Headers.Structured type) {
            contentType = type;
            OffsetDateTime dateTime = date == null ? null : Headers.date(date);
            envelope = new Envelope(domain, submitter, subject, from, date, dateTime, messageId);
        }
    }

    /**
     * Records the structural damage mime4j tolerates (a body part or header cut short, e.g. a multipart
     * without its closing boundary); never asks it to throw. Decoder remarks (bare LF in quoted-printable,
     * stray base64 characters) are common in stored messages and not worth a check.
     */
    private static final class Monitor extends DecodeMonitor {
        final List<String> warnings = new ArrayList<>();

        @Override
        public boolean isListening() {
            return true;
        }

        @Override
        public boolean warn(String message, String actionDescription) {
            boolean structural = message.contains("ended prematurely") || message.contains("Unexpected end of headers");
            if (structural && warnings.size() < 5 && !warnings.contains(message)) {
                warnings.add(message);
            }
            return false;
        }
    }
}
