package dev.tlsrpt.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One advice text with named placeholders, parsed once. {@code {name}} stands for the argument of that
 * name; {@code {name:one|other}} for the word {@code one} when the argument is {@code "1"} and
 * {@code other} otherwise (English plurals: {@code "{sessions} {sessions:session|sessions}"}). Everything
 * else, apostrophes included, is literal text; a brace that opens no valid placeholder is an error. The
 * catalog parses a text when it is first used, and a test parses every text of the bundle, so a typo fails
 * the build, not a report that happens to need the text.
 */
final class Template {

    /** A literal piece, a placeholder or a plural choice. */
    private record Part(@Nullable String literal, @Nullable String name, @Nullable String one,
            @Nullable String other) {
    }

    private final String key;
    private final List<Part> parts;
    private final Set<String> names;
    /** {@code Args.Group.of(key)}, found once: every format of the text checks it. */
    private final Args.@Nullable Group group;

    private Template(String key, List<Part> parts, Set<String> names) {
        this.key = key;
        this.parts = parts;
        this.names = names;
        this.group = Args.Group.of(key);
    }

    /** The argument group of the text's key, null when none. */
    Args.@Nullable Group group() {
        return group;
    }

    /**
     * Parses a text.
     *
     * @throws IllegalStateException when a brace opens no valid placeholder, naming the key
     */
    static Template parse(String key, String text) {
        List<Part> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                throw new IllegalStateException("Advice.properties, " + key + ": a '}' closes no placeholder");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new IllegalStateException("Advice.properties, " + key + ": a '{' is never closed");
            }
            String inside = text.substring(i + 1, end);
            if (inside.indexOf('{') >= 0) {
                throw new IllegalStateException("Advice.properties, " + key + ": a '{' inside a placeholder");
            }
            int colon = inside.indexOf(':');
            String name = colon < 0 ? inside : inside.substring(0, colon);
            if (!isName(name)) {
                throw new IllegalStateException("Advice.properties, " + key + ": {" + inside + "} is not a placeholder");
            }
            if (literal.length() > 0) {
                parts.add(new Part(literal.toString(), null, null, null));
                literal.setLength(0);
            }
            if (colon < 0) {
                parts.add(new Part(null, name, null, null));
            } else {
                String forms = inside.substring(colon + 1);
                int bar = forms.indexOf('|');
                if (bar < 0 || forms.indexOf('|', bar + 1) >= 0) {
                    throw new IllegalStateException("Advice.properties, " + key + ": {" + inside
                            + "} needs exactly two forms, one|other");
                }
                parts.add(new Part(null, name, forms.substring(0, bar), forms.substring(bar + 1)));
            }
            names.add(name);
            i = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null, null));
        }
        return new Template(key, List.copyOf(parts), Set.copyOf(names));
    }

    /** The placeholder names the text uses. */
    Set<String> names() {
        return names;
    }

    /**
     * The text with each placeholder replaced.
     *
     * @throws IllegalStateException when the text uses a name the arguments do not supply
     */
    String format(Map<String, String> args) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            String literal = p.literal();
            if (literal != null) {
                b.append(literal);
                continue;
            }
            String name = p.name();
            String value = args.get(name);
            if (value == null) {
                throw new IllegalStateException("Advice.properties, " + key + ": {" + name + "} is not supplied");
            }
            String one = p.one();
            b.append(one == null ? value : value.equals("1") ? one : p.other());
        }
        return b.toString();
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
