package dev.tlsrpt.record;

import dev.tlsrpt.TlsRptException;
import java.util.Objects;

/**
 * A {@code _smtp._tls} TXT record that does not follow the RFC 8460 section 3 grammar. Says where: the
 * 0-based character offset in the record (its strings already concatenated). The message quotes at most a
 * short excerpt of the record.
 *
 * <pre>{@code
 * try {
 *     TlsRpt.parseRecord("v=TLSRPTv1; rua=postmaster@example.com");
 * } catch (MalformedRecordException e) {
 *     e.offset();   // 16
 *     e.problem();  // "missing mailto: scheme (write rua=mailto:postmaster@example.com)"
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MalformedRecordException extends TlsRptException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int offset;

    /**
     * A malformed record.
     *
     * @param problem what is wrong, without the location
     * @param offset 0-based character offset in the record where the problem starts
     */
    MalformedRecordException(String problem, int offset) {
        super("offset " + offset + ": " + Objects.requireNonNull(problem, "problem"));
        this.problem = problem;
        this.offset = offset;
    }

    /**
     * What is wrong, without the location.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }

    /**
     * Where the problem starts: a 0-based character offset in the record; the record's length when
     * something is missing at the end.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }
}
