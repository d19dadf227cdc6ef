package dev.tlsrpt.analysis;

import static dev.tlsrpt.analysis.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the digests and entries an aggregate keeps to the values earlier versions computed: saved state files
 * must keep loading and deduplicating the same, so a faster {@code add} may not change a single byte of them.
 */
class DigestPinTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private static TlsReport parse(String file) throws IOException {
        try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
            return TlsRpt.parse(in, ParseOptions.lenient());
        }
    }

    @Test
    void theDigestOfAFixedReportIsPinned() throws IOException {
        TlsReport rfc = parse("mta-sts-exporter/rfc.json");

        assertThat(ReportAggregate.digest(rfc))
                .isEqualTo("176d12cd0ea03125d4fe8e37cf6c2e144908139113b7b695dc4c4c60fad356e7");
        // a report without a report-id is digested with an empty one, after a zero byte
        assertThat(ReportAggregate.digest(ReportAggregateTest.withReportId(rfc, null)))
                .isEqualTo("df6ccc4122aa66c773745160ee3a09948c2419abdd1a6a78adfdc6453dba6902");
    }

    @Test
    void theSavedStateOfTheCorpusIsPinned() throws IOException, NoSuchAlgorithmException {
        ReportAggregate a = ReportAggregate.create();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("invalid"))
                    .sorted().toList();
        }
        int added = 0;
        for (Path p : files) {
            try (InputStream in = Files.newInputStream(p)) {
                a.add(TlsRpt.parse(in, ParseOptions.lenient()));
                added++;
            } catch (dev.tlsrpt.TlsRptException e) {
                // not a report even leniently: not part of the pin
            }
        }
        a.add(report("Example Org", "fail-1", "2026-11-01").sts("example.com", "enforce").ok(90)
                .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 7)
                .fail(ResultType.STARTTLS_NOT_SUPPORTED, "mx2.example.com", 3).build());
        a.add(report("Example Org", "fail-2", "2026-11-02").tlsa("example.net").ok(0)
                .fail(ResultType.TLSA_INVALID, "mx.example.net", 12).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.save(out);

        assertThat(added).isEqualTo(35);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())))
                .isEqualTo("f4b83ff3d4cb315cfcb69c493187ca73fd1af8194e6d571c914e6eaad53b03f4");
    }
}
