package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.MalformedReportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Cut or damaged messages give reports or the library's own errors, never anything else. */
class MangledMessagePropertyTest {

    private static final byte[] GOOGLE = Corpus.bytes("mox/google-example.eml");
    private static final byte[] MICROSOFT = Corpus.bytes("tlsrpt-digest/tlsrpt_success_microsoft.eml");

    /** What reading gave: the report ids, or the error's type. */
    static String outcome(byte[] message) {
        try {
            List<MailReport> reports = TlsRptMail.parse(new ByteArrayInputStream(message));
            assertThat(reports).isNotEmpty();
            return "reports " + reports.stream().map(r -> r.report().reportId()).toList();
        } catch (NoReportException e) {
            assertThat(e.getMessage()).startsWith("no TLS report found");
            return "no report";
        } catch (MalformedReportException e) {
            assertThat(e.problem()).isNotBlank();
            return "malformed report";
        } catch (MalformedMessageException e) {
            return "malformed message";
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    @Property(tries = 300)
    void aCutMessageGivesItsReportOrATypedError(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
        byte[] message = Arrays.copyOf(GOOGLE, Math.min(cut, GOOGLE.length));
        String outcome = outcome(message);
        if (cut >= GOOGLE.length) {
            assertThat(outcome).isEqualTo("reports [2022-09-15T00:00:00Z_test.xmox.nl]");
        } else {
            assertThat(outcome).isIn("reports [2022-09-15T00:00:00Z_test.xmox.nl]", "no report", "malformed report",
                    "malformed message");
        }
    }

    @Property(tries = 300)
    void aDamagedByteGivesAReportOrATypedError(@ForAll @IntRange(min = 0, max = 14_813) int at,
            @ForAll @IntRange(min = 0, max = 255) int value) {
        byte[] message = MICROSOFT.clone();
        message[at % message.length] = (byte) value;
        assertThat(outcome(message)).isIn("reports [134232617934286362+example.com]", "no report", "malformed report",
                "malformed message");
    }
}
