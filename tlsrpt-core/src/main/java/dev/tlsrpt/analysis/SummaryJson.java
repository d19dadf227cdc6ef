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
            JsonOutput.array(g, "domains", s.domains(), SummaryJson::domain);
            JsonOutput.array(g, "reporters", s.reporters(), SummaryJson::reporter);
            g.writeEndObject();
        }
        return out + "\n";
    }

    private static void reporter(JsonGenerator g, ReporterSummary r) {
        g.writeStartObject();
        g.writeStringProperty("organization-name", r.organizationName());
        g.writeNumberProperty("reports", r.reports());
        date(g, "first-report", r.firstReport());
        date(g, "last-report", r.lastReport());
        g.writeBooleanProperty("silent", r.silent());
        g.writeEndObject();
    }

    private static void domain(JsonGenerator g, DomainSummary d) {
        g.writeStartObject();
        JsonOutput.nullable(g, "policy-domain", d.policyDomain());
        g.writeNumberProperty("reports", d.reports());
        g.writeNumberProperty("successful-sessions", d.successfulSessions());
        g.writeNumberProperty("failed-sessions", d.failedSessions());
        JsonOutput.array(g, "days", d.days(), (o, day) -> sessions(o, "date", day.date().toString(), day.reports(),
                day.successfulSessions(), day.failedSessions()));
        JsonOutput.array(g, "reporters", d.reporters(), (o, t) -> sessions(o, "organization-name", t.name(),
                t.reports(), t.successfulSessions(), t.failedSessions()));
        failureTallies(g, "mx-hosts", "mx-host", d.mxHosts());
        failureTallies(g, "result-types", "result-type", d.resultTypes());
        JsonOutput.array(g, "findings", d.findings(), SummaryJson::finding);
        g.writeEndObject();
    }

    /** A day or a reporter of a domain: who or when, with its reports and sessions. */
    private static void sessions(JsonGenerator g, String nameMember, @Nullable String name, long reports,
            long successful, long failed) {
        g.writeStartObject();
        JsonOutput.nullable(g, nameMember, name);
        g.writeNumberProperty("reports", reports);
        g.writeNumberProperty("successful-sessions", successful);
        g.writeNumberProperty("failed-sessions", failed);
        g.writeEndObject();
    }

    private static void failureTallies(JsonGenerator g, String array, String nameMember, List<Tally> tallies) {
        JsonOutput.array(g, array, tallies, (o, t) -> {
            o.writeStartObject();
            JsonOutput.nullable(o, nameMember, t.name());
            o.writeNumberProperty("reports", t.reports());
            o.writeNumberProperty("failed-sessions", t.failedSessions());
            o.writeEndObject();
        });
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
