package dev.tlsrpt.analysis;

import static dev.tlsrpt.analysis.Fixtures.report;
import static dev.tlsrpt.analysis.ReportAggregateTest.of;
import static dev.tlsrpt.analysis.ReportAggregateTest.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateFileTest {

    private static final String DIGEST = "0".repeat(64);

    private static List<TlsReport> month() {
        return List.of(
                report("Google", "g1", "2026-11-01").sts("example.com", "enforce").ok(100)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 3).build(),
                report("Microsoft", "m1", "2026-11-01").sts("example.com", "enforce").ok(50).build(),
                report("Google", "g2", "2026-11-02").sts("example.com", "enforce").ok(120).build(),
                report("Google", "g2", "2026-11-02").sts("example.com", "enforce").ok(121).build(),
                ReportAggregateTest.withReportId(report("Postfix", "x", "2026-11-02").sts("example.org", "testing")
                        .ok(4).fail(ResultType.STARTTLS_NOT_SUPPORTED, "mx.example.org", 1).build(), ""),
                report("Microsoft", "m3", "2026-11-03").sts("example.com", "enforce").ok(60).build());
    }

    @Test
    void anAggregateSavedAndLoadedIsTheSameAggregate(@TempDir Path dir) throws IOException {
        ReportAggregate a = of(month().toArray(TlsReport[]::new));
        Path file = dir.resolve("state.json");
        a.save(file);

        ReportAggregate loaded = ReportAggregate.load(file);
        assertThat(Files.readString(file)).isEqualTo(state(a)).endsWith("]}\n");
        assertThat(state(loaded)).isEqualTo(state(a));
        assertThat(loaded.summary()).isEqualTo(a.summary());
        assertThat(loaded.keys()).isEqualTo(a.keys());
        assertThat(loaded.reports()).isEqualTo(5);
        assertThat(loaded.duplicates()).isEqualTo(1);
        assertThat(loaded.maxKeys()).isEqualTo(ReportAggregate.DEFAULT_MAX_KEYS);
        assertThat(ReportAggregate.load(file, 50).maxKeys()).isEqualTo(50);
        a.save(file);
        assertThat(Files.readString(file)).isEqualTo(state(a));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
    }

    @Test
    void aDailyJobThatSavesLoadsAndAddsGetsWhatFeedingEverythingAtOnceGives(@TempDir Path dir) throws IOException {
        List<TlsReport> reports = month();
        Path file = dir.resolve("state.json");
        for (int day = 0; day < reports.size(); day++) {
            ReportAggregate a = day == 0 ? ReportAggregate.create() : ReportAggregate.load(file);
            a.add(reports.get(day));
            a.save(file);
        }
        ReportAggregate once = of(reports.toArray(TlsReport[]::new));

        assertThat(Files.readString(file)).isEqualTo(state(once));
        assertThat(ReportAggregate.load(file).summary().toJson()).isEqualTo(once.summary().toJson());
    }

    @Test
    void theSavedFormIsDocumentedJson() {
        TlsReport r = report("Google", "g1", "2026-11-01").sts("Example.COM", "enforce").ok(100)
                .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 3).build();
        String digest = ReportAggregate.digest(r);

        assertThat(state(of(r, r))).isEqualTo("""
                {"format":"tlsrpt-aggregate","version":1,"reports":[{"organization-name":"Google","report-id":"g1",\
                "digest":"%s","copies":2,"date":"2026-11-01","domains":[{"policy-domain":"example.com",\
                "successful-sessions":100,"failed-sessions":3}],"failures":[{"policy-domain":"example.com",\
                "result-type":"certificate-expired","mx-host":"mx.example.com","failed-sessions":3,\
                "severity":"critical","title":"The certificate of mx.example.com has expired","action":"%s"}]}]}
                """.formatted(digest, dev.tlsrpt.TlsRpt.diagnose(r).findings().get(0).action()));
        assertThat(digest).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void aJavaSerialisationRoundTripKeepsEverything() throws Exception {
        ReportAggregate a = ReportAggregate.create(77);
        month().forEach(a::add);

        ReportAggregate copy = MergeLawsPropertiesTest.roundTrip(a);
        assertThat(state(copy)).isEqualTo(state(a));
        assertThat(copy.summary().toJson()).isEqualTo(a.summary().toJson());
        assertThat(copy.maxKeys()).isEqualTo(77);
    }

    @Test
    void aTamperedSerialFormIsRefusedWithTheReason() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(of(month().get(0)));
        }
        byte[] data = bytes.toByteArray();
        String latin1 = new String(data, StandardCharsets.ISO_8859_1);
        int at = latin1.indexOf("\"copies\":1");
        assertThat(at).isPositive();
        data[at + "\"copies\":".length()] = '0';

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            assertThatThrownBy(in::readObject).isInstanceOf(InvalidObjectException.class)
                    .hasMessageContaining("/reports/0/copies: copies must be at least 1")
                    .hasCauseInstanceOf(MalformedStateException.class);
        }
    }

    @Test
    void loadingMoreKeysThanTheLimitFailsWithTheLimitAndWhere() {
        byte[] saved = state(of(month().toArray(TlsReport[]::new))).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReportAggregate.load(new ByteArrayInputStream(saved), 5))
                .isInstanceOfSatisfying(AggregateLimitException.class, e -> assertThat(e.limit()).isEqualTo(5))
                .hasMessageStartingWith("the saved aggregate holds more than 5 keys (limit maxKeys), passed at "
                        + "/reports/2/domains/0 (line 1, column ");
    }

    @Test
    void aFailingStreamIsAnIoExceptionNotAMalformedState() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        assertThatThrownBy(() -> ReportAggregate.load(failing, 10)).isInstanceOf(IOException.class)
                .hasMessage("disk on fire");
        assertThatThrownBy(() -> ReportAggregate.load(Path.of("does-not-exist.json")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    /** The state document around the given report objects. */
    private static String doc(String reports) {
        return "{\"format\":\"tlsrpt-aggregate\",\"version\":1,\"reports\":[\n" + reports + "\n]}";
    }

    /** One report object on two lines more: the header on the first, domains on the next, failures last. */
    private static String oneReport(String domains, String failures) {
        return "{\"organization-name\":\"G\",\"report-id\":\"1\",\"digest\":\"" + DIGEST + "\",\"copies\":1,"
                + "\"date\":\"2026-11-01\",\n\"domains\":[" + domains + "],\n\"failures\":[" + failures + "]}";
    }

    private static final String DOMAIN = "{\"policy-domain\":\"example.com\",\"successful-sessions\":1,"
            + "\"failed-sessions\":0}";
    private static final String FAILURE = "{\"policy-domain\":\"example.com\",\"result-type\":\"certificate-expired\","
            + "\"mx-host\":null,\"failed-sessions\":1,\"severity\":\"critical\",\"title\":\"t\",\"action\":\"a\"}";
    private static final String VALID = doc(oneReport(DOMAIN, FAILURE));

    @Test
    void aWellFormedHandWrittenStateLoads() throws IOException {
        ReportAggregate a = load(VALID);

        assertThat(a.reports()).isOne();
        assertThat(a.keys()).isEqualTo(3);
        AggregateFinding f = a.summary().domains().get(0).findings().get(0);
        assertThat(f.title()).isEqualTo("t");
        assertThat(f.mxHost()).isNull();
    }

    private static ReportAggregate load(String text) throws IOException {
        return ReportAggregate.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1_000);
    }

    /**
     * Each row changes the valid one-report document: the first occurrence of {@code from} becomes {@code to};
     * with {@code from} empty, {@code to} is the whole document, or names one: {@code D2}, {@code F2} and
     * {@code R2} repeat a domain, a failure or the report.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty                 | ``                          | ``                                  | ``                         | 1 | the input is empty
            not json              | ``                          | garbage                             | ``                         | 1 | not valid JSON
            an array              | ``                          | []                                  | ``                         | 1 | expected a JSON object, got an array
            another format        | "tlsrpt-aggregate"          | "x"                                 | /format                    | 1 | this is not a saved aggregate
            another version        | "version":1                 | "version":2                         | /version                   | 1 | unsupported version
            no reports            | ``                          | {"format":"tlsrpt-aggregate","version":1} | ``                   | 1 | the member reports is missing
            unknown member        | "version":1                 | "version":1,"extra":1               | /extra                     | 1 | unknown member "extra"
            member twice          | "version":1                 | "version":1,"version":1             | /version                   | 1 | the member version appears twice
            trailing content      | ``                          | {"format":"tlsrpt-aggregate","version":1,"reports":[]} {} | `` | 1 | content after the end
            truncated             | ``                          | {"format":"tlsrpt-aggregate","version":1,"reports":[ | /reports | 1 | truncated JSON
            zero copies           | "copies":1                  | "copies":0                          | /reports/0/copies          | 2 | copies must be at least 1
            count as string       | "copies":1                  | "copies":"1"                        | /reports/0/copies          | 2 | expected a non-negative integer, got a string
            negative count        | "successful-sessions":1     | "successful-sessions":-1            | /reports/0/domains/0/successful-sessions | 3 | expected a non-negative integer
            count beyond long     | "successful-sessions":1     | "successful-sessions":99999999999999999999 | /reports/0/domains/0/successful-sessions | 3 | does not fit in a long
            fraction              | "successful-sessions":1     | "successful-sessions":1.5           | /reports/0/domains/0/successful-sessions | 3 | expected a non-negative integer, got a number
            short digest          | "digest":"0000              | "digest":"00"                       | /reports/0/digest          | 2 | 64 lower-case hex digits
            upper-case digest     | "digest":"0000              | "digest":"A000                      | /reports/0/digest          | 2 | 64 lower-case hex digits
            bad date              | "2026-11-01"                | "2026-13-01"                        | /reports/0/date            | 2 | expected a date YYYY-MM-DD
            five-digit year       | "2026-11-01"                | "+10000-01-01"                      | /reports/0/date            | 2 | expected a date YYYY-MM-DD
            unknown severity      | "critical"                  | "fatal"                             | /reports/0/failures/0/severity | 4 | unknown severity
            domain not normalised | "example.com","successful   | "Example.com","successful           | /reports/0/domains/0/policy-domain | 3 | expected a name in lower case
            failure of no domain  | "example.com","result       | "other.example","result             | /reports/0                 | 2 | which the report's domains do not list
            domain twice          | ``                          | D2                                  | /reports/0/domains/1       | 3 | the policy-domain "example.com" appears twice
            failure twice         | ``                          | F2                                  | /reports/0/failures/1      | 4 | the failure "certificate-expired" at MX host "" appears twice
            report twice          | ``                          | R2                                  | /reports/1                 | 5 | report "1" of "G" appears twice
            blank report-id       | "report-id":"1"             | "report-id":" "                     | /reports/0/report-id       | 2 | a blank report-id
            unpaired surrogate    | "title":"t"                 | "title":"\\ud800"                   | /reports/0/failures/0/title | 4 | unpaired surrogate
            missing member        | ,"date":"2026-11-01"        | ``                                  | /reports/0                 | 4 | the member date is missing
            null organization     | "organization-name":"G"     | "organization-name":null            | /reports/0/organization-name | 2 | expected a string, got null
            """)
    void aCorruptOrHostileStateIsAMalformedStateExceptionSayingWhere(String name, String from, String to,
            String pointer, int line, String problem) {
        String text = document(from, to);

        assertThatThrownBy(() -> load(text)).isInstanceOfSatisfying(MalformedStateException.class, e -> {
            assertThat(e.pointer()).isEqualTo(pointer);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isPositive();
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).startsWith("aggregate state " + (pointer.isEmpty() ? "(document)" : pointer)
                    + ": ").endsWith(", column " + e.column() + ")");
            assertThat(e).isInstanceOf(TlsRptException.class);
        });
    }

    private static String document(String from, String to) {
        if (from.isEmpty()) {
            return switch (to) {
                case "D2" -> doc(oneReport(DOMAIN + "," + DOMAIN, ""));
                case "F2" -> doc(oneReport(DOMAIN, FAILURE + "," + FAILURE));
                case "R2" -> doc(oneReport(DOMAIN, FAILURE) + ",\n" + oneReport(DOMAIN, FAILURE));
                default -> to;
            };
        }
        int at = VALID.indexOf(from);
        assertThat(at).as("the table's text to replace").isNotNegative();
        return VALID.substring(0, at) + to + VALID.substring(at + from.length());
    }
}
