package dev.tlsrpt.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas and the parser accept exactly the same documents: the strict schema exactly when
 * {@code TlsRpt.parse(document, ParseOptions.strict())} does, the lenient schema exactly when the lenient parser
 * does. On the whole corpus and on thousands of mutated reports (fixed seed).
 */
class AgreementTest {

    static final long SEED = 8460;
    static final int MUTANTS = 4000;

    static final String TLSA_REPORT = """
            {"organization-name": "Sender", "date-range": {"start-datetime": "2026-11-26T00:00:00+00:00",
             "end-datetime": "2026-11-26T23:59:59.999Z"}, "contact-info": "tlsrpt@sender.example",
             "report-id": "r-1", "policies": [
              {"policy": {"policy-type": "tlsa", "policy-string": ["3 1 1 AABB", "2 0 1 CCDD"],
                "policy-domain": "mx.example.net"},
               "summary": {"total-successful-session-count": 10, "total-failure-session-count": 2},
               "failure-details": [{"result-type": "tlsa-invalid", "sending-mta-ip": "2001:db8::1",
                 "receiving-mx-hostname": "mx.example.net", "receiving-mx-helo": "mx.example.net ESMTP",
                 "receiving-ip": "::ffff:192.0.2.1", "failed-session-count": 2, "failure-reason-code": ""}]},
              {"policy": {"policy-type": "no-policy-found", "policy-domain": "example.net"},
               "summary": {"total-successful-session-count": 0, "total-failure-session-count": 0}}]}
            """;

    static List<String> corpus() {
        JsonNode expected;
        try (InputStream in = AgreementTest.class.getResourceAsStream("/corpus/EXPECTED.json")) {
            expected = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        expected.propertyNames().forEach(names::add);
        return names;
    }

    static byte[] resource(String name) {
        try (InputStream in = AgreementTest.class.getResourceAsStream("/corpus/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusIsThere() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40).anyMatch(n -> n.endsWith(".json.gz"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theSchemasAgreeWithTheParserOnTheCorpus(String name) {
        byte[] doc = resource(name);
        for (ParseOptions options : List.of(ParseOptions.strict(), ParseOptions.lenient())) {
            String disagreement = disagreement(name, doc, options);
            assertThat(disagreement).as(name).isNull();
        }
        assertThat(TlsRptSchema.lenient().validate(doc).violations()).as(name).isEmpty();
    }

    @Test
    void theSchemasAgreeWithTheParserOnThousandsOfMutatedReports() {
        List<String> bases = new ArrayList<>(List.of(TlsRptSchemaTest.REPORT, TLSA_REPORT));
        for (String name : List.of("mox/google-example.attachment.json", "tlsrpt-digest/tlsrpt_failure.attachment.json",
                "dmarc-report-viewer/microsoft.json", "parsedmarc/mail.ru.json", "tlsrpt_processor/sample.json",
                "github-issues/tlsrpt-reporter-51-postfix-no-policy-domain.json", "mox/microsoft.attachment.json")) {
            bases.add(new String(resource(name), StandardCharsets.UTF_8));
        }
        List<Mutations.Mutant> mutants = new Mutations(SEED, bases).generate(MUTANTS);
        List<String> disagreements = new ArrayList<>();
        int strictAccepted = 0;
        int lenientAccepted = 0;
        for (Mutations.Mutant m : mutants) {
            byte[] doc = m.json().getBytes(StandardCharsets.UTF_8);
            for (ParseOptions options : List.of(ParseOptions.strict(), ParseOptions.lenient())) {
                String d = disagreement(m.description(), doc, options);
                if (d != null) {
                    disagreements.add(d);
                } else if (TlsRptSchema.of(options).validate(doc).isValid()) {
                    if (options.isStrict()) {
                        strictAccepted++;
                    } else {
                        lenientAccepted++;
                    }
                }
            }
        }
        // the mutations reach both sides of both modes
        assertThat(strictAccepted).isBetween(100, MUTANTS - 100);
        assertThat(lenientAccepted).isBetween(strictAccepted + 100, MUTANTS - 100);
        assertThat(disagreements)
                .as(disagreements.size() + " disagreements in " + 2 * MUTANTS + " checks; the first:\n"
                        + String.join("\n\n", disagreements.subList(0, Math.min(20, disagreements.size()))))
                .isEmpty();
    }

    /**
     * The validator counts the deviations the lenient parser counts and stops at the same {@code maxDeviations}:
     * on the corpus and the mutants, each lenient document with {@code d} deviations is checked at the limits
     * {@code d} (both accept) and {@code d - 1} (both reject); documents the parser rejects at 1 and 2.
     */
    @Test
    void theLenientSchemaAgreesWithTheParserOnDeviationLimits() {
        List<String> descriptions = new ArrayList<>();
        List<byte[]> docs = new ArrayList<>();
        for (String name : corpus()) {
            descriptions.add(name);
            docs.add(resource(name));
        }
        List<String> bases = new ArrayList<>(List.of(TlsRptSchemaTest.REPORT, TLSA_REPORT));
        for (String name : List.of("dmarc-report-viewer/microsoft.json", "parsedmarc/mail.ru.json",
                "github-issues/tlsrpt-reporter-51-postfix-no-policy-domain.json", "mox/microsoft.attachment.json")) {
            bases.add(new String(resource(name), StandardCharsets.UTF_8));
        }
        for (Mutations.Mutant m : new Mutations(SEED + 1, bases).generate(1200)) {
            descriptions.add(m.description());
            docs.add(m.json().getBytes(StandardCharsets.UTF_8));
        }
        List<String> disagreements = new ArrayList<>();
        int withSeveral = 0;
        for (int i = 0; i < docs.size(); i++) {
            byte[] doc = docs.get(i);
            long d;
            try {
                d = TlsRpt.parseWithDeviations(doc, ParseOptions.lenient()).deviations().size();
            } catch (MalformedReportException e) {
                d = 2;
            }
            if (d >= 2) {
                withSeveral++;
            }
            for (long max : new long[] {d, d - 1}) {
                if (max >= 1) {
                    String disagreement = disagreement(descriptions.get(i) + ", maxDeviations " + max, doc,
                            ParseOptions.lenient().withMaxDeviations(max));
                    if (disagreement != null) {
                        disagreements.add(disagreement);
                    }
                }
            }
        }
        assertThat(withSeveral).as("documents with two deviations or more").isGreaterThan(400);
        assertThat(disagreements)
                .as(disagreements.size() + " disagreements; the first:\n"
                        + String.join("\n\n", disagreements.subList(0, Math.min(10, disagreements.size()))))
                .isEmpty();
    }

    /**
     * Was a parser bug: offsets above 18 hours (allowed by RFC 3339 and the brief's DATE_TIME_REGEX) were rejected
     * because the parser built a {@code java.time.ZoneOffset}, capped at 18 hours. Fixed in core.
     */
    @Test
    void theParserAndTheSchemasAgreeOnOffsetsAbove18HoursAndInstantsPastTheYear9999() {
        for (String dateTime : List.of("9999-12-31T23:59:59-23:59", "2026-11-26T23:59:59-19:00",
                "2026-11-26T23:59:59+23:59")) {
            byte[] doc = TlsRptSchemaTest.REPORT.replace("\"2026-11-26T23:59:59Z\"", "\"" + dateTime + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(new String(doc, StandardCharsets.UTF_8)).contains(dateTime);
            assertThat(TlsRptSchema.strict().validate(doc).isValid()).as(dateTime).isTrue();
            assertThat(disagreement(dateTime, doc, ParseOptions.strict())).isNull();
            assertThat(disagreement(dateTime, doc, ParseOptions.lenient())).isNull();
        }
    }

    @Test
    void theParserAndTheSchemasAgreeOnAnInstantBeforeTheYear0000() {
        byte[] doc = TlsRptSchemaTest.REPORT.replace("\"2026-11-26T00:00:00Z\"", "\"0000-01-01T00:00:00+01:00\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(TlsRptSchema.strict().validate(doc).isValid()).isTrue();
        assertThat(disagreement("year -1 in UTC", doc, ParseOptions.strict())).isNull();
    }

    /** Null when the schema and the parser agree on {@code doc}, else what each said. */
    static @Nullable String disagreement(String description, byte[] doc, ParseOptions options) {
        MalformedReportException rejected = null;
        try {
            TlsRpt.parse(doc, options);
        } catch (MalformedReportException e) {
            rejected = e;
        }
        ValidationResult result = TlsRptSchema.of(options).validate(doc);
        if ((rejected == null) == result.isValid()) {
            return null;
        }
        String text = new String(doc, StandardCharsets.UTF_8);
        return (options.isStrict() ? "strict" : "lenient") + " [" + description + "]\n  parser: "
                + (rejected == null ? "accepts" : "rejects: " + rejected.getMessage())
                + "\n  schema: " + result.toString().replace("\n", "\n  ")
                + "\n  document: " + (text.length() > 3000 ? text.substring(0, 3000) + "..." : text);
    }
}
