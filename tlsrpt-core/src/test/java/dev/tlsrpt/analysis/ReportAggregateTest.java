package dev.tlsrpt.analysis;

import static dev.tlsrpt.analysis.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReportAggregateTest {

    private static final String DOMAIN = "example.com";
    private static final String MX = "mx.example.com";

    static ReportAggregate of(TlsReport... reports) {
        ReportAggregate a = ReportAggregate.create();
        for (TlsReport r : reports) {
            a.add(r);
        }
        return a;
    }

    static String state(ReportAggregate a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            a.save(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    private static DomainSummary onlyDomain(AggregateSummary s) {
        assertThat(s.domains()).hasSize(1);
        return s.domains().get(0);
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void theSameReportAddedThreeTimesCountsOnceAndTwoDuplicates() {
        TlsReport r = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(100)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 3).build();
        ReportAggregate a = of(r, r, r);

        assertThat(a.reports()).isEqualTo(1);
        assertThat(a.duplicates()).isEqualTo(2);
        AggregateSummary s = a.summary();
        assertThat(s.reports()).isEqualTo(1);
        assertThat(s.duplicates()).isEqualTo(2);
        DomainSummary d = onlyDomain(s);
        assertThat(d.successfulSessions()).isEqualTo(100);
        assertThat(d.failedSessions()).isEqualTo(3);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.failedSessions()).isEqualTo(3);
            assertThat(f.reports()).isEqualTo(1);
        });
        assertThat(state(a)).contains("\"copies\":3").isEqualTo(state(of(r)).replace("\"copies\":1", "\"copies\":3"));
    }

    @Test
    void ofTwoDifferingCopiesTheOneWithTheSmallerDigestIsKeptWhateverTheOrder() {
        TlsReport small = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(100).build();
        TlsReport large = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(250)
                .fail(ResultType.STARTTLS_NOT_SUPPORTED, MX, 7).build();
        boolean smallWins = ReportAggregate.digest(small).compareTo(ReportAggregate.digest(large)) < 0;
        TlsReport kept = smallWins ? small : large;

        ReportAggregate ab = of(small, large);
        ReportAggregate ba = of(large, small);

        assertThat(state(ab)).isEqualTo(state(ba));
        assertThat(ab.summary().toJson()).isEqualTo(ba.summary().toJson());
        assertThat(ab.reports()).isEqualTo(1);
        assertThat(ab.duplicates()).isEqualTo(1);
        DomainSummary d = onlyDomain(ab.summary());
        assertThat(d.successfulSessions()).isEqualTo(kept.policies().get(0).summary().totalSuccessfulSessionCount());
        assertThat(d.findings()).hasSize(smallWins ? 0 : 1);
        // the kept copy alone: the same sessions and findings as an aggregate of that copy, plus one duplicate
        assertThat(d).isEqualTo(onlyDomain(of(kept).summary()));
        assertThat(ab.keys()).isEqualTo(of(kept).keys());
    }

    @Test
    void aDifferingCopyThatWinsReplacesTheKeptCountsInsteadOfAddingToThem() {
        // three copies of one report, fed in all six orders: always the same single set of counts
        List<TlsReport> copies = List.of(
                report("Org", "x", "2026-11-01").sts(DOMAIN, "testing").ok(1).build(),
                report("Org", "x", "2026-11-01").sts(DOMAIN, "testing").ok(2).build(),
                report("Org", "x", "2026-11-02").sts("other.example", "testing").ok(3).build());
        String expected = null;
        for (List<Integer> order : List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
                List.of(2, 0, 1), List.of(2, 1, 0))) {
            ReportAggregate a = ReportAggregate.create();
            for (int i : order) {
                a.add(copies.get(i));
            }
            AggregateSummary s = a.summary();
            assertThat(s.reports()).isEqualTo(1);
            assertThat(s.duplicates()).isEqualTo(2);
            assertThat(s.domains()).hasSize(1);
            assertThat(s.domains().get(0).successfulSessions()).isBetween(1L, 3L);
            assertThat(a.keys()).isEqualTo(2);
            if (expected == null) {
                expected = state(a);
            }
            assertThat(state(a)).isEqualTo(expected);
        }
    }

    @Test
    void reportsOfDifferentOrganizationsWithTheSameReportIdAreDifferentReports() {
        ReportAggregate a = of(report("Google", "same", "2026-11-01").sts(DOMAIN, "enforce").ok(1).build(),
                report("Microsoft", "same", "2026-11-01").sts(DOMAIN, "enforce").ok(1).build());

        assertThat(a.reports()).isEqualTo(2);
        assertThat(a.duplicates()).isZero();
        assertThat(onlyDomain(a.summary()).successfulSessions()).isEqualTo(2);
    }

    @Test
    void reportsWithABlankReportIdAreNeverDeduplicated() {
        TlsReport noId = withReportId(report("Postfix", "ignored", "2026-11-01").sts(DOMAIN, "enforce").ok(5)
                .build(), "");
        TlsReport other = withReportId(report("Postfix", "ignored", "2026-11-01").sts(DOMAIN, "enforce").ok(7)
                .build(), " ");
        ReportAggregate a = of(noId, noId, other);

        assertThat(a.reports()).isEqualTo(3);
        assertThat(a.duplicates()).isZero();
        AggregateSummary s = a.summary();
        assertThat(s.reports()).isEqualTo(3);
        assertThat(onlyDomain(s).successfulSessions()).isEqualTo(5 + 5 + 7);
        assertThat(onlyDomain(s).days()).containsExactly(new DaySummary(day("2026-11-01"), 3, 17, 0));
        assertThat(s.reporters()).containsExactly(
                new ReporterSummary("Postfix", 3, day("2026-11-01"), day("2026-11-01"), false));
        // identical copies share one entry that counts them
        assertThat(state(a)).contains("\"report-id\":null,").contains("\"copies\":2");
        assertThat(a.keys()).isEqualTo(4);
    }

    @Test
    void reportsWithoutReportIdAreKeptLikeThoseWithABlankOneUnderADigestOfTheirOwn() {
        TlsReport missing = withReportId(report("Postfix", "ignored", "2026-11-01").sts(DOMAIN, "enforce").ok(5)
                .build(), null);
        TlsReport blank = withReportId(missing, "");
        ReportAggregate a = of(missing, missing, blank);

        assertThat(a.reports()).isEqualTo(3);
        assertThat(a.duplicates()).isZero();
        assertThat(onlyDomain(a.summary()).successfulSessions()).isEqualTo(5 + 5 + 5);
        // the two copies without report-id share one entry; the blank one, otherwise equal, has another
        String state = state(a);
        assertThat(state).contains("\"copies\":2");
        assertThat(state.split("\"digest\":", -1)).hasSize(3);
        assertThat(ReportAggregate.digest(missing)).isNotEqualTo(ReportAggregate.digest(blank))
                .isEqualTo(ReportAggregate.digest(withReportId(missing, null)));
    }

    @Test
    void aParseResultAddsItsReport() {
        TlsReport r = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(9).build();
        ReportAggregate a = ReportAggregate.create();
        a.add(new ParseResult(r, List.of()));
        a.add(r);

        assertThat(a.reports()).isEqualTo(1);
        assertThat(a.duplicates()).isEqualTo(1);
        assertThat(state(a)).isEqualTo(state(of(r, r)));
    }

    // ---------------------------------------------------------------- per domain

    @Test
    void eachDomainHasItsTotalsAndADaySeriesByTheUtcDayOfStartDatetime() {
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(100)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, 4).build(),
                report("Microsoft", "m1", "2026-11-01").sts(DOMAIN, "enforce").ok(50).build(),
                report("Google", "g3", "2026-11-03").sts(DOMAIN, "enforce").ok(80).sts("other.example", "none")
                        .ok(5).build());
        AggregateSummary s = a.summary();

        assertThat(s.start()).isEqualTo(day("2026-11-01"));
        assertThat(s.end()).isEqualTo(day("2026-11-03"));
        assertThat(s.domains()).extracting(DomainSummary::policyDomain).containsExactly(DOMAIN, "other.example");
        DomainSummary d = s.domains().get(0);
        assertThat(d.reports()).isEqualTo(3);
        assertThat(d.successfulSessions()).isEqualTo(230);
        assertThat(d.failedSessions()).isEqualTo(4);
        assertThat(d.failureShare()).isEqualTo(4.0 / 234);
        assertThat(d.days()).containsExactly(
                new DaySummary(day("2026-11-01"), 2, 150, 4),
                new DaySummary(day("2026-11-03"), 1, 80, 0));
        assertThat(d.reporters()).containsExactly(new Tally("Google", 2, 180, 4), new Tally("Microsoft", 1, 50, 0));
        assertThat(s.domains().get(1).days()).containsExactly(new DaySummary(day("2026-11-03"), 1, 5, 0));
    }

    @Test
    void aReportIsFiledUnderTheUtcDayItsStartDatetimeFallsOn() {
        TlsReport lateStart = new TlsReport("Org", new DateRange(Instant.parse("2026-11-01T23:30:00Z"),
                Instant.parse("2026-11-02T23:30:00Z")), null, "late", List.of(new PolicyResult(
                        Policy.of(PolicyType.NO_POLICY_FOUND, List.of(), DOMAIN, List.of()), new Summary(3, 0),
                        List.of())));

        assertThat(onlyDomain(of(lateStart).summary()).days()).extracting(DaySummary::date)
                .containsExactly(day("2026-11-01"));
    }

    @Test
    void failuresAreCountedPerMxHostAndResultTypeAndDomainNamesDifferingInCaseCountTogether() {
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-01").sts("Example.COM.", "enforce").ok(10)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "MX.example.com", 2)
                        .fail(ResultType.STARTTLS_NOT_SUPPORTED, "mx2.example.com", 5).build(),
                report("Yahoo", "y1", "2026-11-02").sts(DOMAIN, "enforce").ok(10)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com.", 1).build());
        DomainSummary d = onlyDomain(a.summary());

        assertThat(d.policyDomain()).isEqualTo(DOMAIN);
        assertThat(d.mxHosts()).containsExactly(new Tally(MX, 2, 0, 3), new Tally("mx2.example.com", 1, 0, 5));
        assertThat(d.resultTypes()).containsExactly(new Tally("certificate-expired", 2, 0, 3),
                new Tally("starttls-not-supported", 1, 0, 5));
        assertThat(d.findings()).extracting(AggregateFinding::resultTypeName, AggregateFinding::mxHost,
                AggregateFinding::failedSessions, AggregateFinding::reporters).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("starttls-not-supported", "mx2.example.com", 5L,
                                List.of("Google")),
                        org.assertj.core.groups.Tuple.tuple("certificate-expired", MX, 3L, List.of("Google", "Yahoo")));
    }

    // ---------------------------------------------------------------- findings across reports

    @Test
    void aProblemIsMergedOverReportsAndReportersWithFirstAndLastSeen() {
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-02").sts(DOMAIN, "enforce").ok(1)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, 3).build(),
                report("Microsoft", "m1", "2026-11-04").sts(DOMAIN, "enforce").ok(1)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, 5).build(),
                report("Google", "g2", "2026-11-05").sts(DOMAIN, "enforce").ok(1)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build());
        AggregateFinding f = onlyDomain(a.summary()).findings().get(0);

        assertThat(f.policyDomain()).isEqualTo(DOMAIN);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.resultType()).isEqualTo(ResultType.CERTIFICATE_EXPIRED);
        assertThat(f.mxHost()).isEqualTo(MX);
        assertThat(f.failedSessions()).isEqualTo(9);
        assertThat(f.reports()).isEqualTo(3);
        assertThat(f.reporters()).containsExactly("Google", "Microsoft");
        assertThat(f.firstSeen()).isEqualTo(day("2026-11-02"));
        assertThat(f.lastSeen()).isEqualTo(day("2026-11-05"));
        assertThat(f.status()).isEqualTo(FindingStatus.ONGOING);
        assertThat(f.singleReporter()).isFalse();
        assertThat(f.note()).isNull();
        assertThat(f.title()).isEqualTo("The certificate of mx.example.com has expired");
        assertThat(f.action()).startsWith("Renew the certificate of mx.example.com now");
    }

    @Test
    void aProblemIsResolvedWhenEveryReporterOfItLaterSentAReportForTheDomainWithoutIt() {
        TlsReport googleFails = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 3).build();
        TlsReport msFails = report("Microsoft", "m1", "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 2).build();
        TlsReport googleClean = report("Google", "g2", "2026-11-02").sts(DOMAIN, "enforce").ok(1).build();
        TlsReport msClean = report("Microsoft", "m2", "2026-11-03").sts(DOMAIN, "enforce").ok(1).build();
        TlsReport googleCleanSameDay = report("Google", "g1b", "2026-11-01").sts(DOMAIN, "enforce").ok(1).build();
        TlsReport googleCleanOtherDomain = report("Google", "g9", "2026-11-09").sts("other.example", "enforce")
                .ok(1).build();

        assertThat(status(googleFails)).isEqualTo(FindingStatus.ONGOING);
        assertThat(status(googleFails, googleClean)).isEqualTo(FindingStatus.RESOLVED);
        assertThat(status(googleFails, msFails, googleClean)).isEqualTo(FindingStatus.ONGOING);
        assertThat(status(googleFails, msFails, googleClean, msClean)).isEqualTo(FindingStatus.RESOLVED);
        // a clean report of the same day, or for another domain, says nothing about the problem going away
        assertThat(status(googleFails, googleCleanSameDay)).isEqualTo(FindingStatus.ONGOING);
        assertThat(status(googleFails, googleCleanOtherDomain)).isEqualTo(FindingStatus.ONGOING);
        // a problem seen again after a clean report is ongoing
        TlsReport googleFailsAgain = report("Google", "g3", "2026-11-04").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build();
        assertThat(status(googleFails, googleClean, googleFailsAgain)).isEqualTo(FindingStatus.ONGOING);
    }

    private static FindingStatus status(TlsReport... reports) {
        DomainSummary d = of(reports).summary().domains().stream()
                .filter(x -> DOMAIN.equals(x.policyDomain())).findFirst().orElseThrow();
        assertThat(d.findings()).hasSize(1);
        return d.findings().get(0).status();
    }

    @Test
    void aProblemOnlyOneOfSeveralReportersSeesCarriesANote() {
        TlsReport google = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.VALIDATION_FAILURE, MX, 3).build();
        TlsReport microsoft = report("Microsoft", "m1", "2026-11-01").sts(DOMAIN, "enforce").ok(40).build();

        AggregateFinding alone = onlyDomain(of(google).summary()).findings().get(0);
        assertThat(alone.singleReporter()).as("no other reporter to compare with").isFalse();

        AggregateFinding f = onlyDomain(of(google, microsoft).summary()).findings().get(0);
        assertThat(f.singleReporter()).isTrue();
        assertThat(f.note()).isEqualTo("Only Google reports this problem while other reporters of the domain do not:"
                + " the fault may lie with that sender.");
    }

    @Test
    void theSeverityIsTheHighestOfTheOccurrencesAndTheTextsThoseOfTheMostSevereLatestOne() {
        // dane-required names the reporting organization in its title; testing mode gives WARNING
        TlsReport aDay1 = report("Alpha", "a1", "2026-11-01").tlsa(DOMAIN).ok(1)
                .fail(ResultType.DANE_REQUIRED, MX, 1).build();
        TlsReport bDay2 = report("Beta", "b1", "2026-11-02").tlsa(DOMAIN).ok(1)
                .fail(ResultType.DANE_REQUIRED, MX, 1).build();
        TlsReport bDay1 = report("Beta", "b0", "2026-11-01").tlsa(DOMAIN).ok(1)
                .fail(ResultType.DANE_REQUIRED, MX, 1).build();
        TlsReport aDay2 = report("Alpha", "a2", "2026-11-02").tlsa(DOMAIN).ok(1)
                .fail(ResultType.DANE_REQUIRED, MX, 1).build();

        assertThat(onlyDomain(of(aDay1, bDay2).summary()).findings().get(0).title()).startsWith("Beta requires DANE");
        assertThat(onlyDomain(of(bDay2, aDay1).summary()).findings().get(0).title()).startsWith("Beta requires DANE");
        assertThat(onlyDomain(of(bDay1, aDay2).summary()).findings().get(0).title()).startsWith("Alpha requires DANE");
        // on the same day: the smaller title
        assertThat(onlyDomain(of(bDay2, aDay2).summary()).findings().get(0).title()).startsWith("Alpha requires DANE");

        TlsReport testing = report("Google", "g1", "2026-11-05").sts(DOMAIN, "testing").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build();
        TlsReport enforce = report("Google", "g0", "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build();
        assertThat(onlyDomain(of(testing).summary()).findings().get(0).severity()).isEqualTo(Severity.WARNING);
        AggregateFinding both = onlyDomain(of(testing, enforce).summary()).findings().get(0);
        assertThat(both.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(both.lastSeen()).isEqualTo(day("2026-11-05"));
        assertThat(both.action()).isEqualTo(TlsRpt.diagnose(enforce).findings().get(0).action());
    }

    @Test
    void findingsAreSortedBySeverityThenStatusThenFailedSessions() {
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-01").sts(DOMAIN, "testing").ok(1)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx1.example.com", 50)
                        .fail(ResultType.CERTIFICATE_NOT_TRUSTED, "mx2.example.com", 5)
                        .fail(ResultType.VALIDATION_FAILURE, "mx3.example.com", 9).build(),
                report("Google", "g2", "2026-11-02").sts(DOMAIN, "testing").ok(1)
                        .fail(ResultType.CERTIFICATE_NOT_TRUSTED, "mx2.example.com", 5)
                        .fail(ResultType.VALIDATION_FAILURE, "mx3.example.com", 1).build(),
                report("Google", "g3", "2026-11-02").tlsa(DOMAIN).ok(1)
                        .fail(ResultType.TLSA_INVALID, "mx4.example.com", 1).build());

        assertThat(onlyDomain(a.summary()).findings()).extracting(AggregateFinding::resultTypeName,
                AggregateFinding::severity, AggregateFinding::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tlsa-invalid", Severity.CRITICAL, FindingStatus.ONGOING),
                        org.assertj.core.groups.Tuple.tuple("certificate-not-trusted", Severity.WARNING,
                                FindingStatus.ONGOING),
                        org.assertj.core.groups.Tuple.tuple("validation-failure", Severity.WARNING,
                                FindingStatus.ONGOING),
                        org.assertj.core.groups.Tuple.tuple("certificate-expired", Severity.WARNING,
                                FindingStatus.RESOLVED));
    }

    // ---------------------------------------------------------------- reporters

    @Test
    void aReporterIsSilentWhenItSentNothingOnTheLastTwoDaysWhileOthersKeptReporting() {
        ReportAggregate a = ReportAggregate.create();
        for (int d = 1; d <= 10; d++) {
            a.add(report("Google", "g" + d, "2026-11-%02d".formatted(d)).sts(DOMAIN, "enforce").ok(1).build());
        }
        a.add(report("Seven", "s", "2026-11-07").sts(DOMAIN, "enforce").ok(1).build());
        a.add(report("Eight", "e", "2026-11-08").sts(DOMAIN, "enforce").ok(1).build());
        a.add(report("Nine", "n", "2026-11-09").sts(DOMAIN, "enforce").ok(1).build());

        assertThat(a.summary().reporters()).containsExactly(
                new ReporterSummary("Eight", 1, day("2026-11-08"), day("2026-11-08"), true),
                new ReporterSummary("Google", 10, day("2026-11-01"), day("2026-11-10"), false),
                new ReporterSummary("Nine", 1, day("2026-11-09"), day("2026-11-09"), false),
                new ReporterSummary("Seven", 1, day("2026-11-07"), day("2026-11-07"), true));
        // with an until date the period ends there: everyone but the latest reporter has been silent
        assertThat(a.summary(null, day("2026-11-20")).reporters()).extracting(ReporterSummary::silent)
                .containsExactly(true, false, true, true);
        // until the 9th: Seven is two days quiet, Eight one
        assertThat(a.summary(null, day("2026-11-09")).reporters()).extracting(ReporterSummary::silent)
                .containsExactly(false, false, false, true);
    }

    @Test
    void aLoneReporterOrReportersThatAllStoppedTogetherAreNotSilent() {
        ReportAggregate a = of(report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(1).build(),
                report("Yahoo", "y1", "2026-11-01").sts(DOMAIN, "enforce").ok(1).build());

        assertThat(a.summary(null, day("2026-11-30")).reporters()).extracting(ReporterSummary::silent)
                .containsExactly(false, false);
    }

    // ---------------------------------------------------------------- since / until

    @Test
    void sinceAndUntilKeepTheReportsOfThoseDaysBothInclusive() {
        ReportAggregate a = ReportAggregate.create();
        for (int d = 1; d <= 5; d++) {
            var b = report("Google", "g" + d, "2026-11-0" + d).sts(DOMAIN, "enforce").ok(d * 10L);
            if (d == 3) {
                b.fail(ResultType.CERTIFICATE_EXPIRED, MX, 1);
            }
            a.add(b.build());
        }
        a.add(report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(10).build());

        AggregateSummary all = a.summary();
        assertThat(all.reports()).isEqualTo(5);
        assertThat(all.duplicates()).isEqualTo(1);
        assertThat(onlyDomain(all).findings().get(0).status()).isEqualTo(FindingStatus.RESOLVED);

        AggregateSummary mid = a.summary(day("2026-11-02"), day("2026-11-04"));
        assertThat(mid.reports()).isEqualTo(3);
        assertThat(mid.duplicates()).as("the duplicate belongs to the 1st").isZero();
        assertThat(mid.start()).isEqualTo(day("2026-11-02"));
        assertThat(mid.end()).isEqualTo(day("2026-11-04"));
        DomainSummary d = onlyDomain(mid);
        assertThat(d.days()).extracting(DaySummary::date).containsExactly(day("2026-11-02"), day("2026-11-03"),
                day("2026-11-04"));
        assertThat(d.successfulSessions()).isEqualTo(20 + 30 + 40);
        assertThat(d.findings().get(0).status()).isEqualTo(FindingStatus.RESOLVED);

        AggregateSummary upTo3 = a.summary(null, day("2026-11-03"));
        assertThat(upTo3.start()).isEqualTo(day("2026-11-01"));
        assertThat(onlyDomain(upTo3).findings().get(0).status()).as("the clean 4th is outside").isEqualTo(
                FindingStatus.ONGOING);

        AggregateSummary from4 = a.summary(day("2026-11-04"), null);
        assertThat(onlyDomain(from4).findings()).isEmpty();
        assertThat(from4.end()).isEqualTo(day("2026-11-05"));

        AggregateSummary none = a.summary(day("2026-12-01"), null);
        assertThat(none.reports()).isZero();
        assertThat(none.domains()).isEmpty();
        assertThat(none.start()).isEqualTo(day("2026-12-01"));
        assertThat(none.end()).isNull();

        assertThatThrownBy(() -> a.summary(day("2026-11-05"), day("2026-11-04")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    }

    @Test
    void anEmptyAggregateSaysNothing() {
        AggregateSummary s = ReportAggregate.create().summary();

        assertThat(s).isEqualTo(new AggregateSummary(0, 0, null, null, List.of(), List.of()));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void theKeyLimitStopsAReportThatWouldPassItAndLeavesTheAggregateAsItWas() {
        TlsReport first = report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build();
        TlsReport second = report("Google", "g2", "2026-11-02").sts(DOMAIN, "enforce").ok(1)
                .fail(ResultType.CERTIFICATE_EXPIRED, MX, 1).build();
        ReportAggregate a = ReportAggregate.create(5);
        a.add(first);
        assertThat(a.keys()).isEqualTo(3);
        String before = state(a);

        assertThatThrownBy(() -> a.add(second)).isInstanceOfSatisfying(AggregateLimitException.class, e -> {
            assertThat(e.limit()).isEqualTo(5);
            assertThat(e).isInstanceOf(TlsRptException.class)
                    .hasMessage("keeping report \"g2\" of \"Google\" needs 3 keys, and the aggregate holds 3 of at "
                            + "most 5 (limit maxKeys)");
        });
        assertThat(state(a)).isEqualTo(before);
        assertThat(a.keys()).isEqualTo(3);
        a.add(first);
        assertThat(a.duplicates()).as("a duplicate needs no key").isEqualTo(1);

        ReportAggregate other = of(second);
        assertThatThrownBy(() -> a.merge(other)).isInstanceOf(AggregateLimitException.class)
                .hasMessage("the merged aggregate would hold 6 keys, more than 5 (limit maxKeys)");
        assertThat(state(a)).isEqualTo(before.replace("\"copies\":1", "\"copies\":2"));
        assertThatThrownBy(() -> ReportAggregate.create(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReportAggregate.create().maxKeys()).isEqualTo(ReportAggregate.DEFAULT_MAX_KEYS)
                .isEqualTo(1_000_000);
    }

    @Test
    void manyDistinctHostsFromOneSenderRunIntoTheLimit() {
        ReportAggregate a = ReportAggregate.create(1_000);
        assertThatThrownBy(() -> {
            for (int i = 0; ; i++) {
                a.add(report("Hostile", "h" + i, "2026-11-01").sts(DOMAIN, "enforce").ok(1)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx" + i + ".example.com", 1).build());
            }
        }).isInstanceOf(AggregateLimitException.class);
        assertThat(a.keys()).isEqualTo(999);
        assertThat(a.reports()).isEqualTo(333);
    }

    @Test
    void sumsSaturateAtLongMaxValue() {
        long max = Long.MAX_VALUE;
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-01").sts(DOMAIN, "enforce").ok(max)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, max).build(),
                report("Google", "g2", "2026-11-01").sts(DOMAIN, "enforce").ok(max).sts(DOMAIN, "enforce").ok(max)
                        .fail(ResultType.CERTIFICATE_EXPIRED, MX, max).build());
        TlsReport noId = withReportId(report("Anon", "x", "2026-11-01").sts(DOMAIN, "enforce").ok(max - 1).build(),
                "");
        a.add(noId);
        a.add(noId);
        DomainSummary d = onlyDomain(a.summary());

        assertThat(d.successfulSessions()).isEqualTo(max);
        assertThat(d.failedSessions()).isEqualTo(max);
        assertThat(d.days()).containsExactly(new DaySummary(day("2026-11-01"), 4, max, max));
        assertThat(d.findings().get(0).failedSessions()).isEqualTo(max);
        assertThat(d.reporters()).contains(new Tally("Anon", 2, max, 0));
        assertThat(SummaryCsv.share(max, max)).isEqualTo("0.5");
    }

    // ---------------------------------------------------------------- the corpus

    @Test
    void theCorpusCountsEachReportOnceHoweverManyFilesHoldIt() throws IOException {
        java.util.Set<List<String>> ids = new java.util.HashSet<>();
        int files = 0;
        ReportAggregate all = ReportAggregate.create();
        java.util.Map<String, ReportAggregate> perDirectory = new java.util.TreeMap<>();
        java.nio.file.Path root = java.nio.file.Path.of("src", "test", "resources", "corpus");
        List<java.nio.file.Path> paths;
        try (var walk = java.nio.file.Files.walk(root)) {
            paths = walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .filter(p -> !p.getFileName().toString().equals("EXPECTED.json"))
                    .filter(p -> !p.toString().contains("invalid")).sorted().toList();
        }
        for (java.nio.file.Path p : paths) {
            TlsReport r = TlsRpt.parse(p, ParseOptions.lenient());
            files++;
            ids.add(List.of(r.organizationName(), r.reportId()));
            all.add(r);
            perDirectory.computeIfAbsent(p.getParent().toString(), k -> ReportAggregate.create()).add(r);
        }

        assertThat(files).isGreaterThan(40);
        assertThat(all.reports()).isEqualTo(ids.size());
        assertThat(all.duplicates()).isEqualTo(files - ids.size()).isPositive();
        ReportAggregate merged = ReportAggregate.create();
        perDirectory.values().forEach(merged::merge);
        assertThat(state(merged)).isEqualTo(state(all));
        assertThat(merged.summary().toJson()).isEqualTo(all.summary().toJson());
    }

    static TlsReport withReportId(TlsReport r, @Nullable String id) {
        return new TlsReport(r.organizationName(), r.dateRange(), r.contactInfo(), id, r.policies());
    }
}
