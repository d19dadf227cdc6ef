package dev.tlsrpt;

import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.internal.Syntax;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Composes a report from code, as an MTA that emits reports needs: the header, then each policy followed by
 * its session counts and failures. Failures with the same members are merged, their counts added, so an MTA
 * can record each failed session as it happens.
 *
 * <pre>{@code
 * TlsReport report = new ReportBuilder()
 *         .organization("Example Mail")
 *         .contact("tlsrpt@mail.example")
 *         .reportId("2026-11-27_example.com")
 *         .day(LocalDate.of(2026, 11, 27))
 *         .stsPolicy("example.com", "version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 86400")
 *         .success(4821)
 *         .failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.10", "mx1.example.com", 3)
 *         .noPolicyFound("example.org")
 *         .success(17)
 *         .build();
 * }</pre>
 *
 * <p>Every report it builds follows RFC 8460 as strict parsing reads it: all required members present,
 * IP addresses and {@code additional-information} checked when given (an {@link IllegalArgumentException}
 * names the member), so {@link TlsRpt#write(TlsReport, java.io.OutputStream)} writes a document that
 * {@link ParseOptions#strict()} accepts. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class ReportBuilder {

    private @Nullable String organization;
    private @Nullable String contact;
    private @Nullable String reportId;
    private @Nullable DateRange dateRange;
    private final List<PolicyEntry> policies = new ArrayList<>();

    /** An empty builder. */
    public ReportBuilder() {
    }

    /**
     * Sets {@code organization-name}: who produces the report.
     *
     * @param name the organization
     * @return this builder
     */
    public ReportBuilder organization(String name) {
        this.organization = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sets {@code contact-info}: an address for questions about the report (RFC 5322 addr-spec).
     *
     * @param address the address, such as {@code tlsrpt@mail.example}
     * @return this builder
     */
    public ReportBuilder contact(String address) {
        this.contact = Objects.requireNonNull(address, "address");
        return this;
    }

    /**
     * Sets {@code report-id}, unique for this reporter.
     *
     * @param id the identifier
     * @return this builder
     */
    public ReportBuilder reportId(String id) {
        this.reportId = Objects.requireNonNull(id, "id");
        return this;
    }

    /**
     * Makes the report cover one full UTC day, {@code 00:00:00Z} to {@code 23:59:59Z}, as RFC 8460 section
     * 4.1 asks and Appendix B shows.
     *
     * @param day the day
     * @return this builder
     */
    public ReportBuilder day(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return dateRange(start, start.plusSeconds(86_399));
    }

    /**
     * Sets the period the report covers.
     *
     * @param start {@code start-datetime}
     * @param end {@code end-datetime}, not before {@code start}
     * @return this builder
     */
    public ReportBuilder dateRange(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        this.dateRange = new DateRange(start, end);
        return this;
    }

    /**
     * Starts a policy entry for an MTA-STS policy. {@code mx-host} is filled from the {@code mx:} lines.
     *
     * @param policyDomain the policy domain, in A-labels
     * @param policyLines the policy file's lines as applied, such as {@code "mode: enforce"}
     * @return this builder
     */
    public ReportBuilder stsPolicy(String policyDomain, String... policyLines) {
        List<String> lines = List.of(policyLines);
        String domain = checkedDomain(policyDomain);
        // without mx-host, a policy's mx patterns are its mx: lines: the model reads them, once for everyone
        List<String> mx = Policy.of(PolicyType.STS, lines, domain, List.of()).mxPatterns();
        return policy(Policy.of(PolicyType.STS, lines, domain, mx));
    }

    /**
     * Starts a policy entry for a DANE policy.
     *
     * @param policyDomain the TLSA base domain (RFC 8460 section 1.1), in A-labels
     * @param tlsaRecords one string per TLSA record, such as {@code "3 1 1 0c72ac70..."}
     * @return this builder
     */
    public ReportBuilder tlsaPolicy(String policyDomain, String... tlsaRecords) {
        return policy(Policy.of(PolicyType.TLSA, Arrays.asList(tlsaRecords), checkedDomain(policyDomain),
                List.of()));
    }

    /**
     * Starts a policy entry for a domain that has neither an MTA-STS nor a DANE policy.
     *
     * @param policyDomain the domain, in A-labels
     * @return this builder
     */
    public ReportBuilder noPolicyFound(String policyDomain) {
        return policy(Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), checkedDomain(policyDomain), List.of()));
    }

    /**
     * Starts a policy entry for any policy.
     *
     * @param policy the policy; it must name its policy domain and be of a known type
     * @return this builder
     */
    public ReportBuilder policy(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        if (policy.policyType() == PolicyType.UNKNOWN) {
            throw new IllegalArgumentException("policy-type " + policy.policyTypeName()
                    + " is not an RFC 8460 type");
        }
        checkedDomain(policy.policyDomain());
        for (String s : policy.policyStrings()) {
            Objects.requireNonNull(s, "policy-string element");
        }
        policies.add(new PolicyEntry(policy));
        return this;
    }

    /**
     * Adds successful sessions to the current policy's {@code total-successful-session-count}.
     *
     * @param sessions the number of sessions, not negative
     * @return this builder
     */
    public ReportBuilder success(long sessions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions < 0");
        }
        PolicyEntry p = current();
        p.successes = Math.addExact(p.successes, sessions);
        return this;
    }

    /**
     * Records failed sessions of the current policy. A failure with the same members as an earlier one adds
     * to its {@code failed-session-count}.
     *
     * @param type the result type, not {@link ResultType#UNKNOWN}
     * @param sendingMtaIp {@code sending-mta-ip}: the address the sending MTA connected from
     * @param receivingMxHostname {@code receiving-mx-hostname}: the MX host it tried
     * @param sessions the number of sessions, not negative
     * @return this builder
     */
    public ReportBuilder failure(ResultType type, String sendingMtaIp, String receivingMxHostname, long sessions) {
        return failure(type, sendingMtaIp, receivingMxHostname, sessions, d -> { });
    }

    /**
     * Records failed sessions of the current policy, with the optional members set on a {@link Detail}.
     *
     * <pre>{@code
     * builder.failure(ResultType.VALIDATION_FAILURE, "2001:db8::25", "mx2.example.com", 1,
     *         d -> d.receivingIp("2001:db8:1::2").failureReasonCode("tls-remote-alert-70"));
     * }</pre>
     *
     * @param type the result type, not {@link ResultType#UNKNOWN}
     * @param sendingMtaIp {@code sending-mta-ip}
     * @param receivingMxHostname {@code receiving-mx-hostname}
     * @param sessions the number of sessions, not negative
     * @param optional sets the optional members
     * @return this builder
     */
    public ReportBuilder failure(ResultType type, String sendingMtaIp, String receivingMxHostname, long sessions,
            Consumer<Detail> optional) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(optional, "optional");
        Detail d = new Detail();
        optional.accept(d);
        return failure(new FailureDetail(type, type.wireName(), sendingMtaIp, receivingMxHostname,
                d.receivingMxHelo, d.receivingIp, sessions, d.additionalInformation, d.failureReasonCode));
    }

    /**
     * Records a failure detail of the current policy as given, after the checks strict parsing makes.
     *
     * @param detail the failure detail; {@code sendingMtaIp} and {@code receivingMxHostname} must be set
     * @return this builder
     */
    public ReportBuilder failure(FailureDetail detail) {
        Objects.requireNonNull(detail, "detail");
        PolicyEntry p = current();
        if (detail.resultType() == ResultType.UNKNOWN) {
            throw new IllegalArgumentException("result-type " + detail.resultTypeName()
                    + " is not an RFC 8460 result type");
        }
        checkIp("sending-mta-ip", Objects.requireNonNull(detail.sendingMtaIp(), "sending-mta-ip"));
        Objects.requireNonNull(detail.receivingMxHostname(), "receiving-mx-hostname");
        if (detail.receivingIp() != null) {
            checkIp("receiving-ip", detail.receivingIp());
        }
        String info = detail.additionalInformation();
        if (info != null && !Syntax.isUri(info)) {
            throw new IllegalArgumentException("additional-information must be a URI (RFC 3986), got "
                    + SenderText.quote(info));
        }
        FailureDetail key = new FailureDetail(detail.resultType(), detail.resultTypeName(), detail.sendingMtaIp(),
                detail.receivingMxHostname(), detail.receivingMxHelo(), detail.receivingIp(), 0,
                detail.additionalInformation(), detail.failureReasonCode());
        p.failures.merge(key, detail.failedSessionCount(), Math::addExact);
        return this;
    }

    /**
     * Sets the current policy's {@code total-failure-session-count}. Without it, the total is the sum of the
     * failures' counts; set it when one session counts under several result types (RFC 8460 section 4).
     *
     * @param sessions the number of failed sessions, not negative
     * @return this builder
     */
    public ReportBuilder totalFailures(long sessions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions < 0");
        }
        current().totalFailures = sessions;
        return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalStateException naming the first required member not set
     */
    public TlsReport build() {
        if (organization == null) {
            throw new IllegalStateException("organization-name not set: call organization(...)");
        }
        if (dateRange == null) {
            throw new IllegalStateException("date-range not set: call day(...) or dateRange(...)");
        }
        if (contact == null) {
            throw new IllegalStateException("contact-info not set: call contact(...)");
        }
        if (reportId == null) {
            throw new IllegalStateException("report-id not set: call reportId(...)");
        }
        List<PolicyResult> results = new ArrayList<>();
        for (PolicyEntry p : policies) {
            List<FailureDetail> details = new ArrayList<>();
            long sum = 0;
            for (Map.Entry<FailureDetail, Long> e : p.failures.entrySet()) {
                FailureDetail k = e.getKey();
                details.add(new FailureDetail(k.resultType(), k.resultTypeName(), k.sendingMtaIp(),
                        k.receivingMxHostname(), k.receivingMxHelo(), k.receivingIp(), e.getValue(),
                        k.additionalInformation(), k.failureReasonCode()));
                sum = Math.addExact(sum, e.getValue());
            }
            long total = p.totalFailures != null ? p.totalFailures : sum;
            results.add(new PolicyResult(p.policy, new Summary(p.successes, total), details));
        }
        return new TlsReport(organization, dateRange, contact, reportId, results);
    }

    private PolicyEntry current() {
        if (policies.isEmpty()) {
            throw new IllegalStateException("no policy yet: call stsPolicy, tlsaPolicy, noPolicyFound or policy first");
        }
        return policies.get(policies.size() - 1);
    }

    private static String checkedDomain(@Nullable String domain) {
        if (domain == null) {
            throw new NullPointerException("policy-domain");
        }
        return domain;
    }

    private static void checkIp(String member, String ip) {
        if (!Syntax.isIpLiteral(ip)) {
            throw new IllegalArgumentException(member + " must be an IPv4 or IPv6 address, got "
                    + SenderText.quote(ip));
        }
    }

    /** One policy entry being built. */
    private static final class PolicyEntry {
        final Policy policy;
        long successes;
        @Nullable Long totalFailures;
        final Map<FailureDetail, Long> failures = new LinkedHashMap<>();

        PolicyEntry(Policy policy) {
            this.policy = policy;
        }
    }

    /**
     * The optional members of a failure detail, set in
     * {@link ReportBuilder#failure(ResultType, String, String, long, Consumer)}.
     *
     * @since 0.1.0
     */
    public static final class Detail {
        private @Nullable String receivingMxHelo;
        private @Nullable String receivingIp;
        private @Nullable String additionalInformation;
        private @Nullable String failureReasonCode;

        private Detail() {
        }

        /**
         * Sets {@code receiving-mx-helo}: the greeting or EHLO name the MX announced.
         *
         * @param helo the text
         * @return this detail
         */
        public Detail receivingMxHelo(String helo) {
            this.receivingMxHelo = Objects.requireNonNull(helo, "helo");
            return this;
        }

        /**
         * Sets {@code receiving-ip}: the MX address connected to.
         *
         * @param ip an IPv4 or IPv6 address
         * @return this detail
         */
        public Detail receivingIp(String ip) {
            this.receivingIp = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /**
         * Sets {@code additional-information}: a URI with more about the failure.
         *
         * @param uri an RFC 3986 URI
         * @return this detail
         */
        public Detail additionalInformation(String uri) {
            this.additionalInformation = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * Sets {@code failure-reason-code}: the TLS error code or message (section 4.3 says reporters SHOULD
         * give it for {@code certificate-not-trusted} and {@code validation-failure}).
         *
         * @param code the code or message
         * @return this detail
         */
        public Detail failureReasonCode(String code) {
            this.failureReasonCode = Objects.requireNonNull(code, "code");
            return this;
        }
    }
}
