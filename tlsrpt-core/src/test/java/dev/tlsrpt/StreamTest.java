package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TlsRpt.stream: the same reader as parse, piece by piece, in document order. */
class StreamTest {

    /** Records every callback as a line, and rebuilds the report. */
    static final class Recorder implements ReportVisitor {
        final List<String> calls = new ArrayList<>();
        final List<Deviation> deviations = new ArrayList<>();
        ReportHeader header;
        final List<PolicyResult> policies = new ArrayList<>();
        private Policy policy;
        private Summary summary;
        private List<FailureDetail> details = new ArrayList<>();

        @Override
        public void header(ReportHeader h) {
            calls.add("header " + h.reportId());
            header = h;
        }

        @Override
        public void policy(Policy p, Summary s) {
            calls.add("policy " + p.policyTypeName());
            flush();
            policy = p;
            summary = s;
        }

        @Override
        public void failureDetail(Policy p, FailureDetail d) {
            calls.add("detail " + d.resultTypeName());
            assertThat(p).isSameAs(policy);
            details.add(d);
        }

        @Override
        public void deviation(Deviation d) {
            calls.add("deviation " + d.kind());
            deviations.add(d);
        }

        private void flush() {
            if (policy != null) {
                policies.add(new PolicyResult(policy, summary, details));
                details = new ArrayList<>();
                policy = null;
            }
        }

        TlsReport report() {
            flush();
            return new TlsReport(header.organizationName(), header.dateRange(), header.contactInfo(),
                    header.reportId(), policies);
        }
    }

    static List<String> corpusFiles() {
        return CorpusTest.corpusFiles().toList();
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void streamingAndParsingAgreeOnEveryCorpusFile(String name) throws IOException {
        byte[] data = CorpusTest.corpusBytes(name);
        ParseResult parsed = TlsRpt.parseWithDeviations(data, ParseOptions.lenient());
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(data), r);
        assertThat(r.report()).isEqualTo(parsed.report());
        assertThat(r.deviations).isEqualTo(parsed.deviations());
        assertThat(r.calls.stream().filter(c -> c.startsWith("header"))).hasSize(1);
    }

    @Test
    void callsComeInDocumentOrderWithTheHeaderFirst() throws IOException {
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(ReportJson.BASE)), r);
        assertThat(r.calls).containsExactly("header r1", "policy sts", "detail certificate-expired");
    }

    @Test
    void theHeaderComesLastWhenTheSenderWritesReportIdAfterThePolicies() throws IOException {
        String json = ReportJson.with("\"report-id\": \"r1\",\n", "")
                .replace("}]\n}", "}],\n  \"report-id\": \"late\"\n}");
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(json)), r);
        assertThat(r.calls).containsExactly("policy sts", "detail certificate-expired", "header late");
    }

    @Test
    void detailsBeforeThePolicyAreBufferedAndDeliveredAfterIt() throws IOException {
        String json = """
                {"organization-name": "o", "contact-info": "a@b", "report-id": "r",
                 "date-range": {"start-datetime": "2026-01-01T00:00:00Z", "end-datetime": "2026-01-01T23:59:59Z"},
                 "policies": [{
                   "failure-details": [{"failed-session-count": 2, "receiving-mx-hostname": "mx", "result-type": "dnssec-invalid", "sending-mta-ip": "192.0.2.1"}],
                   "policy": {"policy-domain": "example.com", "policy-string": ["3 1 1 AB"], "policy-type": "tlsa"},
                   "summary": {"total-failure-session-count": 2, "total-successful-session-count": 0}
                 }]}
                """;
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(json)), r);
        assertThat(r.calls).containsExactly("header r", "policy tlsa", "detail dnssec-invalid");
        assertThat(r.report()).isEqualTo(TlsRpt.parse(json));
    }

    @Test
    void aVisitorThatAbandonsTheStreamGetsItsOwnExceptionBack() {
        RuntimeException stop = new IllegalStateException("enough");
        ReportVisitor v = new ReportVisitor() {
            @Override
            public void policy(Policy policy, Summary summary) {
                throw stop;
            }
        };
        assertThatThrownBy(() -> TlsRpt.stream(new ByteArrayInputStream(ReportJson.gzip(ReportJson.utf8(ReportJson.BASE))), v))
                .isSameAs(stop);
    }

    @Test
    void anErrorMidStreamPointsAtTheFailingMemberAfterTheEarlierCallbacks() {
        String json = ReportJson.with("\"failed-session-count\": 1}]", "\"failed-session-count\": 1}, "
                + "{\"result-type\": \"starttls-not-supported\", \"failed-session-count\": -1}]");
        Recorder r = new Recorder();
        assertThatThrownBy(() -> TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(json)), ParseOptions.strict(), r))
                .isInstanceOfSatisfying(MalformedReportException.class, e -> {
                    assertThat(e.pointer()).isEqualTo("/policies/0/failure-details/1/failed-session-count");
                    assertThat(e.line()).isEqualTo(9);
                });
        assertThat(r.calls).containsExactly("header r1", "policy sts", "detail certificate-expired");
    }

    /**
     * maxDeviations bounds the memory of what is collected (parse, parseWithDeviations, the schema validator);
     * stream hands each deviation to the visitor and holds none, so it delivers them all.
     */
    @Test
    void streamDeliversEveryDeviationWhateverMaxDeviationsWhereParseStopsAtTheLimit() throws IOException {
        StringBuilder unknown = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            unknown.append("\"x").append(i).append("\": ").append(i).append(", ");
        }
        String json = ReportJson.with("\"organization-name\"", unknown + "\"organization-name\"");
        ParseOptions three = ParseOptions.lenient().withMaxDeviations(3);
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(json)), three, r);
        assertThat(r.deviations).hasSize(12).extracting(Deviation::pointer).startsWith("/x0", "/x1", "/x2", "/x3")
                .endsWith("/x11");
        assertThat(r.deviations).isEqualTo(TlsRpt.parseWithDeviations(json, ParseOptions.lenient()).deviations());
        assertThat(r.report()).isEqualTo(TlsRpt.parse(json));
        for (ThrowingCall call : List.<ThrowingCall>of(() -> TlsRpt.parseWithDeviations(json, three),
                () -> TlsRpt.parse(json, three), () -> TlsRpt.parse(ReportJson.utf8(json), three))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(LimitExceededException.class, e -> {
                assertThat(e.limitName()).isEqualTo("maxDeviations");
                assertThat(e.limit()).isEqualTo(3);
                assertThat(e.pointer()).isEqualTo("/x3");
                assertThat(e.problem()).isEqualTo("more than 3 deviations in the report (limit maxDeviations)");
            });
        }
    }

    /** A call that may throw anything. */
    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void strictModeSendsNoDeviations() throws IOException {
        Recorder r = new Recorder();
        TlsRpt.stream(new ByteArrayInputStream(ReportJson.utf8(ReportJson.BASE)), ParseOptions.strict(), r);
        assertThat(r.deviations).isEmpty();
        assertThat(r.report()).isEqualTo(TlsRpt.parse(ReportJson.BASE, ParseOptions.strict()));
    }
}
