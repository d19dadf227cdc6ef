package dev.tlsrpt.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Lenient reading takes a case variant of rua= as rua= only when it holds URIs: it accepts all strict does. */
class RecordCaseVariantTest {

    @Test
    void aCaseVariantHoldingUrisIsReadAsRuaLeniently() {
        RecordCheck check = TlsRpt.checkRecord("v=TLSRPTv1; RUA=mailto:tlsrpt@example.com", ParseOptions.lenient());
        assertThat(check.record().rua()).containsExactly(URI.create("mailto:tlsrpt@example.com"));
        assertThat(check.warnings()).extracting(RecordWarning::kind).contains(RecordWarningKind.FIELD_NAME_CASE);
    }

    @Test
    void aCaseVariantHoldingNoUriStaysTheExtensionStrictReadingSees() {
        String txt = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com; ruA=%%";
        TlsRptRecord strict = TlsRpt.checkRecord(txt, ParseOptions.strict()).record();
        RecordCheck lenient = TlsRpt.checkRecord(txt, ParseOptions.lenient());
        assertThat(strict.extensions()).containsEntry("ruA", "%%");
        assertThat(lenient.record()).isEqualTo(strict);
        assertThat(lenient.warnings()).extracting(RecordWarning::kind).contains(RecordWarningKind.FIELD_NAME_CASE);
    }
}
