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
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The advice texts: the resource bundle {@code dev/tlsrpt/diagnose/Advice.properties} and its
 * translations ({@code Advice_de.properties}, ...), read as UTF-8, each text a {@link Template} with named
 * placeholders ({@code {mxHost}}), parsed once when the bundle is loaded. Immutable and thread-safe.
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
    private final Map<String, Template> templates;

    private AdviceCatalog(ResourceBundle bundle) {
        this.bundle = bundle;
        Map<String, Template> parsed = new HashMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            if (Args.Group.of(key) == null) {
                throw new IllegalStateException("Advice.properties, " + key + ": no argument group has this key");
            }
            parsed.put(key, Template.parse(key, bundle.getString(key)));
        }
        this.templates = Map.copyOf(parsed);
    }

    static AdviceCatalog forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return CACHE.computeIfAbsent(locale, l -> new AdviceCatalog(load(l)));
    }

    /** The loaded bundle, with its parents (the English base bundle last). */
    ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle (or a parent) has the key. */
    boolean has(String key) {
        return templates.containsKey(key);
    }

    /** The parsed text of a key. */
    Template template(String key) {
        Template t = templates.get(key);
        if (t == null) {
            throw new IllegalStateException("Advice.properties has no key " + key);
        }
        return t;
    }

    /**
     * The text of {@code key} with its placeholders replaced.
     *
     * @throws IllegalStateException when the key is missing or belongs to another group than the arguments
     */
    String format(String key, Args args) {
        if (Args.Group.of(key) != args.group()) {
            throw new IllegalStateException(key + " is formatted with " + args.group() + " arguments");
        }
        return template(key).format(args.values());
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
