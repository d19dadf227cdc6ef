package dev.tlsrpt.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The advice texts: the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} and its
 * translations ({@code Advice_de.properties}, ...), read as UTF-8, each text a {@link Template} with named
 * placeholders ({@code {mxHost}}), parsed when it is first used. Thread-safe.
 *
 * <p>The English texts come from {@link AdviceTexts}, the base bundle as a class (generated from it, and
 * held to it by a test), so that a diagnosis in English reads no resource: on the class path a resource is
 * read through a {@code jar:} URL connection, which opens the jar a second time, and parsing a properties
 * file and every template in it took a command line's start 8 to 16 ms. A test parses every template, so
 * that a typo in the bundle still fails the build. The translations are read with
 * {@link Class#getResourceAsStream(String)} from this class, which reads the module's own resources when
 * {@code dev.tlsrpt} is a named module and the class path otherwise. {@code ResourceBundle.getBundle} is
 * not used: in a named module it cannot take a {@code ResourceBundle.Control}, and without one it falls back
 * to the JVM's default locale, which would make the output depend on the machine. Here a locale without a
 * translation gets English.
 */
final class AdviceCatalog {

    static final String BASE = "Advice";

    private static final ConcurrentMap<Locale, AdviceCatalog> CACHE = new ConcurrentHashMap<>();

    /** Every key's text: the translation's where it has one, else the English one. */
    private final Map<String, String> texts;
    private final ConcurrentMap<String, Template> templates = new ConcurrentHashMap<>();

    private AdviceCatalog(Map<String, String> texts) {
        this.texts = texts;
    }

    static AdviceCatalog forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        AdviceCatalog catalog = CACHE.get(locale);
        if (catalog == null) {
            catalog = new AdviceCatalog(load(locale));
            AdviceCatalog first = CACHE.putIfAbsent(locale, catalog);
            if (first != null) {
                catalog = first;
            }
        }
        return catalog;
    }

    /** Every key of the bundle and its translation. */
    Set<String> keys() {
        return Collections.unmodifiableSet(texts.keySet());
    }

    /** Whether the bundle (or its translation) has the key. */
    boolean has(String key) {
        return texts.containsKey(key);
    }

    /**
     * The parsed text of a key, parsed on its first use.
     *
     * @throws IllegalStateException when the bundle has no such key, or its text is not a valid template
     */
    Template template(String key) {
        Template t = templates.get(key);
        if (t == null) {
            String text = texts.get(key);
            if (text == null) {
                throw new IllegalStateException("Advice.properties has no key " + key);
            }
            t = Template.parse(key, text);
            templates.putIfAbsent(key, t);
        }
        return t;
    }

    /**
     * The text of {@code key} with its placeholders replaced.
     *
     * @throws IllegalStateException when the key is missing or belongs to another group than the arguments
     */
    String format(String key, Args args) {
        Template t = template(key); // its key's group found once, when the text is parsed
        if (t.group() != args.group()) {
            throw new IllegalStateException(key + " is formatted with " + args.group() + " arguments");
        }
        return t.format(args.values());
    }

    /** The text of a key that takes no arguments. */
    String format(String key) {
        return format(key, new Args(Args.Group.PLAIN));
    }

    /** The first of the keys the bundle has, formatted; null when it has none. */
    @Nullable String formatFirst(List<String> keys, Args args) {
        for (String key : keys) {
            if (has(key)) {
                return format(key, args);
            }
        }
        return null;
    }

    private static Map<String, String> load(Locale locale) {
        String[] english = AdviceTexts.KEYS_AND_TEXTS;
        Map<String, String> texts = new HashMap<>(english.length);
        for (int i = 0; i < english.length; i += 2) {
            texts.put(english[i], english[i + 1]);
        }
        List<String> suffixes = new ArrayList<>();
        if (!locale.getLanguage().isEmpty()) {
            suffixes.add("_" + locale.getLanguage());
            if (!locale.getCountry().isEmpty()) {
                suffixes.add("_" + locale.getLanguage() + "_" + locale.getCountry());
                if (!locale.getVariant().isEmpty()) {
                    suffixes.add("_" + locale.getLanguage() + "_" + locale.getCountry() + "_" + locale.getVariant());
                }
            }
        }
        for (String suffix : suffixes) {
            read(BASE + suffix + ".properties", texts);
        }
        return texts;
    }

    /** Puts the texts of a translation into {@code texts}, over those there; nothing when it does not exist. */
    private static void read(String name, Map<String, String> texts) {
        try (InputStream in = AdviceCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                return;
            }
            Properties translation = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                translation.load(reader);
            }
            for (String key : translation.stringPropertyNames()) {
                if (Args.Group.of(key) == null) {
                    throw new IllegalStateException(name + ", " + key + ": no argument group has this key");
                }
                texts.put(key, translation.getProperty(key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/tlsrpt/diagnose/" + name, e);
        }
    }
}
