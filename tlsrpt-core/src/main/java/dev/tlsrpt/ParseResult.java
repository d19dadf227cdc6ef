package dev.tlsrpt;

import dev.tlsrpt.model.TlsReport;
import java.util.List;
import java.util.Objects;

/**
 * A report together with the deviations lenient parsing tolerated while reading it.
 *
 * @param report the report
 * @param deviations the tolerated deviations in document order; empty for a report that follows RFC 8460
 *     (always empty in strict mode)
 * @since 0.1.0
 */
public record ParseResult(TlsReport report, List<Deviation> deviations) {

    /**
     * Checks the components and copies the list.
     *
     * @param report see {@link #report()}
     * @param deviations see {@link #deviations()}
     */
    public ParseResult {
        Objects.requireNonNull(report, "report");
        deviations = List.copyOf(Objects.requireNonNull(deviations, "deviations"));
    }
}
