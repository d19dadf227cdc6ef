package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every report of the shared corpus parses leniently and agrees with EXPECTED.json, field by field. */
class CorpusTest {

    static JsonNode expected() {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/EXPECTED.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> corpusFiles() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected().properties()) {
            names.add(e.getKey());
        }
        return names.stream();
    }

    static byte[] corpusBytes(String name) throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyCorpusReportAgreesWithTheIndependentReading(String name) throws IOException {
        JsonNode want = expected().get(name);
        TlsReport report = TlsRpt.parse(corpusBytes(name));

        assertThat(report.organizationName()).isEqualTo(want.get("organization-name").asString());
        assertThat(report.contactInfo()).isEqualTo(textOrNull(want.get("contact-info")));
        assertThat(report.reportId()).isEqualTo(want.get("report-id").asString());
        assertThat(report.dateRange().start()).isEqualTo(Instant.parse(want.get("start").asString()));
        assertThat(report.dateRange().end()).isEqualTo(Instant.parse(want.get("end").asString()));
        JsonNode policies = want.get("policies");
        assertThat(report.policies()).hasSize(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            JsonNode wp = policies.get(i);
            PolicyResult got = report.policies().get(i);
            assertThat(got.policy().policyTypeName()).isEqualTo(wp.get("policy-type").asString());
            assertThat(got.policy().policyDomain()).isEqualTo(textOrNull(wp.get("policy-domain")));
            assertThat(got.summary().totalSuccessfulSessionCount()).isEqualTo(wp.get("successful").asLong());
            long failed = wp.get("failed").isNull() ? 0 : wp.get("failed").asLong();
            assertThat(got.summary().totalFailureSessionCount()).isEqualTo(failed);
            assertThat(got.failureDetails()).hasSize(wp.get("failure-details").asInt());
            assertThat(got.failedSessionSum()).isEqualTo(wp.get("failed-session-sum").asLong());
            assertThat(got.policy().policyStrings()).hasSize(wp.get("policy-string-count").asInt());
            List<String> mx = new ArrayList<>();
            wp.get("mx-host").forEach(n -> mx.add(n.asString()));
            assertThat(got.policy().mxHosts()).isEqualTo(mx);
            List<String> types = new ArrayList<>();
            wp.get("result-types").forEach(n -> types.add(n.asString()));
            assertThat(got.failureDetails().stream().map(FailureDetail::resultTypeName).distinct().sorted().toList())
                    .isEqualTo(types.stream().sorted().toList());
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }
}
