package dev.tlsrpt.analysis;

import static dev.tlsrpt.analysis.Fixtures.report;
import static dev.tlsrpt.analysis.ReportAggregateTest.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderingTest {

    @Test
    void theJsonRenderingIsTheDocumentedContract() {
        TlsReport googleFails = report("Google", "g1", "2026-11-01").sts("example.com", "enforce").ok(100)
                .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 3).build();
        TlsReport microsoft = report("Microsoft", "m1", "2026-11-01").sts("example.com", "enforce").ok(50).build();
        TlsReport googleClean = report("Google", "g2", "2026-11-04").sts("example.com", "enforce").ok(90).build();
        ReportAggregate a = of(googleFails, microsoft, microsoft, googleClean);
        Finding f = TlsRpt.diagnose(googleFails).findings().get(0);

        String json = a.summary(null, LocalDate.parse("2026-11-04"))
                .toJson(List.of("mail/broken.eml: not valid JSON"), List.of("notes.txt"));

        assertThat(json).isEqualTo("""
                {
                  "reports" : 3,
                  "duplicates" : 1,
                  "unreadable" : [ "mail/broken.eml: not valid JSON" ],
                  "skipped" : [ "notes.txt" ],
                  "start" : "2026-11-01",
                  "end" : "2026-11-04",
                  "domains" : [ {
                    "policy-domain" : "example.com",
                    "reports" : 3,
                    "successful-sessions" : 240,
                    "failed-sessions" : 3,
                    "days" : [ {
                      "date" : "2026-11-01",
                      "reports" : 2,
                      "successful-sessions" : 150,
                      "failed-sessions" : 3
                    }, {
                      "date" : "2026-11-04",
                      "reports" : 1,
                      "successful-sessions" : 90,
                      "failed-sessions" : 0
                    } ],
                    "reporters" : [ {
                      "organization-name" : "Google",
                      "reports" : 2,
                      "successful-sessions" : 190,
                      "failed-sessions" : 3
                    }, {
                      "organization-name" : "Microsoft",
                      "reports" : 1,
                      "successful-sessions" : 50,
                      "failed-sessions" : 0
                    } ],
                    "mx-hosts" : [ {
                      "mx-host" : "mx.example.com",
                      "reports" : 1,
                      "failed-sessions" : 3
                    } ],
                    "result-types" : [ {
                      "result-type" : "certificate-expired",
                      "reports" : 1,
                      "failed-sessions" : 3
                    } ],
                    "findings" : [ {
                      "severity" : "critical",
                      "result-type" : "certificate-expired",
                      "mx-host" : "mx.example.com",
                      "failed-sessions" : 3,
                      "reports" : 1,
                      "reporters" : [ "Google" ],
                      "first-seen" : "2026-11-01",
                      "last-seen" : "2026-11-01",
                      "status" : "resolved",
                      "single-reporter" : true,
                      "note" : "Only Google reports this problem while other reporters of the domain do not: the fault may lie with that sender.",
                      "title" : "%s",
                      "action" : "%s"
                    } ]
                  } ],
                  "reporters" : [ {
                    "organization-name" : "Google",
                    "reports" : 2,
                    "first-report" : "2026-11-01",
                    "last-report" : "2026-11-04",
                    "silent" : false
                  }, {
                    "organization-name" : "Microsoft",
                    "reports" : 1,
                    "first-report" : "2026-11-01",
                    "last-report" : "2026-11-01",
                    "silent" : true
                  } ]
                }
                """.formatted(jsonText(f.title()), jsonText(f.action())));
        assertThat(f.title()).isEqualTo("The certificate of mx.example.com has expired");
    }

    @Test
    void emptyValuesAreWrittenAsNullAndEmptyArrays() {
        assertThat(ReportAggregate.create().summary().toJson()).isEqualTo("""
                {
                  "reports" : 0,
                  "duplicates" : 0,
                  "unreadable" : [ ],
                  "skipped" : [ ],
                  "start" : null,
                  "end" : null,
                  "domains" : [ ],
                  "reporters" : [ ]
                }
                """);
    }

    @Test
    void sendersStringsAreEscapedInJson() {
        TlsReport r = report("Evil \"Org\"\n<script>", "e1", "2026-11-01").sts("example.com", "enforce").ok(1)
                .build();

        String json = of(r).summary().toJson();
        assertThat(json).contains("\"organization-name\" : \"Evil \\\"Org\\\"\\n<script>\"");
    }

    @Test
    void theCsvHasOneRowPerDomainAndDayByDateWithRfc4180QuotingAndNoFormulas() {
        ReportAggregate a = of(
                report("Google", "g1", "2026-11-02").sts("example.com", "enforce").ok(3)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 1).build(),
                report("Google", "g2", "2026-11-01").sts("example.com", "enforce").ok(7).build(),
                report("Google", "g3", "2026-11-01").sts("=hyperlink(\"http://x\")", "enforce").ok(1)
                        .sts("a,b.example", "enforce").ok(0).sts("-1+1", "enforce").ok(2).sts("@sum(a1)", "enforce")
                        .ok(2).build(),
                new TlsReport("Postfix", new DateRange(Instant.parse("2026-11-02T00:00:00Z"),
                        Instant.parse("2026-11-03T00:00:00Z")), null, "p1", List.of(new PolicyResult(
                                new Policy(PolicyType.NO_POLICY_FOUND, "no-policy-found", List.of(), null, List.of()),
                                new Summary(1, 2), List.of()))));

        assertThat(a.summary().toCsv()).isEqualTo("date,domain,successful,failed,share\r\n"
                + "2026-11-01,'-1+1,2,0,0\r\n"
                + "2026-11-01,\"'=hyperlink(\"\"http://x\"\")\",1,0,0\r\n"
                + "2026-11-01,'@sum(a1),2,0,0\r\n"
                + "2026-11-01,\"a,b.example\",0,0,0\r\n"
                + "2026-11-01,example.com,7,0,0\r\n"
                + "2026-11-02,,1,2,0.666667\r\n"
                + "2026-11-02,example.com,3,1,0.25\r\n");
        assertThat(ReportAggregate.create().summary().toCsv()).isEqualTo("date,domain,successful,failed,share\r\n");
    }

    @Test
    void aCellIsQuotedOnlyWhenItMustBe() {
        assertThat(SummaryCsv.cell("plain.example")).isEqualTo("plain.example");
        assertThat(SummaryCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(SummaryCsv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(SummaryCsv.cell("\tTab")).isEqualTo("'\tTab");
        assertThat(SummaryCsv.cell("+1")).isEqualTo("'+1");
        assertThat(SummaryCsv.cell("")).isEmpty();
        assertThat(SummaryCsv.share(1, 2)).isEqualTo("0.666667");
        assertThat(SummaryCsv.share(0, 0)).isEqualTo("0");
        assertThat(SummaryCsv.share(0, 5)).isEqualTo("1");
        assertThat(SummaryCsv.share(999_999_999, 1)).as("rounded to 6 decimals").isEqualTo("0");
    }

    /** The text as a JSON string's content: quotes, backslashes and controls escaped as Jackson does. */
    private static String jsonText(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
