package dev.tlsrpt;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;

/**
 * Receives a report piece by piece from {@link TlsRpt#stream(java.io.InputStream, ReportVisitor)}, so that
 * a report of any size is read in bounded memory. Every method does nothing by default; implement the ones
 * you need. Calls come in document order, on the calling thread.
 *
 * @since 0.1.0
 */
public interface ReportVisitor {

    /**
     * The report's header members, delivered once: as soon as all four are known, which for every real
     * sender is before the first policy, or at the end of the document when the sender wrote some of them
     * after {@code "policies"} (or left out {@code contact-info} or {@code report-id}).
     *
     * @param header organization, date range, contact and report-id
     */
    default void header(ReportHeader header) {
    }

    /**
     * One policies entry, before its failure details.
     *
     * @param policy the policy
     * @param summary its session counts
     */
    default void policy(Policy policy, Summary summary) {
    }

    /**
     * One failure detail of the policy last delivered to {@link #policy(Policy, Summary)}.
     *
     * @param policy the policy the detail belongs to
     * @param detail the failure detail
     */
    default void failureDetail(Policy policy, FailureDetail detail) {
    }

    /**
     * A deviation from RFC 8460 that lenient parsing tolerated; never called in strict mode. Every one is
     * delivered, however many: {@link ParseOptions#maxDeviations()} bounds only what {@code parse} collects.
     *
     * @param deviation what was tolerated and where
     */
    default void deviation(Deviation deviation) {
    }
}
