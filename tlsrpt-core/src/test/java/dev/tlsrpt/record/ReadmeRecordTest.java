package dev.tlsrpt.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tlsrpt.TlsRpt;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/record.md, as written there, with the results the comments promise. */
class ReadmeRecordTest {

    @Test
    void recordExampleDoesWhatTheReadmeSays() {
        TlsRptRecord record = TlsRpt.parseRecord(
                "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/tlsrpt");
        assertThat(record.rua()).containsExactly(URI.create("mailto:tlsrpt@example.com"),
                URI.create("https://example.com/tlsrpt"));
        assertThat(record.extensions()).isEmpty();
        assertThat(record).hasToString("v=TLSRPTv1; rua=mailto:tlsrpt@example.com,https://example.com/tlsrpt");

        var e = catchThrowableOfType(MalformedRecordException.class,
                () -> TlsRpt.parseRecord("v=TLSRPTv1; rua=postmaster@example.com"));
        assertThat(e.getMessage())
                .isEqualTo("offset 16: missing mailto: scheme (write rua=mailto:postmaster@example.com)");

        RecordCheck check = TlsRpt.checkRecord("v=TLSRPTv1 ; rua=http://example.com/tlsrpt");
        assertThat(check.warnings()).extracting(RecordWarning::kind, RecordWarning::offset).containsExactly(
                tuple(RecordWarningKind.VERSION_PREFIX, 10), tuple(RecordWarningKind.HTTP_NOT_HTTPS, 17));

        String joined = String.join("", List.of("v=TLSRPTv1;rua=mailto:a@exa", "mple.com"));
        assertThat(joined).isEqualTo("v=TLSRPTv1;rua=mailto:a@example.com");
        assertThat(TlsRpt.selectRecord(List.of("v=spf1 -all", joined)).record()).isEqualTo(joined);
    }
}
