package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of docs/writing.md, as written there, with the results the comments promise. */
class ReadmeWritingTest {

    @Test
    void writingExampleDoesWhatTheReadmeSays() throws IOException {
        TlsReport report = new ReportBuilder()
                .organization("Example Mail")
                .contact("tlsrpt@mail.example")
                .reportId("2026-11-27_example.com")
                .day(LocalDate.of(2026, 11, 27))
                .stsPolicy("example.com", "version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 86400")
                .success(4821)
                .failure(ResultType.CERTIFICATE_EXPIRED, "192.0.2.10", "mx1.example.com", 3)
                .noPolicyFound("example.org")
                .success(17)
                .build();
        WriteOptions gzip = WriteOptions.defaults().withGzip(true);
        String name = ReportFileName.of(report, "001", gzip).toString();
        assertThat(name).isEqualTo("mail.example!example.com!1795737600!1795823999!001.json.gz");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        TlsRpt.write(report, plain);
        assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo(WriterTest.EXPECTED);

        PolicyResult first = report.policies().get(0);
        Policy policy = first.policy();
        List<FailureDetail> failures = first.failureDetails();
        ReportHeader header = report.header();
        var range = header.dateRange();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter w = TlsRpt.writer(out)) {
            w.header(new ReportHeader("Example Mail", range, "tlsrpt@mail.example", "2026-11-27_example.com"));
            w.policy(policy, new Summary(4821, 3));
            for (FailureDetail d : failures) {
                w.failureDetail(d);
            }
            w.finish();
        }
        assertThat(WriterTest.EXPECTED).startsWith(out.toString(StandardCharsets.UTF_8).replace("]}]}", ""));
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\"failed-session-count\":3}]}]}");
    }
}
