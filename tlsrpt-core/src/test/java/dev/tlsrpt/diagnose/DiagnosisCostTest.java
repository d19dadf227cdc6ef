package dev.tlsrpt.diagnose;

import static dev.tlsrpt.hostile.HostileReports.detail;
import static dev.tlsrpt.hostile.HostileReports.manyPatternsAndDetails;
import static dev.tlsrpt.hostile.HostileReports.stsReport;
import static dev.tlsrpt.hostile.HostileStreams.MIB;
import static dev.tlsrpt.hostile.HostileStreams.allocatedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What diagnosing costs (issue 13, item 1): a report whose policy-string holds thousands of mx lines and
 * thousands of failure details used to cost patterns x details in time and memory (every finding's text
 * listed every pattern, and the policy-string was read again for each failure detail). The cost must grow
 * with the report, not with a product of its parts; tested by how allocation and output grow when the
 * report doubles (a hang guard only bounds the wall clock).
 */
class DiagnosisCostTest {

    /** The bytes allocated while diagnosing and rendering, the characters written, the findings. */
    record Cost(long allocated, long outputChars, int findings) {
    }

    static Cost cost(String json) {
        ParseResult parsed = TlsRpt.parseWithDeviations(json, ParseOptions.lenient());
        long before = allocatedBytes();
        Diagnosis d = TlsRpt.diagnose(parsed);
        long chars = d.toText().length() + d.toJson().length();
        return new Cost(allocatedBytes() - before, chars, d.findings().size());
    }

    @Test
    void doublingPatternsAndDetailsDoublesTheCostInsteadOfQuadruplingIt() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            cost(manyPatternsAndDetails(500, 150)); // warm-up
            Cost small = cost(manyPatternsAndDetails(1000, 300));
            Cost large = cost(manyPatternsAndDetails(2000, 600));

            // per detail its failure finding (an odd one with its MX host outside the policy), and one finding
            // for all the deviations (each detail's unknown result type, each even detail's missing MX host)
            assertThat(small.findings()).isEqualTo(300 + 1);
            assertThat(large.findings()).isEqualTo(600 + 1);
            double allocation = (double) large.allocated() / small.allocated();
            double output = (double) large.outputChars() / small.outputChars();
            String figures = String.format("2000 x 600 over 1000 x 300: allocation %.2f (%,d / %,d bytes),"
                    + " output %.2f (%,d / %,d chars)", allocation, large.allocated(), small.allocated(), output,
                    large.outputChars(), small.outputChars());
            assertThat(output).as("output growth when the report doubles, %s", figures).isBetween(1.8, 2.5);
            assertThat(allocation).as("allocation growth when the report doubles, %s", figures).isBetween(1.5, 2.8);
        });
    }

    @Test
    void theAmplifierOfIssue13IsDiagnosedInMemoryOfTheOrderOfTheReport() {
        String json = manyPatternsAndDetails(9_990, 3_000);
        int reportBytes = json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(reportBytes).isBetween(600_000, 700_000);

        Cost c = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cost(json),
                "no diagnosis within the hang guard");

        String figures = String.format("a %,d-byte report with 9,990 mx lines and 3,000 details: %,d bytes"
                + " allocated, %,d characters of text and JSON", reportBytes, c.allocated(), c.outputChars());
        assertThat(c.findings()).isEqualTo(3_000 + 1);
        assertThat(c.outputChars()).as("text and JSON, %s", figures).isLessThan(40L * reportBytes);
        assertThat(c.allocated()).as("bytes allocated, %s", figures).isLessThan(320 * MIB);
    }

    @Test
    void everyFindingsTextIsBoundedAndSaysHowManyMorePatternsThereAre() {
        Diagnosis d = TlsRpt.diagnose(TlsRpt.parseWithDeviations(manyPatternsAndDetails(9_990, 4),
                ParseOptions.lenient()));

        for (Finding f : d.findings()) {
            assertThat(f.title().length() + f.explanation().length() + f.action().length())
                    .as("texts of %s", f.kind()).isLessThan(3_000);
            if (f.mxHost() != null) {
                assertThat(f.mxHost().length()).as("mx host of %s", f.kind()).isLessThan(300);
            }
        }
        Finding fromPolicy = d.findings().stream()
                .filter(f -> f.mxHostSource() == MxHostSource.POLICY_MX_PATTERNS).findFirst().orElseThrow();
        assertThat(fromPolicy.mxHost()).isEqualTo("mx1.example.net, mx2.example.net, mx3.example.net,"
                + " mx4.example.net, mx5.example.net and 9985 more");
        assertThat(fromPolicy.explanation()).contains("mx1.example.net, mx2.example.net, mx3.example.net,"
                + " mx4.example.net, mx5.example.net and 9985 more are the MX patterns of the policy");
        Finding outside = d.findings().stream().filter(Finding::mxHostOutsidePolicy).findFirst().orElseThrow();
        assertThat(outside.explanation()).contains("matches none of the mx patterns of the policy"
                + " (mx1.example.net, mx2.example.net, mx3.example.net, mx4.example.net, mx5.example.net and"
                + " 9985 more)");
    }

    @Test
    void aHostMatchingOnlyThe9999thPatternIsInsideThePolicy() {
        List<String> lines = new ArrayList<>(); // 10,000 lines: the most maxListLength lets through
        lines.add("mode: enforce");
        for (int i = 1; i <= 9_999; i++) {
            lines.add("mx: " + (i == 9_999 ? "*.pool.example.net" : "mx" + i + ".example.net"));
        }
        List<String> details = List.of(
                detail("certificate-expired", "a.pool.example.net", null),
                detail("certificate-expired", "MX9998.Example.NET.", null),
                detail("certificate-expired", "b.a.pool.example.net", null),
                detail("certificate-expired", "pool.example.net", null),
                detail("certificate-expired", "outside.example.org", null));
        ParseResult parsed = TlsRpt.parseWithDeviations(stsReport("Sender", "example.net", lines, details),
                ParseOptions.lenient());
        Policy policy = parsed.report().policies().get(0).policy();

        assertThat(policy.mxPatterns()).hasSize(9_999).last().isEqualTo("*.pool.example.net");
        assertThat(policy.matchesMx("a.pool.example.net")).isTrue();
        assertThat(policy.matchesMx("A.POOL.example.net.")).isTrue();
        assertThat(policy.matchesMx("MX9998.Example.NET.")).isTrue();
        assertThat(policy.matchesMx("mx1.example.net")).isTrue();
        assertThat(policy.matchesMx("b.a.pool.example.net")).as("a *. pattern matches one label").isFalse();
        assertThat(policy.matchesMx("pool.example.net")).isFalse();
        assertThat(policy.matchesMx("mx9999.example.net")).isFalse();
        Diagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TlsRpt.diagnose(parsed));
        assertThat(d.findings().stream().filter(Finding::mxHostOutsidePolicy).map(Finding::mxHost)).containsExactly("b.a.pool.example.net", "pool.example.net",
                        "outside.example.org");
    }

    @Test
    void longSenderValuesAreQuotedOnceAsExcerptsNotOncePerFinding() {
        // a 1 MB organization name and policy domain and 2,000 failure details with their own result types:
        // quoting the whole values in every finding would write gigabytes
        String big = "a".repeat(1_000_000);
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            details.add(detail("x-unknown-" + i, "mx.example.net", null));
        }
        String json = stsReport(big, big, List.of("version: STSv1", "mode: enforce", "mx: mx.example.net"), details);

        Cost c = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cost(json),
                "no diagnosis within the hang guard");

        assertThat(c.findings()).isEqualTo(2_000 + 1);
        assertThat(c.outputChars()).as("text and JSON").isLessThan(16L * json.length());
        assertThat(c.allocated()).as("bytes allocated").isLessThan(256 * MIB);
    }
}
