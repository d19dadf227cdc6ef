package dev.tlsrpt.cli;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.MalformedReportException;
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** JSON output of the commands, pretty-printed, written with Jackson's streaming generator. */
final class JsonOut {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

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
