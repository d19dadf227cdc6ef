package dev.tlsrpt.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code "failure-details"} (RFC 8460 section 4.4).
 *
 * @param resultType {@code "result-type"}, {@link ResultType#UNKNOWN} for a value RFC 8460 does not define
 * @param resultTypeName {@code "result-type"} exactly as sent, also when it is unknown
 * @param sendingMtaIp {@code "sending-mta-ip"}, as sent; absent when left out (common for policy-fetch errors)
 * @param receivingMxHostname {@code "receiving-mx-hostname"}, as sent
 * @param receivingMxHelo {@code "receiving-mx-helo"} (optional), as sent; may hold a whole multi-line EHLO reply
 * @param receivingIp {@code "receiving-ip"}, as sent
 * @param failedSessionCount {@code "failed-session-count"}
 * @param additionalInformation {@code "additional-information"} (optional): a URI, as sent
 * @param failureReasonCode {@code "failure-reason-code"} (optional): an error code or message, as sent
 * @since 0.1.0
 */
public record FailureDetail(
        ResultType resultType,
        String resultTypeName,
        @Nullable String sendingMtaIp,
        @Nullable String receivingMxHostname,
        @Nullable String receivingMxHelo,
        @Nullable String receivingIp,
        long failedSessionCount,
        @Nullable String additionalInformation,
        @Nullable String failureReasonCode) {

    /**
     * Checks the components.
     *
     * @param resultType see {@link #resultType()}
     * @param resultTypeName see {@link #resultTypeName()}
     * @param sendingMtaIp see {@link #sendingMtaIp()}
     * @param receivingMxHostname see {@link #receivingMxHostname()}
     * @param receivingMxHelo see {@link #receivingMxHelo()}
     * @param receivingIp see {@link #receivingIp()}
     * @param failedSessionCount see {@link #failedSessionCount()}
     * @param additionalInformation see {@link #additionalInformation()}
     * @param failureReasonCode see {@link #failureReasonCode()}
     */
    public FailureDetail {
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(resultTypeName, "resultTypeName");
        if (failedSessionCount < 0) {
            throw new IllegalArgumentException("failedSessionCount < 0");
        }
    }
}
