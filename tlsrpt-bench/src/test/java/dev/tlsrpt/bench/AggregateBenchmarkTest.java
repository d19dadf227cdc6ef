package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregate benchmark's reports and methods give the right values; nothing here is timed. */
class AggregateBenchmarkTest {

    @Test
    void theMailboxHasOneReportPerReporterDomainAndDayEachSmallAndStrictlyValid() {
        List<byte[]> json = AggregateBenchmark.mailbox(250);
        Set<String> ids = new HashSet<>();
        long withFailures = 0;
        for (int i = 0; i < json.size(); i++) {
            TlsReport r = TlsRpt.parse(json.get(i), ParseOptions.strict());
            assertThat(json.get(i).length).isBetween(400, 2_500);
            assertThat(r.organizationName()).isEqualTo("Reporter " + i % AggregateBenchmark.REPORTERS);
            assertThat(r.policies()).hasSize(1);
            assertThat(r.policies().get(0).policy().policyDomain())
                    .isEqualTo("domain" + (i / AggregateBenchmark.REPORTERS) % AggregateBenchmark.DOMAINS + ".example");
            LocalDate day = ReportGenerator.MAILBOX_FIRST_DAY.plusDays(
                    i / (AggregateBenchmark.REPORTERS * AggregateBenchmark.DOMAINS));
            assertThat(r.dateRange().start()).hasToString(day + "T00:00:00Z");
            assertThat(ids.add(r.reportId())).as("report-id %s unique", r.reportId()).isTrue();
            withFailures += r.policies().get(0).failureDetails().isEmpty() ? 0 : 1;
        }
        assertThat(withFailures).isBetween(25L, 75L); // one in five, of 250
        assertThat(AggregateBenchmark.mailboxReport(7)).isEqualTo(json.get(7));
    }

    @Test
    void oneThreadAndTwoThreadsMergingGiveTheSameAggregate() {
        AggregateBenchmark b = new AggregateBenchmark();
        b.reports = 300;
        b.setUp();
        try {
            ReportAggregate one = b.oneThread();
            ReportAggregate two = assertTimeout(b);
            assertThat(one.reports()).isEqualTo(300);
            assertThat(one.duplicates()).isZero();
            assertThat(two.summary().toJson()).isEqualTo(one.summary().toJson());
            AggregateBenchmark.Halves halves = new AggregateBenchmark.Halves();
            halves.copy(b);
            assertThat(b.mergeHalves(halves).summary().toJson()).isEqualTo(one.summary().toJson());
            halves.copy(b);
            assertThat(b.mergeHalves(halves).reports()).isEqualTo(300); // a fresh copy each time
            AggregateSummary s = b.summary();
            assertThat(s.toJson()).isEqualTo(one.summary().toJson());
            assertThat(s.domains()).hasSize(AggregateBenchmark.DOMAINS);
            assertThat(s.reporters()).hasSize(AggregateBenchmark.REPORTERS);
            assertThat(b.parse()).isEqualTo(300);
        } finally {
            b.tearDown();
        }
    }

    private static ReportAggregate assertTimeout(AggregateBenchmark b) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                b::twoThreadsMerging);
    }

    @Test
    void theHeapMainCountsCopiesAsDuplicates() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<AggregateHeapMain.Step> steps = AggregateHeapMain.run(new int[] {100, 200},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(steps).extracting(AggregateHeapMain.Step::added).containsExactly(100L, 200L, 400L);
        assertThat(steps).extracting(AggregateHeapMain.Step::reports).containsExactly(100L, 200L, 200L);
        assertThat(steps).extracting(AggregateHeapMain.Step::duplicates).containsExactly(0L, 0L, 200L);
        assertThat(steps.get(2).keys()).isEqualTo(steps.get(1).keys());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("RESULT added=100 reports=100 duplicates=0 heapBytes=");
    }
}
