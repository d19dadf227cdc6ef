package dev.tlsrpt.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for the TXT record parser (Jazzer). The property: {@code parseRecord} returns a record or
 * throws {@link MalformedRecordException} with an offset inside the record and a problem; a record read
 * and the canonical text of a record reads back equal.
 * Bytes map one to one onto characters U+0000 to U+00FF, so every control character and every Latin-1
 * character is reachable.
 */
class RecordFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void records(byte[] data) {
        check(new String(data, StandardCharsets.ISO_8859_1));
    }

    static void check(String txt) {
        TlsRptRecord strict = outcome(txt, ParseOptions.strict());
        TlsRptRecord lenient = outcome(txt, ParseOptions.lenient());
        if (strict != null) {
            assertThat(TlsRpt.parseRecord(txt)).isEqualTo(strict);
            // lenient reading accepts every record strict reading accepts; it may read more into it (a "ruA="
            // holding URIs becomes rua=, as the first crash-* input of this target shows)
            assertThat(lenient).as("lenient reading of a record strict reading accepts: %s", txt).isNotNull();
        }
        if (lenient != null) {
            assertThat(lenient.rua()).isNotEmpty();
            String canonical = lenient.toString();
            assertThat(TlsRpt.parseRecord(canonical)).as("canonical form of %s", txt).isEqualTo(lenient);
        }
    }

    /** The record, or null after checking the library's own exception. */
    static TlsRptRecord outcome(String txt, ParseOptions options) {
        try {
            return TlsRpt.checkRecord(txt, options).record();
        } catch (MalformedRecordException e) {
            assertThat(e.offset()).as("offset of " + e).isBetween(0, txt.length());
            assertThat(e.problem()).isNotBlank();
            assertThat(e.problem().length()).as("short problem: " + e.problem()).isLessThanOrEqualTo(400);
            return null;
        }
    }
}
