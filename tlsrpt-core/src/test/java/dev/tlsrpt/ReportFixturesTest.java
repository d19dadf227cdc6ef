package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlsrpt.model.TlsReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report fixtures under {@code src/test/resources/reports/}, by purpose: {@code valid} (read alike in both
 * modes), {@code lenient} (one deviation each: read leniently, rejected strictly at the same place),
 * {@code malformed} (rejected in both modes, at the pointer and line of the table) and {@code limits} (stopped
 * by the limit of the table). Each is the bundled sample changed in one place, so its lines are the sample's.
 */
class ReportFixturesTest {

    static InputStream fixture(String name) {
        return Objects.requireNonNull(ReportFixturesTest.class.getResourceAsStream("/reports/" + name),
                () -> "no fixture reports/" + name);
    }

    static TlsReport parse(String name, ParseOptions options) throws IOException {
        try (InputStream in = fixture(name)) {
            return TlsRpt.parse(in, options);
        }
    }

    @Test
    void theValidSampleReadsAlikeInBothModesWithoutDeviations() throws IOException {
        ParseResult lenient;
        try (InputStream in = fixture("valid/sample.json")) {
            lenient = TlsRpt.parseWithDeviations(in, ParseOptions.lenient());
        }
        TlsReport strict = parse("valid/sample.json", ParseOptions.strict());

        assertThat(lenient.deviations()).isEmpty();
        assertThat(strict).isEqualTo(lenient.report());
        assertThat(strict.organizationName()).isEqualTo("Example Mail Provider");
        assertThat(strict.policies()).singleElement().satisfies(p -> {
            assertThat(p.summary().totalSuccessfulSessionCount()).isEqualTo(4821);
            assertThat(p.summary().totalFailureSessionCount()).isEqualTo(3);
            assertThat(p.failureDetails()).hasSize(2);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            date-time-without-zone.json  | DATE_TIME_WITHOUT_ZONE | /date-range/end-datetime                   |  5
            missing-contact-info.json    | MISSING_CONTACT_INFO   | /contact-info                              | 49
            mx-host-string.json          | MX_HOST_STRING         | /policies/0/policy/mx-host                 | 21
            draft-member-name.json       | DRAFT_MEMBER_NAME      | /policies/0/failure-details/0/failure-error-code  | 37
            unknown-member.json          | UNKNOWN_MEMBER         | /x-sender-build                            |  9
            duplicate-member.json        | DUPLICATE_MEMBER       | /policies/0/failure-details/0/receiving-ip | 36
            unknown-result-type.json     | UNKNOWN_RESULT_TYPE    | /policies/0/failure-details/1/result-type  | 40
            """)
    void aLenientFixtureHasOneDeviationThatStrictModeRejectsAtTheSamePlace(String file, DeviationKind kind,
            String pointer, int line) throws IOException {
        ParseResult parsed;
        try (InputStream in = fixture("lenient/" + file)) {
            parsed = TlsRpt.parseWithDeviations(in, ParseOptions.lenient());
        }
        assertThat(parsed.deviations()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(kind);
            assertThat(d.pointer()).isEqualTo(pointer);
            assertThat(d.line()).isEqualTo(line);
        });

        try (InputStream in = fixture("lenient/" + file)) {
            var e = assertThrows(MalformedReportException.class, () -> TlsRpt.parse(in, ParseOptions.strict()));
            assertThat(e.deviationKind()).isEqualTo(kind);
            assertThat(e.pointer()).isEqualTo(pointer);
            assertThat(e.line()).isEqualTo(line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative-count.json              | /policies/0/summary/total-failure-session-count    | 28
            fractional-count.json            | /policies/0/failure-details/1/failed-session-count | 44
            date-not-on-calendar.json        | /date-range/start-datetime                         |  4
            number-as-organization-name.json | /organization-name                                 |  2
            missing-policies.json            | /policies                                          |  9
            missing-result-type.json         | /policies/0/failure-details/1/result-type          | 45
            truncated.json                   | /policies/0/failure-details/0/receiving-mx-hostname | 35
            content-after-the-object.json    | ''                                                 | 51
            broken-gzip.json.gz              | ''                                                 | -1
            """)
    void aMalformedFixtureIsRejectedInBothModesAtItsPointerAndLine(String file, String pointer, int line)
            throws IOException {
        for (ParseOptions options : new ParseOptions[] {ParseOptions.lenient(), ParseOptions.strict()}) {
            try (InputStream in = fixture("malformed/" + file)) {
                var e = assertThrows(MalformedReportException.class, () -> TlsRpt.parse(in, options));
                assertThat(e).isNotInstanceOf(LimitExceededException.class);
                assertThat(e.deviationKind()).isNull();
                assertThat(e.pointer()).isEqualTo(pointer);
                assertThat(e.line()).isEqualTo(line);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nesting-100-deep.json     | defaults                    | maxNestingDepth      | 64
            gzip-bomb-1-mib.json.gz   | maxDecompressedBytes=65536  | maxDecompressedBytes | 65536
            not-gzip.json.gz          | maxCompressedBytes=1000     | maxCompressedBytes   | 1000
            """)
    void aLimitsFixtureIsStoppedByItsLimit(String file, String options, String limitName, long limit)
            throws IOException {
        ParseOptions parseOptions = switch (options) {
            case "defaults" -> ParseOptions.lenient();
            case "maxDecompressedBytes=65536" -> ParseOptions.lenient().withMaxDecompressedBytes(65536);
            case "maxCompressedBytes=1000" -> ParseOptions.lenient().withMaxCompressedBytes(1000);
            default -> throw new IllegalArgumentException(options);
        };
        try (InputStream in = fixture("limits/" + file)) {
            var e = assertThrows(LimitExceededException.class, () -> TlsRpt.parse(in, parseOptions));
            assertThat(e.limitName()).isEqualTo(limitName);
            assertThat(e.limit()).isEqualTo(limit);
        }
    }

    @Test
    void theReadmesErrorExampleIsWhatTheNegativeCountFixtureGives() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        try (InputStream in = fixture("malformed/negative-count.json")) {
            var e = assertThrows(MalformedReportException.class, () -> TlsRpt.parse(in));
            assertThat(readme).contains("`" + e.getMessage() + "`");
        }
    }

    @Test
    void aJsonGzThatIsNotGzipIsReadByItsContentNotItsName() throws IOException {
        assertThat(parse("limits/not-gzip.json.gz", ParseOptions.strict()))
                .isEqualTo(parse("valid/sample.json", ParseOptions.strict()));
    }

    @Test
    void aMissingFixtureIsNamed() {
        var e = assertThrows(NullPointerException.class, () -> fixture("valid/none.json"));
        assertThat(e).hasMessage("no fixture reports/valid/none.json");
    }
}
