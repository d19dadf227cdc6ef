package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.TlsRpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The advice catalog reads its English texts from {@link AdviceTexts}, a class generated from
 * {@code Advice.properties} ({@link AdviceTextsSource}), and parses each text on first use: these tests hold
 * the class to the file and parse every text of every bundle, which the catalog no longer does at start.
 */
class AdviceCatalogTest {

    private static final Path RESOURCES = Path.of("src/main/resources/dev/tlsrpt/diagnose");

    @Test
    void theCommittedClassIsTheOneGeneratedFromAdviceProperties() throws IOException {
        String expected = AdviceTextsSource.javaSource(AdviceTextsSource.PROPERTIES);

        assertThat(Files.readString(AdviceTextsSource.SOURCE, StandardCharsets.UTF_8))
                .as("AdviceTexts.java is out of date with Advice.properties: in tlsrpt-core, run "
                        + "java src/test/java/dev/tlsrpt/diagnose/AdviceTextsSource.java")
                .isEqualTo(expected);
    }

    @Test
    void theClassHoldsExactlyTheTextsOfTheBundleOnTheClassPath() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = AdviceCatalog.class.getResourceAsStream("Advice.properties")) {
            assertThat(in).as("Advice.properties on the class path").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                bundle.load(reader);
            }
        }
        Map<String, String> fromFile = new HashMap<>();
        bundle.stringPropertyNames().forEach(k -> fromFile.put(k, bundle.getProperty(k)));
        Map<String, String> fromClass = new LinkedHashMap<>();
        for (int i = 0; i < AdviceTexts.KEYS_AND_TEXTS.length; i += 2) {
            assertThat(fromClass.put(AdviceTexts.KEYS_AND_TEXTS[i], AdviceTexts.KEYS_AND_TEXTS[i + 1]))
                    .as("a second text of " + AdviceTexts.KEYS_AND_TEXTS[i]).isNull();
        }

        assertThat(AdviceTexts.KEYS_AND_TEXTS.length % 2).isZero();
        assertThat(fromClass).hasSizeGreaterThan(100).isEqualTo(fromFile);
        assertThat(AdviceCatalog.forLocale(Locale.ROOT).keys()).isEqualTo(fromFile.keySet());
        // the non-ASCII texts survive the class's \\u escapes
        assertThat(fromClass.values()).anySatisfy(v -> assertThat(v).contains("\u00a7"));
    }

    @Test
    void stringLiteralsEscapeWhatJavaCannotHoldAsIs() {
        assertThat(AdviceTextsSource.literal("a \"b\" \\ c\n\t\u0001 \u00a7 \u2192"))
                .isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\t\\001 \\u00a7 \\u2192\"");
    }

    /** Every text of every bundle in the jar (the English one and any translation) parses, in its key's group. */
    @Test
    void everyTextOfEveryBundleParses() throws IOException {
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Advice") && n.endsWith(".properties"))
                    .sorted().forEach(bundles::add);
        }
        assertThat(bundles).contains("Advice.properties");
        for (String name : bundles) {
            String suffix = name.substring("Advice".length(), name.length() - ".properties".length());
            Locale locale = suffix.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(suffix.substring(1).replace('_', '-'));
            AdviceCatalog catalog = AdviceCatalog.forLocale(locale);
            assertThat(catalog.keys()).as(name).hasSizeGreaterThan(100);
            for (String key : catalog.keys()) {
                assertThat(Args.Group.of(key)).as(name + ": the argument group of " + key).isNotNull();
                assertThat(catalog.template(key)).as(name + ": " + key).isNotNull();
            }
        }
    }

    @Test
    void aBrokenTextFailsWhenItIsFirstUsedNamingItsKey() {
        // src/test/resources/dev/tlsrpt/diagnose/Advice_qab.properties: a '{' never closed
        AdviceCatalog catalog = AdviceCatalog.forLocale(Locale.forLanguageTag("qab"));

        assertThat(catalog.template("type.certificate-expired.action").names()).contains("mxHost");
        assertThatThrownBy(() -> catalog.template("type.certificate-expired.title"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Advice.properties, type.certificate-expired.title: a '{' is never closed");
        assertThatThrownBy(() -> TlsRpt.diagnose(Reports.sample(),
                DiagnosisOptions.defaults().withLocale(Locale.forLanguageTag("qab"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("type.certificate-expired.title");
    }

    @Test
    void aTranslationWithAKeyOfNoGroupFailsWhenItIsRead() {
        // src/test/resources/dev/tlsrpt/diagnose/Advice_qac.properties: nothing.like.this
        assertThatThrownBy(() -> AdviceCatalog.forLocale(Locale.forLanguageTag("qac")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Advice_qac.properties, nothing.like.this: no argument group has this key");
    }

    @Test
    void aMissingKeyFailsNamingIt() {
        assertThatThrownBy(() -> AdviceCatalog.forLocale(Locale.ROOT).template("nothing.like.this"))
                .isInstanceOf(IllegalStateException.class).hasMessage("Advice.properties has no key nothing.like.this");
    }

    @Test
    void aTextIsParsedOnceAndSharedByTheLocalesCatalog() {
        AdviceCatalog catalog = AdviceCatalog.forLocale(Locale.ROOT);

        assertThat(AdviceCatalog.forLocale(Locale.ROOT)).isSameAs(catalog);
        assertThat(catalog.template("allClear.title")).isSameAs(catalog.template("allClear.title"));
    }
}
