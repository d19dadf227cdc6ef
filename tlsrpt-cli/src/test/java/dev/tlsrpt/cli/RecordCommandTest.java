package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCommandTest {

    @Test
    void aCleanRecordListsItsAddressesAndExitsZero() {
        Run run = Run.tlsrpt("record", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/tlsrpt");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).isEqualTo("""
                record: v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://reports.example.com/tlsrpt
                rua:    mailto:tlsrpt@example.com
                rua:    https://reports.example.com/tlsrpt
                OK: a valid TLSRPT record
                """);
        assertThat(run.err).isEmpty();
    }

    @Test
    void aWarningShowsItsColumnAndACaretAndExitsOne() {
        Run run = Run.tlsrpt("record", "v=TLSRPTv1; rua=http://reports.example.com/tlsrpt");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("column 17: warning HTTP_NOT_HTTPS: ", "1 warning: legal, but likely to go wrong")
                .contains("\n  v=TLSRPTv1; rua=http://reports.example.com/tlsrpt\n  " + " ".repeat(16) + "^\n");
    }

    @Test
    void aFormOnlyLenientReadingAcceptsIsAnErrorThoughTheAddressIsShown() {
        Run run = Run.tlsrpt("record", "v=TLSRPTv1; rua=postmaster@example.com");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("rua:    mailto:postmaster@example.com\n", "column 17: error MISSING_SCHEME: ",
                "breaks the RFC 8460 grammar");
    }

    @Test
    void aMalformedRecordShowsWhereAndExitsOne() {
        Run run = Run.tlsrpt("record", "--strict", "v=TLSRPTv1; rua=postmaster@example.com");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).contains("column 17: error: ", "not a valid TLSRPT record")
                .contains("\n  v=TLSRPTv1; rua=postmaster@example.com\n  " + " ".repeat(16) + "^\n");
    }

    @Test
    void severalArgumentsAreTheRecordsTxtStringsJoinedWithoutSpaces() {
        Run run = Run.tlsrpt("record", "v=TLSRPTv1;rua=mailto:tls", "rpt@example.com");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("record: v=TLSRPTv1;rua=mailto:tlsrpt@example.com\n",
                "rua:    mailto:tlsrpt@example.com\n");
    }

    @Test
    void noRecordIsAUsageError() {
        Run run = Run.tlsrpt("record");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameter: 'RECORD'");
    }

    @ParameterizedTest
    @CsvSource({"example.com,example.com", "Example.COM.,example.com", "_smtp._tls.example.com,example.com",
            "_SMTP._TLS.mail.example.org.,mail.example.org", "bücher.example,bücher.example", "xn--bcher-kva.example,xn--bcher-kva.example"})
    void aBareDomainIsTold(String given, String domain) {
        Run run = Run.tlsrpt("record", given);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).isEqualTo("tlsrpt record: " + given + " is a domain name, not a TLSRPT record.\n"
                + "The record of " + domain + " is the TXT record at _smtp._tls." + domain + " (RFC 8460 section 3);"
                + " tlsrpt makes no DNS look-up. Fetch it, and check it, with:\n"
                + "  dig +short TXT _smtp._tls." + domain + "\n"
                + "  tlsrpt record \"$(dig +short TXT _smtp._tls." + domain + ")\"\n");
        assertThat(Run.tlsrpt("record", "--format", "json", given).exitCode).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example", "192.0.2.1", "v=TLSRPTv1", "mailto:tlsrpt@example.com", "example..com", "x-.example.com"})
    void whatIsNotADomainNameIsReadAsARecord(String given) {
        Run run = Run.tlsrpt("record", given);

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("record: " + given + "\n").contains("not a valid TLSRPT record");
        assertThat(run.err).isEmpty();
    }

    @Test
    void jsonHasTheMembersCheckdmarcUsersKnow() {
        Run run = Run.tlsrpt("record", "--format", "json",
                "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,http://reports.example.com/r; ext=1");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).isEqualTo("""
                {
                  "record" : "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,http://reports.example.com/r; ext=1",
                  "valid" : true,
                  "tags" : {
                    "v" : {
                      "value" : "TLSRPTv1"
                    },
                    "rua" : {
                      "value" : [ "mailto:tlsrpt@example.com", "http://reports.example.com/r" ]
                    },
                    "ext" : {
                      "value" : "1"
                    }
                  },
                  "rua" : [ "mailto:tlsrpt@example.com", "http://reports.example.com/r" ],
                  "extensions" : {
                    "ext" : "1"
                  },
                  "warnings" : [ "column 43: HTTP_NOT_HTTPS: http://reports.example.com/r uses http:, reporters POST only to https: (RFC 8460 section 3)" ],
                  "errors" : [ ],
                  "error" : null,
                  "problems" : [ {
                    "severity" : "warning",
                    "kind" : "HTTP_NOT_HTTPS",
                    "column" : 43,
                    "message" : "http://reports.example.com/r uses http:, reporters POST only to https: (RFC 8460 section 3)"
                  } ],
                  "txt-records" : [ "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,http://reports.example.com/r; ext=1" ]
                }
                """);
    }

    @Test
    void jsonOfACleanAndOfAnInvalidRecord() {
        Run clean = Run.tlsrpt("record", "-f", "json", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com");
        assertThat(clean.exitCode).isZero();
        assertThat(clean.out).contains("\"valid\" : true,", "\"warnings\" : [ ],", "\"errors\" : [ ],", "\"error\" : null,",
                "\"rua\" : [ \"mailto:tlsrpt@example.com\" ],");

        Run invalid = Run.tlsrpt("record", "-f", "json", "--strict", "v=TLSRPTv1; rua=postmaster@example.com");
        assertThat(invalid.exitCode).isEqualTo(1);
        assertThat(invalid.out).contains("\"valid\" : false,", "\"tags\" : { },", "\"rua\" : [ ],",
                "\"error\" : \"column 17: missing mailto: scheme (write rua=mailto:postmaster@example.com)\",",
                "\"severity\" : \"error\",\n    \"kind\" : null,\n    \"column\" : 17,");

        Run lenientOnly = Run.tlsrpt("record", "-f", "json", "v=TLSRPTv1; rua=postmaster@example.com");
        assertThat(lenientOnly.exitCode).isEqualTo(1);
        assertThat(lenientOnly.out).contains("\"valid\" : false,", "\"rua\" : [ \"mailto:postmaster@example.com\" ],",
                "\"errors\" : [ \"column 17: MISSING_SCHEME: ");
    }

    @Test
    void whatDigPrintsIsRead() {
        Run split = Run.tlsrpt("record", "\"v=TLSRPTv1;\" \"rua=mailto:tls\\064example.com,https://r.example/\\\"x\\\"\"");
        assertThat(split.out).startsWith("record: v=TLSRPTv1;rua=mailto:tls@example.com,https://r.example/\"x\"\n");

        Run two = Run.tlsrpt("record", "\"v=spf1 -all\"\n\"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"\n");
        assertThat(two.exitCode).as(two.toString()).isZero();
        assertThat(two.out).isEqualTo("""
                txt:    v=spf1 -all
                txt:    v=TLSRPTv1; rua=mailto:tlsrpt@example.com
                selected: One TLSRPT record: the domain asks for TLS reports.
                record: v=TLSRPTv1; rua=mailto:tlsrpt@example.com
                rua:    mailto:tlsrpt@example.com
                OK: a valid TLSRPT record
                """);

        Run both = Run.tlsrpt("record", "\"v=TLSRPTv1; rua=mailto:a@example.com\"\n\"v=TLSRPTv1; rua=mailto:b@example.com\"");
        assertThat(both.exitCode).isEqualTo(1);
        assertThat(both.out).contains("no record: 2 TXT records begin with 'v=TLSRPTv1;'").doesNotContain("record: v=");

        Run unterminated = Run.tlsrpt("record", "\"v=TLSRPTv1; rua=mailto:a@example.com");
        assertThat(unterminated.exitCode).isEqualTo(1);
        assertThat(unterminated.out).startsWith("record: \"v=TLSRPTv1; rua=mailto:a@example.com\ncolumn 1: error: ");
    }

    @Test
    void quotedStringsFollowRfc1035() {
        assertThat(TxtInput.quoted("\"a\" \"b c\"\t\"\\\"\\\\\\059\"")).containsExactly("a", "b c", "\"\\;");
        assertThat(TxtInput.quoted("\"\"")).containsExactly("");
        assertThat(TxtInput.quoted("\"a\" b")).isNull();
        assertThat(TxtInput.quoted("\"a")).isNull();
        assertThat(TxtInput.quoted("\"\\256\"")).isNull();
        assertThat(TxtInput.quoted("\"a\\")).isNull();
    }

    @Test
    void longInputsAreReadInLinearTime() {
        String labels = "a.".repeat(500_000) + "example";
        String quoted = "\"v=TLSRPTv1;\" ".repeat(100_000) + "\"rua=mailto:a@example.com\"";
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertThat(TxtInput.bareDomain(labels)).isNull(); // longer than a domain name can be
            assertThat(TxtInput.records(java.util.List.of(quoted))).singleElement()
                    .asString().hasSize(11 * 100_000 + 24);
        });
    }
}
