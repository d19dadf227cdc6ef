package dev.tlsrpt.mail;

/**
 * The consistency checks of the mail layer (RFC 8460 section 5). Each names something a message or POST
 * said about a report that disagrees with RFC 8460 or with the report itself. Section 5.6 makes the report
 * authoritative, so none of these stops a report from being read.
 *
 * @since 0.1.0
 */
public enum MailCheckKind {
    /** The message is not {@code multipart/report; report-type=tlsrpt} (section 5.3). */
    NOT_MULTIPART_REPORT,
    /**
     * The report's media type is not {@code application/tlsrpt+gzip} or {@code application/tlsrpt+json}
     * (e.g. {@code application/gzip}, {@code application/octet-stream}, {@code application/tlsrpt}); the
     * report was recognised by its content.
     */
    MEDIA_TYPE_NOT_RFC,
    /** The media type or file name says gzip and the content is plain JSON, or the other way round. */
    MEDIA_TYPE_MISMATCH,
    /** {@code TLS-Report-Domain} or {@code TLS-Report-Submitter} is missing; both MUST be present (section 5.3). */
    MISSING_REPORT_HEADER,
    /** A policy's {@code policy-domain} is a subdomain of {@code TLS-Report-Domain} (e.g. a TLSA base domain). */
    POLICY_DOMAIN_SUBDOMAIN,
    /** A policy's {@code policy-domain} is unrelated to {@code TLS-Report-Domain}. */
    POLICY_DOMAIN_MISMATCH,
    /**
     * {@code TLS-Report-Submitter} and the domain of {@code contact-info} differ, one being a subdomain of the
     * other (Mail.ru: {@code mail.ru} and {@code corp.mail.ru}); section 5.3 says they MUST match.
     */
    SUBMITTER_SUBDOMAIN,
    /** {@code TLS-Report-Submitter} and the domain of {@code contact-info} are unrelated domains. */
    SUBMITTER_MISMATCH,
    /** The attachment's file name does not follow the section 5.1 grammar, as {@link dev.tlsrpt.ReportFileName} reads it. */
    FILE_NAME_NOT_RFC,
    /** The file name's sender, policy domain or timestamps disagree with the headers or the report's date range. */
    FILE_NAME_MISMATCH,
    /**
     * The Subject does not follow the section 5.3 form
     * {@code Report Domain: <domain> Submitter: <domain> Report-ID: <id-left@id-right>} (Microsoft sends the
     * Report-ID without brackets and {@code @}, Stalwart without {@code @}).
     */
    SUBJECT_NOT_RFC,
    /** The Subject's domain or submitter disagrees with {@code TLS-Report-Domain} or {@code TLS-Report-Submitter}. */
    SUBJECT_MISMATCH,
    /** The Date header is not an RFC 5322 date-time (the RFC's own example is not). */
    DATE_UNREADABLE,
    /** The MIME structure is broken but was read, e.g. a multipart without its closing boundary (Mail.ru). */
    MIME_MALFORMED
}
