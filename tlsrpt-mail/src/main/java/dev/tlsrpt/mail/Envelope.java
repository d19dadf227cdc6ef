package dev.tlsrpt.mail;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The header facts of the message that carried a report (RFC 8460 section 5.3). Values are unfolded,
 * RFC 2047 encoded words decoded, and trimmed; each is null when the header is absent. For a report that
 * did not come by e-mail (an HTTPS POST body, a bare report file) every component is null.
 *
 * @param tlsReportDomain the {@code TLS-Report-Domain} header: the domain the report is about
 * @param tlsReportSubmitter the {@code TLS-Report-Submitter} header: the domain of the sender
 * @param subject the {@code Subject} header
 * @param from the {@code From} header as sent, e.g. {@code "<tlsrpt-noreply@microsoft.com>"}; see
 *     {@link #fromAddress()}
 * @param date the {@code Date} header as sent
 * @param dateTime the {@code Date} header read as an RFC 5322 date-time, or null when absent or unreadable
 * @param messageId the {@code Message-ID} header as sent, angle brackets included
 * @since 0.1.0
 */
public record Envelope(
        @Nullable String tlsReportDomain,
        @Nullable String tlsReportSubmitter,
        @Nullable String subject,
        @Nullable String from,
        @Nullable String date,
        @Nullable OffsetDateTime dateTime,
        @Nullable String messageId) {

    private static final Envelope NONE = new Envelope(null, null, null, null, null, null, null);

    /**
     * An envelope with every component null, for reports that did not come by e-mail.
     *
     * @return the empty envelope
     */
    public static Envelope none() {
        return NONE;
    }

    /**
     * The address in {@link #from()}: the text inside the last angle brackets, else the whole value when it
     * holds an {@code @}.
     *
     * @return the address, or null when there is no From header or no address in it
     */
    public @Nullable String fromAddress() {
        if (from == null) {
            return null;
        }
        int close = from.lastIndexOf('>');
        int open = close < 0 ? -1 : from.lastIndexOf('<', close);
        String address = open >= 0 ? from.substring(open + 1, close).trim() : from.trim();
        return address.indexOf('@') > 0 ? address : null;
    }
}
