package dev.tlsrpt.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The one configuration of the JSON the library writes (reports, diagnoses, summaries, aggregate state): UTF-8,
 * the caller's stream left open, an unfinished document never closed for the caller, pretty printing with
 * a fresh printer per generator (pretty printers keep state), and for the diagnosis the escapes that make
 * sender data safe on a terminal; with the small pieces every writer uses (a nullable string, an array
 * property) and what a failing stream under Jackson becomes.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET, StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();

    /** The same, with the escapes of {@link TerminalSafeEscapes}. */
    private static final JsonFactory TERMINAL_SAFE = FACTORY.rebuild()
            .characterEscapes(new TerminalSafeEscapes())
            .build();

    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private JsonOutput() {
    }

    /**
     * A generator writing UTF-8 to a stream, which closing it leaves open.
     *
     * @param out the stream
     * @param pretty indent (two spaces, one member a line) or compact
     * @return the generator
     */
    public static JsonGenerator generator(OutputStream out, boolean pretty) {
        return FACTORY.createGenerator(pretty ? PRETTY : ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
    }

    /**
     * An indenting generator writing to a character stream, which closing it leaves open.
     *
     * @param out the writer
     * @return the generator
     */
    public static JsonGenerator pretty(Writer out) {
        return FACTORY.createGenerator(PRETTY, out);
    }

    /**
     * An indenting generator writing to a character stream, which closing it leaves open, that escapes what a
     * terminal would act on as well (see {@link TerminalSafeEscapes}): for JSON that quotes sender data and
     * may be printed.
     *
     * @param out the writer
     * @return the generator
     */
    public static JsonGenerator terminalSafe(Writer out) {
        return TERMINAL_SAFE.createGenerator(PRETTY, out);
    }

    /**
     * JSON's own escapes, plus {@code \}{@code uXXXX} for each character {@link SenderText#isEscaped} shows
     * escaped in text (DEL, C1 controls, format characters such as bidirectional overrides, line and
     * paragraph separators), so the JSON can be printed on a terminal too; a parser reads the same values.
     * Surrogates are left to the generator, which writes pairs as they are.
     */
    static final class TerminalSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii;

        TerminalSafeEscapes() {
            int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
            codes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
            this.ascii = codes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch) || !SenderText.isEscaped(ch)) {
                return null;
            }
            return new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
        }
    }

    /**
     * Writes a string property, or {@code null} for an absent value.
     *
     * @param g the generator, inside an object
     * @param name the property name
     * @param value the value, or null
     */
    public static void nullable(JsonGenerator g, String name, @Nullable String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    /**
     * Writes a property holding an array of strings.
     *
     * @param g the generator, inside an object
     * @param name the property name
     * @param values the strings, in order
     */
    public static void strings(JsonGenerator g, String name, List<String> values) {
        array(g, name, values, JsonGenerator::writeString);
    }

    /**
     * Writes a property holding an array, each element written by {@code element}.
     *
     * @param <T> the type of the elements
     * @param g the generator, inside an object
     * @param name the property name
     * @param elements the elements, in order
     * @param element writes one element
     */
    public static <T> void array(JsonGenerator g, String name, Iterable<? extends T> elements,
            BiConsumer<JsonGenerator, ? super T> element) {
        g.writeName(name);
        g.writeStartArray();
        for (T e : elements) {
            element.accept(g, e);
        }
        g.writeEndArray();
    }

    /**
     * What a caller gets when the stream under a generator or parser failed: the stream's own
     * {@link IOException}, which Jackson wrapped, or (should Jackson ever wrap none) one wrapping Jackson's.
     *
     * @param e Jackson's wrapper
     * @return the exception to throw
     */
    public static IOException streamFailure(JacksonIOException e) {
        IOException cause = e.getCause();
        return cause != null ? cause : new IOException(e.getMessage(), e);
    }
}
