package dev.tlsrpt.cli;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.MalformedReportException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * JSON output of the commands, pretty-printed, written with Jackson's streaming generator. Besides JSON's
 * own escapes, every character {@link Text#isEscaped} is written as {@code \}{@code uXXXX}, so that the
 * JSON of a hostile report can be printed on a terminal too.
 */
final class JsonOut {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .characterEscapes(new TerminalSafeEscapes())
            .build();

    /** JSON's escapes plus {@link Text#isEscaped}; surrogates are left to the generator, which keeps pairs. */
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
            if (Character.isSurrogate((char) ch) || !Text.isEscaped(ch)) {
                return null;
            }
            return new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch));
        }
    }

    private JsonOut() {
    }

    /**
     * A pretty-printing generator that leaves {@code out} open when closed.
     *
     * @param out where to write
     * @return the generator
     */
    static JsonGenerator generator(Writer out) {
        ObjectWriteContext pretty = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new DefaultPrettyPrinter();
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        return FACTORY.createGenerator(pretty, out);
    }

    /**
     * Copies a JSON document into the generator, numbers exactly as written (no {@code 6.22E-4} for
     * {@code 0.000622}).
     *
     * @param g the generator, where a value may go
     * @param json the document
     */
    static void copy(JsonGenerator g, String json) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> g.writeStartObject();
                    case END_OBJECT -> g.writeEndObject();
                    case START_ARRAY -> g.writeStartArray();
                    case END_ARRAY -> g.writeEndArray();
                    case PROPERTY_NAME -> g.writeName(p.currentName());
                    case VALUE_STRING -> g.writeString(p.getString());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getString());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new IllegalStateException("unexpected " + t);
                }
            }
        }
    }

    /**
     * Writes the deviations lenient parsing tolerated as an array property.
     *
     * @param g the generator, inside an object
     * @param deviations the deviations
     */
    static void deviations(JsonGenerator g, List<Deviation> deviations) {
        g.writeArrayPropertyStart("deviations");
        for (Deviation d : deviations) {
            g.writeStartObject();
            g.writeStringProperty("kind", d.kind().name());
            g.writeStringProperty("pointer", d.pointer());
            g.writeNumberProperty("line", d.line());
            g.writeNumberProperty("column", d.column());
            g.writeStringProperty("message", d.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Writes an input that could not be read as an object.
     *
     * @param g the generator, inside an array
     * @param name the input
     * @param e why
     */
    static void error(JsonGenerator g, String name, Exception e) {
        g.writeStartObject();
        g.writeStringProperty("input", name);
        g.writeStringProperty("error", Inputs.describe(e));
        if (e instanceof MalformedReportException m) {
            g.writeStringProperty("problem", m.problem());
            g.writeStringProperty("pointer", m.pointer());
            g.writeNumberProperty("line", m.line());
            g.writeNumberProperty("column", m.column());
        }
        g.writeEndObject();
    }
}
