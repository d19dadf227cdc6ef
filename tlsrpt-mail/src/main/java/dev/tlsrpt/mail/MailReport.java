package dev.tlsrpt.mail;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.model.TlsReport;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A report as it arrived: the report, the deviations the core parser tolerated, the envelope facts of the
 * message that carried it, the attachment's file name and media type, and the mail layer's checks.
 *
 * @param report the report
 * @param deviations the deviations from RFC 8460 that lenient parsing tolerated inside the report
 * @param envelope the header facts of the carrying message; {@link Envelope#none()} for an HTTPS body or a
 *     bare report file
 * @param fileName the attachment's file name (Content-Disposition {@code filename}, else Content-Type
 *     {@code name}), or null when none was given
 * @param mediaType the part's media type in lower case, e.g. {@code application/tlsrpt+gzip}, or null for a
 *     bare report file
 * @param checks the consistency findings of the mail layer, empty when everything agrees
 * @since 0.1.0
 */
public record MailReport(
        TlsReport report,
        List<Deviation> deviations,
        Envelope envelope,
        @Nullable String fileName,
        @Nullable String mediaType,
        List<MailCheck> checks) {

    /**
     * Checks the components and copies the lists.
     *
     * @param report see {@link #report()}
     * @param deviations see {@link #deviations()}
     * @param envelope see {@link #envelope()}
     * @param fileName see {@link #fileName()}
     * @param mediaType see {@link #mediaType()}
     * @param checks see {@link #checks()}
     */
    public MailReport {
        Objects.requireNonNull(report, "report");
        deviations = List.copyOf(Objects.requireNonNull(deviations, "deviations"));
        Objects.requireNonNull(envelope, "envelope");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    /**
     * Whether a check of the given kind was recorded.
     *
     * @param kind the kind to look for
     * @return true when {@link #checks()} holds one of that kind
     */
    public boolean has(MailCheckKind kind) {
        return checks.stream().anyMatch(c -> c.kind() == kind);
    }
}
