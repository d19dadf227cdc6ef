package dev.tlsrpt.analysis;

import dev.tlsrpt.TlsRptException;

/**
 * A {@link ReportAggregate} would hold more keys than its limit allows (see
 * {@link ReportAggregate#maxKeys()}). Keys come from the reports' senders, so the limit keeps a hostile or
 * runaway input from taking all memory. The aggregate is left as it was before the call that failed.
 *
 * @since 0.1.0
 */
public final class AggregateLimitException extends TlsRptException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * A passed key limit.
     *
     * @param limit the limit that was passed
     * @param message what was added and how many keys it needed
     */
    AggregateLimitException(long limit, String message) {
        super(message);
        this.limit = limit;
    }

    /**
     * The limit that was passed.
     *
     * @return the maximum number of keys
     */
    public long limit() {
        return limit;
    }
}
