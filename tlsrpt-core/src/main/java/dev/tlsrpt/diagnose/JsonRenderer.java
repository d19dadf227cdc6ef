package dev.tlsrpt.diagnose;

import dev.tlsrpt.internal.SenderText;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** The JSON rendering of a {@link Diagnosis}; the member names are listed at {@link Diagnosis#toJson()}. */
final class JsonRenderer {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .characterEscapes(new TerminalSafeEscapes())
            .build();

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

    /** Supplies a fresh pretty printer per generator (pretty printers keep state). */
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

    private JsonRenderer() {
    }

    static String render(Diagnosis d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
            g.writeStartObject();
            g.writeStringProperty("organization-name", d.organizationName());
            nullableString(g, "report-id", d.reportId());
            nullableString(g, "contact-info", d.contactInfo());
            g.writeStringProperty("start-datetime", DateTimeFormatter.ISO_INSTANT.format(d.dateRange().start()));
            g.writeStringProperty("end-datetime", DateTimeFormatter.ISO_INSTANT.format(d.dateRange().end()));
            g.writeStringProperty("severity", d.severity().jsonName());
            g.writeStringProperty("verdict", d.verdict());
            g.writeNumberProperty("total-sessions", d.totalSessions());
            g.writeNumberProperty("failed-sessions", d.failedSessions());
            g.writeName("findings");
            g.writeStartArray();
            for (Finding f : d.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString() + "\n";
    }

    private static void finding(JsonGenerator g, Finding f) {
        g.writeStartObject();
        g.writeStringProperty("severity", f.severity().jsonName());
        g.writeStringProperty("kind", f.kind().code());
        nullableString(g, "result-type", f.resultTypeName());
        g.writeNumberProperty("policy-index", f.policyIndex());
        nullableString(g, "policy-type", f.policyTypeName());
        nullableString(g, "policy-domain", f.policyDomain());
        nullableString(g, "sts-mode", f.stsMode() == null ? null : f.stsMode().wireName());
        nullableString(g, "mx-host", f.mxHost());
        g.writeStringProperty("mx-host-source", f.mxHostSource().jsonName());
        g.writeNumberProperty("failed-sessions", f.failedSessions());
        g.writeNumberProperty("policy-sessions", f.policySessions());
        g.writeName("share");
        g.writeNumber(BigDecimal.valueOf(f.share()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString());
        strings(g, "sending-ips", f.sendingIps());
        strings(g, "receiving-ips", f.receivingIps());
        strings(g, "failure-reason-codes", f.failureReasonCodes());
        strings(g, "additional-information", f.additionalInformation());
        g.writeStringProperty("title", f.title());
        g.writeStringProperty("explanation", f.explanation());
        g.writeStringProperty("action", f.action());
        g.writeStringProperty("reference", f.reference());
        nullableString(g, "pointer", f.pointer());
        g.writeEndObject();
    }

    private static void nullableString(JsonGenerator g, String name, @Nullable String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
