package dev.tlsrpt.diagnose;

import dev.tlsrpt.internal.JsonOutput;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.core.JsonGenerator;

/** The JSON rendering of a {@link Diagnosis}; the member names are listed at {@link Diagnosis#toJson()}. */
final class JsonRenderer {

    private JsonRenderer() {
    }

    static String render(Diagnosis d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.terminalSafe(out)) {
            g.writeStartObject();
            g.writeStringProperty("organization-name", d.organizationName());
            JsonOutput.nullable(g, "report-id", d.reportId());
            JsonOutput.nullable(g, "contact-info", d.contactInfo());
            g.writeStringProperty("start-datetime", Texts.isoInstant(d.dateRange().start()));
            g.writeStringProperty("end-datetime", Texts.isoInstant(d.dateRange().end()));
            g.writeStringProperty("severity", d.severity().wireName());
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
        g.writeStringProperty("severity", f.severity().wireName());
        g.writeStringProperty("impact", f.impact().wireName());
        g.writeStringProperty("kind", f.kind().wireName());
        JsonOutput.nullable(g, "result-type", f.resultTypeName());
        g.writeNumberProperty("policy-index", f.policyIndex());
        JsonOutput.nullable(g, "policy-type", f.policyTypeName());
        JsonOutput.nullable(g, "policy-domain", f.policyDomain());
        JsonOutput.nullable(g, "sts-mode", f.stsMode() == null ? null : f.stsMode().wireName());
        JsonOutput.nullable(g, "mx-host", f.mxHost());
        g.writeStringProperty("mx-host-source", f.mxHostSource().wireName());
        g.writeBooleanProperty("mx-host-outside-policy", f.mxHostOutsidePolicy());
        g.writeNumberProperty("failed-sessions", f.failedSessions());
        g.writeNumberProperty("policy-sessions", f.policySessions());
        g.writeName("share");
        g.writeNumber(BigDecimal.valueOf(f.share()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString());
        JsonOutput.strings(g, "sending-ips", f.sendingIps());
        JsonOutput.strings(g, "receiving-ips", f.receivingIps());
        JsonOutput.strings(g, "receiving-mx-helos", f.receivingMxHelos());
        JsonOutput.strings(g, "failure-reason-codes", f.failureReasonCodes());
        JsonOutput.strings(g, "additional-information", f.additionalInformation());
        JsonOutput.strings(g, "policy-strings", f.policyStrings());
        g.writeStringProperty("title", f.title());
        g.writeStringProperty("explanation", f.explanation());
        g.writeStringProperty("action", f.action());
        g.writeStringProperty("reference", f.reference());
        JsonOutput.nullable(g, "pointer", f.pointer());
        g.writeEndObject();
    }
}
