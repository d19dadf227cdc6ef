package dev.tlsrpt.analysis;

import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.internal.JsonInput;
import dev.tlsrpt.internal.JsonOutput;
import dev.tlsrpt.internal.Locations;
import dev.tlsrpt.internal.SenderText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * The saved form of a {@link ReportAggregate}, described in its class documentation: written and read with
 * jackson-core's streaming generator and parser. Reading checks every member, its type and range, and the
 * consistency of each report, and says where a file is wrong.
 */
final class StateJson {

    static final String FORMAT = "tlsrpt-aggregate";
    static final int VERSION = 1;

    /** The longest string read: titles and actions quote sender strings, which parsing caps at 1 MiB. */
    static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

    private static final JsonFactory READ_FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(64)
                    .maxNumberLength(40)
                    .build())
            .build();

    private static final List<String> ROOT = List.of("format", "version", "reports");
    private static final List<String> REPORT = List.of("organization-name", "report-id", "digest", "copies", "date",
            "domains", "failures");
    private static final List<String> DOMAIN = List.of("policy-domain", "successful-sessions", "failed-sessions");
    private static final List<String> FAILURE = List.of("policy-domain", "result-type", "mx-host", "failed-sessions",
            "severity", "title", "action");

    private final JsonParser p;
    private final ReportAggregate into;

    private StateJson(JsonParser p, ReportAggregate into) {
        this.p = p;
        this.into = into;
    }

    static String severityName(Severity s) {
        return s.wireName();
    }

    // ---------------------------------------------------------------- writing

    static void write(Map<Entry.Key, Entry> entries, OutputStream out) throws IOException {
        try {
            try (JsonGenerator g = JsonOutput.generator(out, false)) {
                g.writeStartObject();
                g.writeStringProperty("format", FORMAT);
                g.writeNumberProperty("version", VERSION);
                JsonOutput.array(g, "reports", entries.entrySet(), StateJson::report);
                g.writeEndObject();
            }
            out.write('\n');
        } catch (JacksonIOException e) {
            throw JsonOutput.streamFailure(e);
        }
    }

    private static void report(JsonGenerator g, Map.Entry<Entry.Key, Entry> keyed) {
        Entry.Key key = keyed.getKey();
        Entry entry = keyed.getValue();
        Contribution c = entry.contribution();
        g.writeStartObject();
        g.writeStringProperty("organization-name", key.organization());
        JsonOutput.nullable(g, "report-id", key.reportId());
        g.writeStringProperty("digest", entry.digest());
        g.writeNumberProperty("copies", entry.copies());
        g.writeStringProperty("date", LocalDate.ofEpochDay(c.day()).toString());
        JsonOutput.array(g, "domains", c.domains(), StateJson::domain);
        JsonOutput.array(g, "failures", c.failures(), StateJson::failure);
        g.writeEndObject();
    }

    private static void domain(JsonGenerator g, Contribution.Domain d) {
        g.writeStartObject();
        JsonOutput.nullable(g, "policy-domain", Sums.orNull(d.domain()));
        g.writeNumberProperty("successful-sessions", d.successful());
        g.writeNumberProperty("failed-sessions", d.failed());
        g.writeEndObject();
    }

    private static void failure(JsonGenerator g, Contribution.Failure f) {
        g.writeStartObject();
        JsonOutput.nullable(g, "policy-domain", Sums.orNull(f.domain()));
        g.writeStringProperty("result-type", f.resultType());
        JsonOutput.nullable(g, "mx-host", Sums.orNull(f.mxHost()));
        g.writeNumberProperty("failed-sessions", f.failed());
        g.writeStringProperty("severity", severityName(f.severity()));
        g.writeStringProperty("title", f.title());
        g.writeStringProperty("action", f.action());
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- reading

    static void read(InputStream in, ReportAggregate into) throws IOException {
        try (JsonParser parser = READ_FACTORY.createParser(ObjectReadContext.empty(), in)) {
            StateJson reader = new StateJson(parser, into);
            try {
                reader.document();
            } catch (JacksonIOException e) {
                IOException io = e.getCause();
                if (io != null) {
                    throw io;
                }
                throw reader.fromJackson(e);
            } catch (JacksonException e) {
                throw reader.fromJackson(e);
            }
        } catch (JacksonIOException e) {
            throw JsonOutput.streamFailure(e);
        }
    }

    /** Reads the members of the object just started, each once, all of them; calls back with each value. */
    private void object(List<String> members, MemberReader reader) {
        Set<String> seen = new HashSet<>();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            if (!members.contains(name)) {
                throw fail("unknown member " + SenderText.quote(name) + "; expected one of " + members);
            }
            if (!seen.add(name)) {
                throw fail("the member " + name + " appears twice");
            }
            p.nextToken();
            reader.read(name);
        }
        for (String m : members) {
            if (!seen.contains(m)) {
                throw fail("the member " + m + " is missing");
            }
        }
    }

    @FunctionalInterface
    private interface MemberReader {
        void read(String name);
    }

    /** Reads the array that is the current value; calls back with each element's first token current. */
    private void array(Runnable element) {
        expect(JsonToken.START_ARRAY, "an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            element.run();
        }
    }

    /** Where an object starts: what an error about the object as a whole names. */
    private record Start(String pointer, TokenStreamLocation location) {
    }

    /** Reads an array element that must be an object, as {@link #object} does; says where it started. */
    private Start element(List<String> members, MemberReader reader) {
        expect(JsonToken.START_OBJECT, "an object");
        Start start = new Start(pointer(), p.currentTokenLocation());
        object(members, reader);
        return start;
    }

    private void document() {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw fail("the input is empty: expected a saved aggregate", new Start("", p.currentLocation()));
        }
        expect(JsonToken.START_OBJECT, "a JSON object");
        object(ROOT, name -> {
            switch (name) {
                case "format" -> {
                    if (!FORMAT.equals(string())) {
                        throw fail("expected \"" + FORMAT + "\": this is not a saved aggregate");
                    }
                }
                case "version" -> {
                    if (count() != VERSION) {
                        throw fail("unsupported version: expected " + VERSION);
                    }
                }
                default -> array(this::report);
            }
        });
        if (p.nextToken() != null) {
            throw fail("content after the end of the saved aggregate", new Start("", p.currentTokenLocation()));
        }
    }

    private void report() {
        ReportState r = new ReportState();
        Start start = element(REPORT, name -> {
            switch (name) {
                case "organization-name" -> r.organization = string();
                case "report-id" -> {
                    String id = nullableString();
                    if (id != null && id.isBlank()) {
                        throw fail("a blank report-id: a report without one has null");
                    }
                    r.reportId = id;
                }
                case "digest" -> r.digest = digest();
                case "copies" -> {
                    long copies = count();
                    if (copies < 1) {
                        throw fail("copies must be at least 1");
                    }
                    r.copies = copies;
                }
                case "date" -> r.day = date();
                case "domains" -> array(() -> domain(r));
                default -> array(() -> failure(r));
            }
        });
        for (Contribution.Failure f : r.failures.values()) {
            if (!r.domains.containsKey(f.domain())) {
                throw fail("a failure under policy-domain " + SenderText.quote(f.domain())
                        + ", which the report's domains do not list", start);
            }
        }
        String organization = nonNull(r.organization);
        String digest = nonNull(r.digest);
        Entry.Key key = new Entry.Key(organization, r.reportId, r.reportId == null ? digest : "");
        if (into.entries().containsKey(key)) {
            throw fail("report " + SenderText.quote(r.reportId) + " of " + SenderText.quote(organization)
                    + (r.reportId == null ? " with this digest" : "") + " appears twice", start);
        }
        List<Contribution.Domain> domains = new ArrayList<>(r.domains.values());
        Contribution c = new Contribution(organization, r.day, domains, new ArrayList<>(r.failures.values()));
        checkLimit(r, start.location());
        into.putNew(key, new Entry(digest, r.copies, c));
    }

    private void domain(ReportState r) {
        String[] domain = {""};
        long[] counts = new long[2];
        Start start = element(DOMAIN, name -> {
            switch (name) {
                case "policy-domain" -> domain[0] = name(nullableString());
                case "successful-sessions" -> counts[0] = count();
                default -> counts[1] = count();
            }
        });
        if (r.domains.putIfAbsent(domain[0], new Contribution.Domain(domain[0], counts[0], counts[1])) != null) {
            throw fail("the policy-domain " + SenderText.quote(domain[0]) + " appears twice in the report", start);
        }
        r.cells++;
        checkLimit(r, start.location());
    }

    private void failure(ReportState r) {
        FailureState f = new FailureState();
        Start start = element(FAILURE, name -> {
            switch (name) {
                case "policy-domain" -> f.domain = name(nullableString());
                case "result-type" -> f.resultType = string();
                case "mx-host" -> f.mxHost = name(nullableString());
                case "failed-sessions" -> f.failed = count();
                case "severity" -> f.severity = severity();
                case "title" -> f.title = string();
                default -> f.action = string();
            }
        });
        Contribution.Failure cell = new Contribution.Failure(f.domain, nonNull(f.resultType), f.mxHost, f.failed,
                nonNull(f.severity), nonNull(f.title), nonNull(f.action));
        if (r.failures.putIfAbsent(cell, cell) != null) {
            throw fail("the failure " + SenderText.quote(cell.resultType()) + " at MX host "
                    + SenderText.quote(cell.mxHost()) + " appears twice in the report", start);
        }
        r.cells++;
        checkLimit(r, start.location());
    }

    /** Fails as soon as the keys read so far, with the report being read, pass the limit. */
    private void checkLimit(ReportState r, TokenStreamLocation at) {
        if (into.wouldPassLimit(1L + r.cells)) {
            throw new AggregateLimitException(into.maxKeys(), "the saved aggregate holds more than "
                    + into.maxKeys() + " keys (limit maxKeys), passed at " + pointer()
                    + Locations.suffix(line(at), column(at)));
        }
    }

    private static final class ReportState {
        @Nullable String organization;
        @Nullable String reportId;
        @Nullable String digest;
        long copies;
        long day;
        long cells;
        final Map<String, Contribution.Domain> domains = new TreeMap<>();
        final Map<Contribution.Failure, Contribution.Failure> failures = new TreeMap<>(Contribution.Failure.KEY_ORDER);
    }

    private static final class FailureState {
        String domain = "";
        @Nullable String resultType;
        String mxHost = "";
        long failed;
        @Nullable Severity severity;
        @Nullable String title;
        @Nullable String action;
    }

    // ---------------------------------------------------------------- values

    private String string() {
        expect(JsonToken.VALUE_STRING, "a string");
        String s = p.getString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw fail("the string holds an unpaired surrogate");
            }
        }
        return s;
    }

    private @Nullable String nullableString() {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string();
    }

    /** A policy domain or MX host: null for none, else in the form the aggregate keys it by. */
    private String name(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String n = Sums.name(value);
        if (n.isEmpty() || !n.equals(value)) {
            throw fail("expected a name in lower case without surrounding space or a trailing dot, or null");
        }
        return n;
    }

    private long count() {
        expect(JsonToken.VALUE_NUMBER_INT, "a non-negative integer");
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw fail("the number does not fit in a long");
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw fail("expected a non-negative integer");
        }
        return v;
    }

    private String digest() {
        String s = string();
        if (s.length() != 64 || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw fail("expected a SHA-256 digest: 64 lower-case hex digits");
        }
        return s;
    }

    private long date() {
        String s = string();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw fail("expected a date YYYY-MM-DD");
    }

    private Severity severity() {
        String s = string();
        for (Severity v : Severity.values()) {
            if (severityName(v).equals(s)) {
                return v;
            }
        }
        throw fail("unknown severity; expected critical, warning, info or ok");
    }

    // ---------------------------------------------------------------- errors

    private void expect(JsonToken token, String what) {
        JsonToken t = p.currentToken();
        if (t != token) {
            throw fail("expected " + what + ", got " + JsonInput.describe(t));
        }
    }

    private MalformedStateException fail(String problem) {
        return fail(problem, new Start(pointer(), p.currentTokenLocation()));
    }

    private static MalformedStateException fail(String problem, Start at) {
        return new MalformedStateException(problem, at.pointer(), line(at.location()), column(at.location()));
    }

    private MalformedStateException fromJackson(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        if (loc == null) {
            loc = p.currentLocation();
        }
        String original = e.getOriginalMessage();
        String first = original == null ? "" : original.lines().findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "...";
        }
        String problem;
        if (e instanceof StreamConstraintsException) {
            problem = "a limit of the saved form passed (strings up to " + MAX_STRING_LENGTH
                    + " characters, nesting up to 8 levels): " + first;
        } else if (e instanceof UnexpectedEndOfInputException) {
            problem = "truncated JSON: " + first;
        } else {
            problem = "not valid JSON: " + first;
        }
        return fail(problem, new Start(pointer(), loc));
    }

    private String pointer() {
        try {
            return p.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int line(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? -1 : loc.getLineNr();
    }

    private static int column(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getColumnNr() < 1 ? -1 : loc.getColumnNr();
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a required member was checked present but holds nothing");
        }
        return value;
    }
}
