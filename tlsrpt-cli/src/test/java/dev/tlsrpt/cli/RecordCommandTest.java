package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
