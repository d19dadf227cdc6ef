package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SECURITY.md states the limits the code enforces: its table of defaults equals ParseOptions' constants. */
class SecurityPolicyDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(max\\w+)` \\| (\\d+)\\b", Pattern.MULTILINE);

    static String securityMd() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("SECURITY.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("SECURITY.md at the repository root").isNotNull();
        return Files.readString(dir.resolve("SECURITY.md"), StandardCharsets.UTF_8);
    }

    /** The documented default of each limit, from the table rows of SECURITY.md. */
    static Map<String, Long> documentedDefaults(String text) {
        Map<String, Long> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            Long before = documented.put(m.group(1), Long.parseLong(m.group(2)));
            assertThat(before).as("%s documented once", m.group(1)).isNull();
        }
        return documented;
    }

    /** {@code DEFAULT_MAX_STRING_LENGTH} to {@code maxStringLength}. */
    static String limitName(String constant) {
        String[] words = constant.substring("DEFAULT_".length()).toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    @Test
    void documentsEveryParseOptionsDefaultWithItsValue() throws Exception {
        Map<String, Long> code = new LinkedHashMap<>();
        for (Field f : ParseOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getName().startsWith("DEFAULT_MAX_")) {
                code.put(limitName(f.getName()), ((Number) f.get(null)).longValue());
            }
        }
        assertThat(code).hasSize(8);
        assertThat(documentedDefaults(securityMd())).containsAllEntriesOf(code);
    }

    @Test
    void documentsEachDefaultTheOptionsReallyUse() throws IOException {
        ParseOptions o = ParseOptions.lenient();
        assertThat(documentedDefaults(securityMd())).contains(
                Map.entry("maxCompressedBytes", o.maxCompressedBytes()),
                Map.entry("maxDecompressedBytes", o.maxDecompressedBytes()),
                Map.entry("maxNestingDepth", (long) o.maxNestingDepth()),
                Map.entry("maxStringLength", (long) o.maxStringLength()),
                Map.entry("maxPolicies", o.maxPolicies()),
                Map.entry("maxFailureDetails", o.maxFailureDetails()),
                Map.entry("maxListLength", (long) o.maxListLength()),
                Map.entry("maxDeviations", o.maxDeviations()));
        assertThat(ParseOptions.strict().withStrict(false)).isEqualTo(o);
    }

    @Test
    void namesEveryLimitTheExceptionCanReport() throws IOException {
        assertThat(documentedDefaults(securityMd()).keySet()).containsAll(ReportChecks.LIMIT_NAMES);
    }

    @Test
    void tellsHowToReportAProblemWithoutAPlaceholderAddress() throws IOException {
        String text = securityMd();
        assertThat(text).contains("private GitHub security advisory")
                .doesNotContainIgnoringCase("example.com")
                .doesNotContainIgnoringCase("security@");
    }
}
