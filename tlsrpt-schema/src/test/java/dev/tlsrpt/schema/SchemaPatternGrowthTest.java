package dev.tlsrpt.schema;

import static dev.tlsrpt.schema.SchemaHostileInputTest.DETAIL_START;
import static dev.tlsrpt.schema.SchemaHostileInputTest.HEAD;
import static dev.tlsrpt.schema.SchemaHostileInputTest.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.networknt.schema.regex.RegularExpressions;
import dev.tlsrpt.hostile.Growth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code pattern} keyword of both schema files, run as the validator runs it (networknt's
 * java.util.regex: {@code $} made {@code \z}, then {@code find()}), on the texts of about a megabyte that make
 * a backtracking engine work hardest: the characters a search reads grow linearly (counted, not timed).
 * And the validator's answer on a value of a megabyte aimed at each pattern, within a hang guard.
 */
class SchemaPatternGrowthTest {
    private static final int N = 512 * 1024;
    private static final int VALUE = 1_000_000; // under maxStringLength, 1 MiB characters

    static Set<String> schemaPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (String file : List.of("tlsrpt-rfc8460.schema.json", "tlsrpt-rfc8460-lenient.schema.json")) {
            try (InputStream in = TlsRptSchema.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                collect(JsonMapper.builder().build().readTree(in), patterns);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return patterns;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject() && node.path("pattern").isString()) {
            out.add(node.get("pattern").asString());
        }
        for (JsonNode child : node) {
            collect(child, out);
        }
    }

    /** The texts that make a backtracking engine work hardest on these patterns, at a size. */
    static final List<IntFunction<String>> HOSTILE = List.of(
            n -> "a".repeat(n) + "!",
            n -> " ".repeat(n) + "x",
            n -> "\t\u3000".repeat(n / 2) + "x",
            n -> "1".repeat(n) + "x",
            n -> "1:".repeat(n / 2) + "x",
            n -> "1.".repeat(n / 2) + "x",
            n -> "f:".repeat(n / 2) + ":",
            n -> "%41".repeat(n / 3) + "%4",
            n -> "https:" + "a".repeat(n) + " ",
            n -> "https:" + "%".repeat(n),
            n -> "a+".repeat(n / 2) + "%",
            n -> "2026-11-26T00:00:00." + "0".repeat(n) + "Z",
            n -> "2026-11-26T00:00:00Z".repeat(n / 20),
            n -> "\n".repeat(n) + "x");

    @Test
    void everySchemaPatternReadsItsInputLinearly() {
        Set<String> patterns = schemaPatterns();
        // date-time (strict, lenient), full-date (the same in both), the TLSA array check, IP address, URI
        assertThat(patterns).hasSize(6);
        for (String source : patterns) {
            Pattern p = Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                    RegularExpressions.replaceDollarAnchors(source)));
            for (int i = 0; i < HOSTILE.size(); i++) {
                Growth.assertLinearReads("text " + i + " on " + source.substring(0, 40) + "...", p, HOSTILE.get(i), N);
            }
        }
    }

    private static ValidationResult strict(String doc) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TlsRptSchema.strict().validate(doc),
                "no answer within the hang guard");
    }

    private static String detail(String member, String value) {
        return DETAIL_START + "\"" + member + "\":\"" + value + "\"}]}]}";
    }

    @Test
    void aUriOfAMegabyteIsJudgedRight() {
        assertThat(strict(detail("additional-information", "https:" + "a".repeat(VALUE))).violations()).isEmpty();
        assertThat(strict(detail("additional-information", "https:" + "%41".repeat(VALUE / 3))).violations())
                .isEmpty();
        Violation bad = strict(detail("additional-information", "https:" + "a".repeat(VALUE) + " ")).violations()
                .get(0);
        assertThat(bad.keyword()).isEqualTo("pattern");
        assertThat(bad.pointer()).isEqualTo("/policies/0/failure-details/0/additional-information");
        Violation badEscape = strict(detail("additional-information", "https:" + "%41".repeat(VALUE / 3) + "%4"))
                .violations().get(0);
        assertThat(badEscape.keyword()).isEqualTo("pattern");
    }

    @Test
    void anIpAddressOfAMegabyteIsJudgedRight() {
        Violation v = strict(detail("receiving-ip", "1:".repeat(VALUE / 2) + "1")).violations().get(0);
        assertThat(v.keyword()).isEqualTo("pattern");
        assertThat(v.pointer()).isEqualTo("/policies/0/failure-details/0/receiving-ip");
        assertThat(strict(detail("receiving-ip", "2001:db8::1")).violations()).isEmpty();
    }

    @Test
    void aDateTimeOfAMegabyteIsJudgedRight() {
        String doc = HEAD.replace("2026-11-26T00:00:00Z", "2026-11-26T00:00:00." + "0".repeat(VALUE) + "Z")
                + "\"policies\":[" + POLICY + "]}";
        Violation v = strict(doc).violations().get(0);
        assertThat(v.keyword()).isEqualTo("pattern");
        assertThat(v.pointer()).isEqualTo("/date-range/start-datetime");
    }

    @Test
    void aTlsaRecordAfterAMegabyteOfWhiteSpaceIsJudgedRight() {
        String policy = "{\"policy\":{\"policy-type\":\"tlsa\",\"policy-string\":[\"%s\"],"
                + "\"policy-domain\":\"example.org\"},\"summary\":{\"total-successful-session-count\":1,"
                + "\"total-failure-session-count\":0}}";
        String array = HEAD + "\"policies\":[" + policy.formatted(" ".repeat(VALUE) + "[3 1 1 AA]") + "]}";
        Violation v = strict(array).violations().get(0);
        assertThat(v.keyword()).isEqualTo("not");
        assertThat(v.pointer()).isEqualTo("/policies/0/policy/policy-string/0");
        String record = HEAD + "\"policies\":[" + policy.formatted(" ".repeat(VALUE) + "3 1 1 AA") + "]}";
        assertThat(strict(record).violations()).isEmpty();
    }
}
