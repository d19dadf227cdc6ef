package dev.tlsrpt.analysis;

import dev.tlsrpt.internal.JsonOutput;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/** The JSON rendering of an {@link AggregateSummary}; the members are listed at {@link AggregateSummary#toJson}. */
final class SummaryJson {

    private SummaryJson() {
    }

    static String render(AggregateSummary s, List<String> unreadable, List<String> skipped) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonOutput.pretty(out)) {
            g.writeStartObject();
            g.writeNumberProperty("reports", s.reports());
            g.writeNumberProperty("duplicates", s.duplicates());
            JsonOutput.strings(g, "unreadable", unreadable);
            JsonOutput.strings(g, "skipped", skipped);
            date(g, "start", s.start());
            date(g, "end", s.end());
            g.writeName("domains");
            g.writeStartArray();
            for (DomainSummary d : s.domains()) {
                domain(g, d);
            }
            g.writeEndArray();
            g.writeName("reporters");
            g.writeStartArray();
            for (ReporterSummary r : s.reporters()) {
                g.writeStartObject();
                g.writeStringProperty("organization-name", r.organizationName());
                g.writeNumberProperty("reports", r.reports());
                date(g, "first-report", r.firstReport());
                date(g, "last-report", r.lastReport());
                g.writeBooleanProperty("silent", r.silent());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out + "\n";
    }

    private static void domain(JsonGenerator g, DomainSummary d) {
        g.writeStartObject();
        JsonOutput.nullable(g, "policy-domain", d.policyDomain());
        g.writeNumberProperty("reports", d.reports());
        g.writeNumberProperty("successful-sessions", d.successfulSessions());
        g.writeNumberProperty("failed-sessions", d.failedSessions());
        g.writeName("days");
        g.writeStartArray();
        for (DaySummary day : d.days()) {
            g.writeStartObject();
            date(g, "date", day.date());
            g.writeNumberProperty("reports", day.reports());
            g.writeNumberProperty("successful-sessions", day.successfulSessions());
            g.writeNumberProperty("failed-sessions", day.failedSessions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("reporters");
        g.writeStartArray();
        for (Tally t : d.reporters()) {
            g.writeStartObject();
            JsonOutput.nullable(g, "organization-name", t.name());
            g.writeNumberProperty("reports", t.reports());
            g.writeNumberProperty("successful-sessions", t.successfulSessions());
            g.writeNumberProperty("failed-sessions", t.failedSessions());
            g.writeEndObject();
        }
        g.writeEndArray();
        failureTallies(g, "mx-hosts", "mx-host", d.mxHosts());
        failureTallies(g, "result-types", "result-type", d.resultTypes());
        g.writeName("findings");
        g.writeStartArray();
        for (AggregateFinding f : d.findings()) {
            finding(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void failureTallies(JsonGenerator g, String array, String nameMember, List<Tally> tallies) {
        g.writeName(array);
        g.writeStartArray();
        for (Tally t : tallies) {
            g.writeStartObject();
            JsonOutput.nullable(g, nameMember, t.name());
            g.writeNumberProperty("reports", t.reports());
            g.writeNumberProperty("failed-sessions", t.failedSessions());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void finding(JsonGenerator g, AggregateFinding f) {
        g.writeStartObject();
        g.writeStringProperty("severity", StateJson.severityName(f.severity()));
        g.writeStringProperty("result-type", f.resultTypeName());
        JsonOutput.nullable(g, "mx-host", f.mxHost());
        g.writeNumberProperty("failed-sessions", f.failedSessions());
        g.writeNumberProperty("reports", f.reports());
        JsonOutput.strings(g, "reporters", f.reporters());
        date(g, "first-seen", f.firstSeen());
        date(g, "last-seen", f.lastSeen());
        g.writeStringProperty("status", f.status().wireName());
        g.writeBooleanProperty("single-reporter", f.singleReporter());
        JsonOutput.nullable(g, "note", f.note());
        g.writeStringProperty("title", f.title());
        g.writeStringProperty("action", f.action());
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String name, @Nullable LocalDate date) {
        JsonOutput.nullable(g, name, date == null ? null : date.toString());
    }
}
