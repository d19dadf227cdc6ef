package dev.tlsrpt.cli;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.internal.JsonOutput;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON output of the commands, pretty-printed through core's terminal-safe generator
 * ({@link JsonOutput#terminalSafe}): besides JSON's own escapes, every character
 * {@link dev.tlsrpt.internal.SenderText#isEscaped} is written as {@code \}{@code uXXXX}, so that the JSON of a
 * hostile report can be printed on a terminal too. The command uses core's internal package, as tlsrpt-schema
 * and tlsrpt-mail do: it runs on the class path (no module descriptor, one jar with core inside), so no
 * qualified export is needed, and it is built and shipped with the very core it uses.
 */
final class JsonOut {
    /** Reads the library's own JSON back, for {@link #copy}. */
    private static final JsonFactory READER = JsonFactory.builder().build();

    private JsonOut() {
    }

    /**
     * A pretty-printing, terminal-safe generator that leaves {@code out} open when closed.
     *
     * @param out where to write
     * @return the generator
     */
    static JsonGenerator generator(Writer out) {
        return JsonOutput.terminalSafe(out);
    }

    /**
     * Prints a JSON document of the library through {@link #generator} ({@link #copy}) and ends the line.
     *
     * @param out standard output
     * @param json the document
     */
    static void print(PrintWriter out, String json) {
        try (JsonGenerator g = generator(out)) {
            copy(g, json);
        }
        out.println();
    }

    /**
     * Copies a JSON document into the generator, numbers exactly as written (no {@code 6.22E-4} for
     * {@code 0.000622}).
     *
     * @param g the generator, where a value may go
     * @param json the document
     */
    static void copy(JsonGenerator g, String json) {
        try (JsonParser p = READER.createParser(ObjectReadContext.empty(), json)) {
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
