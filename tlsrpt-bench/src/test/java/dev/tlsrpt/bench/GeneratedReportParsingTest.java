package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generated reports through tlsrpt-java itself. */
class GeneratedReportParsingTest {

    @Test
    void aGeneratedReportParsesInStrictModeWithEverythingTheGeneratorWrote() throws IOException {
        ReportFiles.Report plain = ReportFiles.get("10KB", false);
        ParseResult result = TlsRpt.parseWithDeviations(Files.readAllBytes(plain.path()), ParseOptions.strict());
        TlsReport report = result.report();
        assertThat(result.deviations()).isEmpty();
        assertThat(report.policies()).hasSize((int) plain.stats().policies());
        assertThat(report.policies().stream().mapToLong(p -> p.failureDetails().size()).sum())
                .isEqualTo(plain.stats().failureDetails());
        Set<ResultType> types = EnumSet.noneOf(ResultType.class);
        report.policies().forEach(p -> p.failureDetails().forEach(d -> types.add(d.resultType())));
        assertThat(types).containsAll(EnumSet.complementOf(EnumSet.of(ResultType.UNKNOWN)));
        assertThat(report.policies()).extracting(p -> p.policy().policyType())
                .contains(PolicyType.STS, PolicyType.TLSA, PolicyType.NO_POLICY_FOUND)
                .doesNotContain(PolicyType.UNKNOWN);
        assertThat(report.policies()).allSatisfy(p -> assertThat(p.failedSessionSum())
                .isEqualTo(p.summary().totalFailureSessionCount()));
    }

    @Test
    void streamAndParseReadWhatTheGeneratorWroteAndMatchDatabind() throws IOException {
        ReportFiles.Report gzip = ReportFiles.get("10KB", true);
        byte[] bytes = Files.readAllBytes(gzip.path());
        Readers.CountingVisitor visitor = new Readers.CountingVisitor();
        TlsRpt.stream(new ByteArrayInputStream(bytes), Readers.OPTIONS, visitor);
        assertThat(visitor.headers).isOne();
        assertThat(visitor.policies).isEqualTo(gzip.stats().policies());
        assertThat(visitor.failureDetails).isEqualTo(gzip.stats().failureDetails());
        assertThat(visitor.deviations).isZero();
        assertThat(Readers.stream(new ByteArrayInputStream(bytes))).isEqualTo(visitor.calls + visitor.sessions);
        assertThat(Readers.stream(new ByteArrayInputStream(bytes), Readers.OPTIONS.withParallelInflateThreshold(0)))
                .isEqualTo(visitor.calls + visitor.sessions);

        TlsReport report = Readers.parse(new ByteArrayInputStream(bytes));
        PlainRecords.Report records = Readers.readRecords(Readers.gunzip(new ByteArrayInputStream(bytes)));
        assertThat(report.reportId()).isEqualTo(records.reportId());
        assertThat(report.dateRange().start()).isEqualTo(records.dateRange().start());
        assertThat(report.policies()).hasSameSizeAs(records.policies());
        for (int i = 0; i < report.policies().size(); i++) {
            var ours = report.policies().get(i);
            var theirs = records.policies().get(i);
            assertThat(ours.policy().policyDomain()).isEqualTo(theirs.policy().policyDomain());
            assertThat(ours.summary().totalFailureSessionCount())
                    .isEqualTo(theirs.summary().totalFailureSessionCount());
            List<String> ips = new ArrayList<>();
            ours.failureDetails().forEach(d -> ips.add(d.sendingMtaIp()));
            List<String> theirIps = new ArrayList<>();
            if (theirs.failureDetails() != null) {
                theirs.failureDetails().forEach(d -> theirIps.add(d.sendingMtaIp()));
            }
            assertThat(ips).isEqualTo(theirIps);
        }
    }

    @Test
    void aTenMegabyteReportStreamsInASixteenMegabyteHeap() throws IOException, InterruptedException {
        ReportFiles.Report gzip = ReportFiles.get("10MB", true);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                "-D" + ReportFiles.DIR_PROPERTY + "=" + ReportFiles.directory(),
                StreamHeapMain.class.getName(), "10MB", "gzip")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("RESULT bytes=(\\d+) policies=(\\d+) failureDetails=(\\d+) peakHeapBytes=(\\d+)")
                .matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(gzip.stats().bytes());
        assertThat(Long.parseLong(m.group(3))).isEqualTo(gzip.stats().failureDetails());
        assertThat(Long.parseLong(m.group(4))).isPositive().isLessThanOrEqualTo(16L * 1024 * 1024);
    }
}
