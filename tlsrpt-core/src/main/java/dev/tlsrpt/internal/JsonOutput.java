package dev.tlsrpt.internal;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The one configuration of the JSON the library writes (reports, diagnoses, summaries, aggregate state): UTF-8,
 * the caller's stream left open, an unfinished document never closed for the caller, and pretty printing with
 * a fresh printer per generator (pretty printers keep state).
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET, StreamWriteFeature.AUTO_CLOSE_CONTENT)
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
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
