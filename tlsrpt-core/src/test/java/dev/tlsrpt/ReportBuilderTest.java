package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Composing reports from code, and their file names. */
class ReportBuilderTest {

    private static ReportBuilder header() {
        return new ReportBuilder().organization("Example Mail").contact("tlsrpt@mail.example").reportId("r1")
                .day(LocalDate.of(2026, 11, 27));
    }

    @Test
    void dayCoversTheFullUtcDay() {
        TlsReport r = header().build();
        assertThat(r.dateRange().start()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(r.dateRange().end()).isEqualTo(Instant.parse("2026-11-27T23:59:59Z"));
        assertThat(r.dateRange().isOneUtcDay()).isTrue();
        assertThat(r.policies()).isEmpty();
    }

    @Test
    void stsPolicyTakesMxHostFromTheMxLines() {
        Policy p = header().stsPolicy("example.com", "version: STSv1", "mode: testing", "mx: mx1.example.com",
                "mx: *.backup.example.com", "max_age: 604800").build().policies().get(0).policy();
        assertThat(p.policyType()).isEqualTo(PolicyType.STS);
        assertThat(p.policyTypeName()).isEqualTo("sts");
        assertThat(p.mxHosts()).containsExactly("mx1.example.com", "*.backup.example.com");
        assertThat(p.stsMode()).isEqualTo(StsMode.TESTING);
        assertThat(p.policyDomain()).isEqualTo("example.com");
    }

    @Test
    void mergesEqualFailuresAndSumsTheTotal() {
        ReportBuilder b = header().tlsaPolicy("mx.example.com", "3 1 1 ABCD").success(10);
        for (int i = 0; i < 3; i++) {
            b.failure(ResultType.TLSA_INVALID, "192.0.2.1", "mx.example.com", 1);
        }
        b.failure(ResultType.DNSSEC_INVALID, "192.0.2.1", "mx.example.com", 2).success(5);
        PolicyResult p = b.build().policies().get(0);
        assertThat(p.failureDetails()).extracting(FailureDetail::resultType, FailureDetail::failedSessionCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ResultType.TLSA_INVALID, 3L),
                        org.assertj.core.groups.Tuple.tuple(ResultType.DNSSEC_INVALID, 2L));
        assertThat(p.summary().totalFailureSessionCount()).isEqualTo(5);
        assertThat(p.summary().totalSuccessfulSessionCount()).isEqualTo(15);
        assertThat(p.policy().policyStrings()).containsExactly("3 1 1 ABCD");
    }

    @Test
    void totalFailuresOverridesTheSumWhenTypesOverlap() {
        PolicyResult p = header().noPolicyFound("example.org")
                .failure(ResultType.STARTTLS_NOT_SUPPORTED, "192.0.2.1", "mx.example.org", 2)
                .failure(ResultType.VALIDATION_FAILURE, "192.0.2.1", "mx.example.org", 2)
                .totalFailures(2).build().policies().get(0);
        assertThat(p.summary().totalFailureSessionCount()).isEqualTo(2);
        assertThat(p.failedSessionSum()).isEqualTo(4);
    }

    @Test
    void namesTheMissingMember() {
        assertThatThrownBy(() -> new ReportBuilder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("organization-name");
        assertThatThrownBy(() -> new ReportBuilder().organization("o").build())
                .hasMessageContaining("date-range");
        assertThatThrownBy(() -> new ReportBuilder().organization("o").day(LocalDate.EPOCH).build())
                .hasMessageContaining("contact-info");
        assertThatThrownBy(() -> new ReportBuilder().organization("o").day(LocalDate.EPOCH).contact("c").build())
                .hasMessageContaining("report-id");
        assertThatThrownBy(() -> header().success(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no policy yet");
    }

    @Test
    void refusesWhatStrictParsingWouldFlag() {
        ReportBuilder b = header().stsPolicy("example.com", "mode: enforce");
        assertThatThrownBy(() -> b.failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.01", "mx", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sending-mta-ip");
        assertThatThrownBy(() -> b.failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx", 1,
                d -> d.receivingIp("fe80::1%eth0"))).hasMessageContaining("receiving-ip");
        assertThatThrownBy(() -> b.failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx", 1,
                d -> d.additionalInformation("see the log"))).hasMessageContaining("additional-information");
        assertThatThrownBy(() -> b.failure(ResultType.UNKNOWN, "192.0.2.1", "mx", 1))
                .hasMessageContaining("not an RFC 8460 result type");
        assertThatThrownBy(() -> b.failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.policy(new Policy(PolicyType.UNKNOWN, "x", List.of(), "d", List.of())))
                .hasMessageContaining("not an RFC 8460 type");
        assertThatThrownBy(() -> b.policy(Policy.of(PolicyType.STS, List.of(), null, List.of())))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("policy-domain");
        assertThatThrownBy(() -> header().dateRange(Instant.EPOCH.plusSeconds(1), Instant.EPOCH))
                .hasMessageContaining("before start");
    }

    @Test
    void fileNameFollowsSection51() {
        ReportFileName rfc = ReportFileName.parse("mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz");
        assertThat(rfc).isEqualTo(new ReportFileName("mail.sndr.example.com", "example.net", 1470013207L,
                1470186007L, "001", ReportFileName.Extension.JSON_GZ));
        assertThat(rfc).hasToString("mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz");
        TlsReport r = header().stsPolicy("example.com", "mode: enforce").build();
        assertThat(ReportFileName.of(r, "mail.example", null, WriteOptions.defaults()))
                .hasToString("mail.example!example.com!1795737600!1795823999.json");
        assertThat(ReportFileName.of(r, "42", WriteOptions.defaults().withGzip(true)))
                .hasToString("mail.example!example.com!1795737600!1795823999!42.json.gz");
        assertThat(ReportFileName.parse("a.example!b.example!1!2.json").uniqueId()).isNull();
    }

    private static final WriteOptions GZIP = WriteOptions.defaults().withGzip(true);

    @Test
    void theExtensionFollowsTheWriteOptions() {
        assertThat(ReportFileName.Extension.of(WriteOptions.defaults())).isEqualTo(ReportFileName.Extension.JSON);
        assertThat(ReportFileName.Extension.of(GZIP.withPretty(true))).isEqualTo(ReportFileName.Extension.JSON_GZ);
        assertThat(ReportFileName.parse("a.example!b.example!1!2.json").extension())
                .isEqualTo(ReportFileName.Extension.JSON);
        assertThat(ReportFileName.Extension.JSON_GZ.wireName()).isEqualTo("json.gz");
    }

    @Test
    void fileNameRefusesWhatTheGrammarForbids() {
        TlsReport r = header().stsPolicy("example.com", "mode: enforce").build();
        assertThatThrownBy(() -> ReportFileName.of(r, "mail.example", "0-1", GZIP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters and digits");
        assertThatThrownBy(() -> ReportFileName.of(r, "mail!example", null, GZIP))
                .hasMessageContaining("sender must be a domain name");
        assertThatThrownBy(() -> ReportFileName.of(header().build(), "mail.example", null, GZIP))
                .hasMessageContaining("no policy-domain");
        assertThatThrownBy(() -> ReportFileName.parse("report.json")).hasMessageContaining("not an RFC 8460");
        assertThatThrownBy(() -> ReportFileName.parse("a!b!1!2!x.zip")).hasMessageContaining("not an RFC 8460");
        assertThatThrownBy(() -> new ReportFileName("a", "b", -1, 0, null, ReportFileName.Extension.JSON))
                .hasMessageContaining("begin < 0");
        assertThatThrownBy(() -> new ReportFileName("a", "b", 1, 2, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("extension");
    }
}
