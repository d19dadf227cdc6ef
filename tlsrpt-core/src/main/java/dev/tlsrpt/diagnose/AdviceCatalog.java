package dev.tlsrpt.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The advice texts: the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} and its
 * translations ({@code Advice_de.properties}, ...), read as UTF-8 and formatted with
 * {@link MessageFormat}.
 *
 * <p>The bundle is loaded with {@link Class#getResourceAsStream(String)} from this class, which reads
 * the module's own resources when {@code dev.tlsrpt} is a named module and the class path otherwise.
 * {@code ResourceBundle.getBundle} is not used: in a named module it cannot take a
 * {@code ResourceBundle.Control}, and without one it falls back to the JVM's default locale, which would
 * make the output depend on the machine. Here a locale without a translation gets English.
 */
final class AdviceCatalog {

    static final String BASE = "Advice";

    private static final ConcurrentMap<Locale, AdviceCatalog> CACHE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;

    private AdviceCatalog(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static AdviceCatalog forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return CACHE.computeIfAbsent(locale, l -> new AdviceCatalog(load(l), l));
    }

    /** The loaded bundle, with its parents (the English base bundle last). */
    ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle (or a parent) has the key. */
    boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The pattern of {@code key} formatted with {@code args} (strings, so no locale number formats). */
    String format(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Advice.properties has no key " + key, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The first of the keys the bundle has, formatted; null when it has none. */
    @Nullable String formatFirst(List<String> keys, Object... args) {
        for (String key : keys) {
            if (has(key)) {
                return format(key, args);
            }
        }
        return null;
    }

    /**
     * A formatter for one diagnosis or rendering: the same texts as {@link #format} and
     * {@link #formatFirst}, with each pattern parsed once (a {@link MessageFormat} is not thread-safe, so
     * each thread makes its own).
     */
    Formatter formatter() {
        return new Formatter();
    }

    /** Formats this catalog's texts, caching the parsed patterns; for one thread. */
    final class Formatter {
        private final Map<String, MessageFormat> formats = new HashMap<>();

        private Formatter() {
        }

        /** Whether the bundle (or a parent) has the key. */
        boolean has(String key) {
            return AdviceCatalog.this.has(key);
        }

        /** The pattern of {@code key} formatted with {@code args}. */
        String format(String key, Object... args) {
            MessageFormat f = formats.get(key);
            if (f == null) {
                String pattern;
                try {
                    pattern = bundle.getString(key);
                } catch (MissingResourceException e) {
                    throw new IllegalStateException("Advice.properties has no key " + key, e);
                }
                f = new MessageFormat(pattern, locale);
                formats.put(key, f);
            }
            return f.format(args);
        }

        /** The first of the keys the bundle has, formatted; null when it has none. */
        @Nullable String formatFirst(List<String> keys, Object... args) {
            for (String key : keys) {
                if (has(key)) {
                    return format(key, args);
                }
            }
            return null;
        }
    }

    private static ResourceBundle load(Locale locale) {
        ResourceBundle parent = read(BASE + ".properties", null);
        if (parent == null) {
            throw new IllegalStateException("dev/tlsrpt/diagnose/Advice.properties is missing");
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
            ResourceBundle child = read(BASE + suffix + ".properties", parent);
            if (child != null) {
                parent = child;
            }
        }
        return parent;
    }

    private static @Nullable ResourceBundle read(String name, @Nullable ResourceBundle parent) {
        try (InputStream in = AdviceCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new Bundle(reader, parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/tlsrpt/diagnose/" + name, e);
        }
    }

    /** A properties bundle with a parent. */
    private static final class Bundle extends PropertyResourceBundle {
        Bundle(Reader reader, @Nullable ResourceBundle parent) throws IOException {
            super(reader);
            if (parent != null) {
                setParent(parent);
            }
        }
    }
}
