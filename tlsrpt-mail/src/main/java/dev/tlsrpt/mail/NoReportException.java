package dev.tlsrpt.mail;

import dev.tlsrpt.TlsRptException;
import java.util.List;

/**
 * A readable message (or mbox file) that holds no report: no part typed {@code application/tlsrpt...} and
 * none whose content is gzip, zip or a JSON object. Names what was found instead.
 *
 * @since 0.1.0
 */
public final class NoReportException extends TlsRptException {
    private static final long serialVersionUID = 1L;

    /** @serial the parts found, e.g. {@code text/plain} or {@code application/pdf "invoice.pdf"} */
    private final List<String> partsFound;

    /**
     * A message without a report.
     *
     * @param partsFound each part found instead: its media type, then its file name in quotes when it has one
     */
    NoReportException(List<String> partsFound) {
        super(format(partsFound));
        this.partsFound = List.copyOf(partsFound);
    }

    private static String format(List<String> parts) {
        if (parts.isEmpty()) {
            return "no TLS report found: the input holds no message part";
        }
        return "no TLS report found; the parts are: " + String.join(", ", parts);
    }

    /**
     * The parts found instead of a report, in message order (at most the first
     * {@value TlsRptMail#MAX_LISTED_PARTS}).
     *
     * @return each part's media type, then its file name in quotes when it has one
     */
    public List<String> partsFound() {
        return partsFound;
    }
}
