package dev.tlsrpt.internal;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The one streaming reader behind {@code TlsRpt.parse} and {@code TlsRpt.stream}: Jackson's token stream,
 * read member by member against RFC 8460 section 4.4, every tolerated deviation reported to the visitor
 * (lenient) or thrown (strict), every limit checked as the tokens go by.
 */
public final class ReportReader {
    /** Longest number text accepted, in characters (Jackson's default). */
    static final int MAX_NUMBER_LENGTH = 1000;
    private static final JsonFactory DEFAULT_FACTORY = newFactory(ParseOptions.lenient());
    private static final java.util.concurrent.ConcurrentMap<Long, JsonFactory> FACTORIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ParseOptions options;
    private final boolean strict;
    private final ReportVisitor visitor;
    /** Whether deviations count against maxDeviations: when they are collected, not when streamed. */
    private final boolean countDeviations;
    private @Nullable JsonParser p;
    private long policyCount;
    private long detailCount;
    private long deviationCount;

    private @Nullable String organizationName;
    private @Nullable DateRange dateRange;
    private @Nullable String contactInfo;
    private boolean contactSeen;
    private @Nullable String reportId;
    private boolean headerSent;

    private ReportReader(ParseOptions options, ReportVisitor visitor, boolean countDeviations) {
        this.options = options;
        this.strict = options.isStrict();
        this.visitor = visitor;
        this.countDeviations = countDeviations;
    }

    /**
     * Reads a whole report through the streaming reader, collecting its deviations: at most
     * {@code maxDeviations} of them.
     *
     * @param in the report bytes, plain or gzip; left open
     * @param options mode and limits
     * @return the report and the tolerated deviations
     * @throws IOException when reading {@code in} fails
     */
    public static ParseResult parse(InputStream in, ParseOptions options) throws IOException {
        Collector collector = new Collector();
        new ReportReader(options, collector, true).run(in);
        return collector.result();
    }

    /**
     * Reads a whole report file.
     *
     * @param file the report file, plain or gzip
     * @param options mode and limits
     * @return the report and the tolerated deviations
     * @throws IOException when the file cannot be read
     */
    public static ParseResult parse(Path file, ParseOptions options) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a report file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, options);
        }
    }

    /**
     * Streams a report to a visitor. Deviations go to the visitor as they are met and do not count against
     * {@code maxDeviations}: the reader holds none of them.
     *
     * @param in the report bytes, plain or gzip; left open
     * @param options mode and limits
     * @param visitor receives the pieces in document order
     * @throws IOException when reading {@code in} fails
     */
    public static void stream(InputStream in, ParseOptions options, ReportVisitor visitor) throws IOException {
        new ReportReader(options, visitor, false).run(in);
    }

    /**
     * Reads one report from a token stream that is not the reader's own (the schema validator's tree, so that
     * it counts the deviations the parser counts), positioned before its first token. Deviations go to the
     * visitor uncounted, as in {@link #stream}; the byte limits are the caller's business.
     *
     * @param parser the tokens of one JSON document
     * @param options mode and the other limits
     * @param visitor receives the pieces in document order
     * @throws MalformedReportException when the document is not a readable report
     */
    public static void read(JsonParser parser, ParseOptions options, ReportVisitor visitor) {
        ReportReader reader = new ReportReader(options, visitor, false);
        reader.p = parser;
        try {
            reader.readDocument(parser);
        } catch (JacksonException e) {
            throw reader.fromJackson(e);
        }
    }

    /**
     * The UTF-8 bytes of JSON text given as a Java string, which can hold what UTF-8 cannot: an unpaired
     * surrogate ({@code String.getBytes} would make it {@code ?}). Refused like invalid UTF-8 bytes.
     *
     * @param json the text
     * @return its UTF-8 bytes
     * @throws MalformedReportException at the first unpaired surrogate, naming its char index, with the line and
     *     column (bytes, as in the UTF-8 the text would have) where it stands
     */
    public static byte[] utf8(String json) {
        int at = Syntax.unpairedSurrogate(json);
        if (at >= 0) {
            throw unpairedSurrogate(json, at);
        }
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static MalformedReportException unpairedSurrogate(String json, int at) {
        int line = 1;
        long column = 1;
        int from = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? 1 : 0; // a byte order mark is skipped
        for (int i = from; i < at; i++) {
            char c = json.charAt(i);
            if (c == '\n' || (c == '\r' && json.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else {
                // a surrogate pair is four bytes, two for each half
                column += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
        }
        return new MalformedReportException("an unpaired surrogate U+" + Integer.toHexString(json.charAt(at))
                .toUpperCase(java.util.Locale.ROOT) + " at char index " + at + " of the text: it has no UTF-8"
                + " encoding, and RFC 8460 reports are I-JSON, which must be UTF-8", "", line,
                (int) Math.min(column, Integer.MAX_VALUE));
    }

    /**
     * The JSON bytes of a report as the reader reads them (gzip inflated member by member, a UTF-8 byte
     * order mark skipped, UTF-8 checked, byte limits counted); faults surface while reading as
     * {@link MalformedReportException} or {@link LimitExceededException} with pointer {@code ""}, a UTF-8
     * fault with the line and column of the byte found wrong.
     *
     * @param in the report bytes, plain or gzip; left open
     * @param options the byte limits
     * @return the JSON bytes
     * @throws IOException when reading {@code in} fails
     */
    public static InputStream openJson(InputStream in, ParseOptions options) throws IOException {
        Input input;
        try {
            input = Input.open(in, options, true);
        } catch (InputFault f) {
            throw new ReportReader(options, new ReportVisitor() { }, false).located(f);
        }
        ReportReader faults = new ReportReader(options, new ReportVisitor() { }, false);
        return new java.io.FilterInputStream(input) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (InputFault f) {
                    throw faults.located(f);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (InputFault f) {
                    throw faults.located(f);
                }
            }
        };
    }

    /**
     * A factory for these limits. Its buffers are not recycled from parse to parse: Jackson checks the
     * number length while a number's digits fill its buffer segments, so with recycled (grown) buffers the
     * same truncated input failed on its first read with "truncated gzip data" and later with "a number longer
     * than 1000 characters" (a fuzz finding). Fresh buffers make the error depend on the input alone; they
     * cost a few kilobytes of allocation per report.
     */
    static JsonFactory newFactory(ParseOptions o) {
        return JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.nonRecyclingPool())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(o.maxNestingDepth())
                        .maxStringLength(o.maxStringLength())
                        .maxNameLength(o.maxStringLength())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /**
     * The factory for these limits: the default one, or one made once per distinct pair of limits (a few
     * at most in practice), so that its name tables are reused from report to report.
     */
    private static JsonFactory factory(ParseOptions o) {
        ParseOptions d = ParseOptions.lenient();
        if (o.maxNestingDepth() == d.maxNestingDepth() && o.maxStringLength() == d.maxStringLength()) {
            return DEFAULT_FACTORY;
        }
        long key = ((long) o.maxNestingDepth() << 32) | o.maxStringLength();
        JsonFactory f = FACTORIES.get(key);
        if (f == null) {
            f = newFactory(o);
            if (FACTORIES.size() < 32) {
                FACTORIES.putIfAbsent(key, f);
            }
        }
        return f;
    }

    private void run(InputStream in) throws IOException {
        Input input = null;
        try {
            input = Input.open(in, options);
            try (JsonParser parser = factory(options).createParser(ObjectReadContext.empty(), input)) {
                p = parser;
                readDocument(parser);
            }
        } catch (InputFault f) {
            throw located(f);
        } catch (JacksonIOException e) {
            IOException io = e.getCause();
            if (io != null) {
                throw io;
            }
            throw fromJackson(e);
        } catch (JacksonException e) {
            throw fromJackson(e);
        } finally {
            if (input != null) {
                input.close();
            }
        }
    }

    // ---------------------------------------------------------------- the document

    private void readDocument(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw fail("the input is empty: expected a JSON object", "", p.currentLocation());
        }
        if (t != JsonToken.START_OBJECT) {
            throw fail("expected a JSON object at the top level, got " + describe(t), "", p.currentTokenLocation());
        }
        int seen = 0;
        boolean policiesSeen = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            TokenStreamLocation nameLoc = p.currentTokenLocation();
            int bit = switch (name) {
                case "organization-name" -> 1;
                case "date-range" -> 2;
                case "contact-info" -> 4;
                case "report-id" -> 8;
                case "policies" -> 16;
                default -> 0;
            };
            JsonToken v = p.nextToken();
            String ptr = "/" + name;
            if (skipped(bit, seen, "/", name, nameLoc)) {
                continue;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> organizationName = requiredString(v, ptr);
                case 2 -> dateRange = readDateRange(v);
                case 4 -> {
                    contactSeen = true;
                    contactInfo = optionalString(v, ptr);
                    if (contactInfo == null) {
                        deviate(DeviationKind.MISSING_CONTACT_INFO, ptr, p.currentTokenLocation(),
                                "contact-info is null; read as absent");
                    }
                }
                case 8 -> reportId = requiredString(v, ptr);
                default -> {
                    policiesSeen = true;
                    if (organizationName != null && dateRange != null && reportId != null && contactSeen) {
                        sendHeader();
                    }
                    readPolicies(v);
                }
            }
        }
        TokenStreamLocation end = p.currentTokenLocation();
        if (organizationName == null) {
            throw fail("organization-name is missing", "/organization-name", end);
        }
        if (dateRange == null) {
            throw fail("date-range is missing", "/date-range", end);
        }
        if (reportId == null) {
            throw fail("report-id is missing", "/report-id", end);
        }
        if (!policiesSeen) {
            throw fail("policies is missing", "/policies", end);
        }
        if (!contactSeen) {
            deviate(DeviationKind.MISSING_CONTACT_INFO, "/contact-info", end, "contact-info is missing");
        }
        if (!headerSent) {
            sendHeader();
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw fail("unexpected content after the report object: " + describe(after), "",
                    p.currentTokenLocation());
        }
    }

    private void sendHeader() {
        headerSent = true;
        visitor.header(new ReportHeader(nonNull(organizationName), nonNull(dateRange), contactInfo,
                nonNull(reportId)));
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("checked before");
        }
        return value;
    }

    private DateRange readDateRange(JsonToken v) {
        JsonParser p = parser();
        if (v != JsonToken.START_OBJECT) {
            throw fail("date-range must be an object, got " + describe(v), "/date-range", p.currentTokenLocation());
        }
        java.time.Instant start = null;
        java.time.Instant end = null;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            TokenStreamLocation nameLoc = p.currentTokenLocation();
            int bit = switch (name) {
                case "start-datetime" -> 1;
                case "end-datetime" -> 2;
                default -> 0;
            };
            JsonToken t = p.nextToken();
            String ptr = "/date-range/" + name;
            if (skipped(bit, seen, "/date-range/", name, nameLoc)) {
                continue;
            }
            seen |= bit;
            java.time.Instant instant = dateTime(requiredString(t, ptr), ptr);
            if (bit == 1) {
                start = instant;
            } else {
                end = instant;
            }
        }
        TokenStreamLocation close = p.currentTokenLocation();
        if (start == null) {
            throw fail("start-datetime is missing", "/date-range/start-datetime", close);
        }
        if (end == null) {
            throw fail("end-datetime is missing", "/date-range/end-datetime", close);
        }
        return new DateRange(start, end);
    }

    private java.time.Instant dateTime(String text, String ptr) {
        TokenStreamLocation loc = parser().currentTokenLocation();
        Syntax.DateTime dt = Syntax.parseDateTime(text);
        if (dt == null) {
            throw fail("expected an RFC 3339 date-time such as \"2026-11-26T00:00:00Z\", got " + excerpt(text),
                    ptr, loc);
        }
        if (!dt.hasZone()) {
            deviate(DeviationKind.DATE_TIME_WITHOUT_ZONE, ptr, loc,
                    "date-time " + excerpt(text) + " has no time zone offset; read as UTC");
        }
        return dt.instant();
    }

    // ---------------------------------------------------------------- policies

    private void readPolicies(JsonToken v) {
        JsonParser p = parser();
        if (v != JsonToken.START_ARRAY) {
            throw fail("policies must be an array, got " + describe(v), "/policies", p.currentTokenLocation());
        }
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            if (++policyCount > options.maxPolicies()) {
                throw limit("maxPolicies", options.maxPolicies(),
                        "more than " + options.maxPolicies() + " policies", "/policies/" + i);
            }
            if (t != JsonToken.START_OBJECT) {
                throw fail("expected a policies entry object, got " + describe(t), "/policies/" + i,
                        p.currentTokenLocation());
            }
            readPolicyEntry(i);
        }
    }

    private void readPolicyEntry(int i) {
        JsonParser p = parser();
        Policy policy = null;
        Summary summary = null;
        boolean sent = false;
        List<FailureDetail> buffered = null;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            TokenStreamLocation nameLoc = p.currentTokenLocation();
            int bit = switch (name) {
                case "policy" -> 1;
                case "summary" -> 2;
                case "failure-details" -> 4;
                default -> 0;
            };
            JsonToken v = p.nextToken();
            if (skipped(bit, seen, "/policies/" + i + "/", name, nameLoc)) {
                continue;
            }
            String ptr = "/policies/" + i + "/" + name;
            seen |= bit;
            if (bit == 1) {
                if (v != JsonToken.START_OBJECT) {
                    throw fail("policy must be an object, got " + describe(v), ptr, p.currentTokenLocation());
                }
                policy = readPolicy(i);
            } else if (bit == 2) {
                if (v != JsonToken.START_OBJECT) {
                    throw fail("summary must be an object, got " + describe(v), ptr, p.currentTokenLocation());
                }
                summary = readSummary(i);
            } else if (v == JsonToken.VALUE_NULL) {
                deviate(DeviationKind.NULL_VALUE, ptr, p.currentTokenLocation(),
                        "failure-details is null; read as empty");
            } else if (v != JsonToken.START_ARRAY) {
                throw fail("failure-details must be an array, got " + describe(v), ptr, p.currentTokenLocation());
            } else {
                int j = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), j++) {
                    if (++detailCount > options.maxFailureDetails()) {
                        throw limit("maxFailureDetails", options.maxFailureDetails(),
                                "more than " + options.maxFailureDetails() + " failure details in the report",
                                ptr + "/" + j);
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw fail("expected a failure-details entry object, got " + describe(t), ptr + "/" + j,
                                p.currentTokenLocation());
                    }
                    FailureDetail detail = readDetail(i, j);
                    if (sent) {
                        visitor.failureDetail(nonNull(policy), detail);
                    } else {
                        if (buffered == null) {
                            buffered = new ArrayList<>();
                        }
                        buffered.add(detail);
                    }
                }
            }
            if (!sent && policy != null && summary != null) {
                sent = true;
                sendPolicy(policy, summary, buffered);
                buffered = null;
            }
        }
        TokenStreamLocation end = p.currentTokenLocation();
        if (policy == null) {
            throw fail("policy is missing", "/policies/" + i + "/policy", end);
        }
        if (summary == null) {
            throw fail("summary is missing", "/policies/" + i + "/summary", end);
        }
    }

    private void sendPolicy(Policy policy, Summary summary, @Nullable List<FailureDetail> buffered) {
        visitor.policy(policy, summary);
        if (buffered != null) {
            for (FailureDetail d : buffered) {
                visitor.failureDetail(policy, d);
            }
        }
    }

    private Policy readPolicy(int i) {
        JsonParser p = parser();
        String base = "/policies/" + i + "/policy/";
        String typeName = null;
        List<String> strings = null;
        TokenStreamLocation stringsNull = null;
        List<Integer> bracketIndexes = null;
        List<TokenStreamLocation> bracketLocations = null;
        String domain = null;
        boolean domainSeen = false;
        List<String> mx = List.of();
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            TokenStreamLocation nameLoc = p.currentTokenLocation();
            int bit = switch (name) {
                case "policy-type" -> 1;
                case "policy-string" -> 2;
                case "policy-domain" -> 4;
                case "mx-host", "mx-host-pattern" -> 8;
                default -> 0;
            };
            JsonToken v = p.nextToken();
            if (skipped(bit, seen, base, name, nameLoc)) {
                continue;
            }
            String ptr = base + name;
            seen |= bit;
            switch (bit) {
                case 1 -> {
                    typeName = requiredString(v, ptr);
                    if (PolicyType.fromWireName(typeName) == PolicyType.UNKNOWN) {
                        deviate(DeviationKind.UNKNOWN_POLICY_TYPE, ptr, p.currentTokenLocation(), "policy-type "
                                + excerpt(typeName) + " is not defined by RFC 8460; kept as UNKNOWN");
                    }
                }
                case 2 -> {
                    if (v == JsonToken.VALUE_NULL) {
                        stringsNull = p.currentTokenLocation();
                    } else if (v != JsonToken.START_ARRAY) {
                        throw fail("policy-string must be an array of strings, got " + describe(v), ptr,
                                p.currentTokenLocation());
                    } else {
                        strings = new ArrayList<>();
                        int k = 0;
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), k++) {
                            listEntry(k, ptr);
                            String s = elementString(t, ptr + "/" + k);
                            if (!s.isEmpty() && s.strip().startsWith("[")) {
                                if (bracketIndexes == null) {
                                    bracketIndexes = new ArrayList<>();
                                    bracketLocations = new ArrayList<>();
                                }
                                bracketIndexes.add(k);
                                nonNull(bracketLocations).add(p.currentTokenLocation());
                            }
                            strings.add(s);
                        }
                    }
                }
                case 4 -> {
                    domainSeen = true;
                    domain = optionalString(v, ptr);
                    if (domain == null) {
                        deviate(DeviationKind.MISSING_POLICY_DOMAIN, ptr, p.currentTokenLocation(),
                                "policy-domain is null; read as absent");
                    }
                }
                default -> {
                    if (name.equals("mx-host-pattern")) {
                        deviate(DeviationKind.DRAFT_MEMBER_NAME, ptr, nameLoc,
                                "mx-host-pattern is a draft name; read as mx-host");
                    }
                    if (v == JsonToken.VALUE_NULL) {
                        deviate(DeviationKind.NULL_VALUE, ptr, p.currentTokenLocation(),
                                name + " is null; read as empty");
                    } else if (v == JsonToken.VALUE_STRING) {
                        String s = checked(p.getString(), ptr);
                        deviate(DeviationKind.MX_HOST_STRING, ptr, p.currentTokenLocation(),
                                name + " is a string, not an array (RFC 8460 erratum 6241); read as a list of one");
                        mx = List.of(s);
                    } else if (v == JsonToken.START_ARRAY) {
                        List<String> hosts = new ArrayList<>();
                        int k = 0;
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), k++) {
                            listEntry(k, ptr);
                            hosts.add(elementString(t, ptr + "/" + k));
                        }
                        mx = hosts;
                    } else {
                        throw fail(name + " must be an array of strings, got " + describe(v), ptr,
                                p.currentTokenLocation());
                    }
                }
            }
        }
        TokenStreamLocation end = p.currentTokenLocation();
        if (typeName == null) {
            throw fail("policy-type is missing", base + "policy-type", end);
        }
        PolicyType type = PolicyType.fromWireName(typeName);
        if (strings == null) {
            if (type == PolicyType.STS || type == PolicyType.TLSA) {
                deviate(DeviationKind.MISSING_POLICY_STRING, base + "policy-string",
                        stringsNull != null ? stringsNull : end,
                        "policy-string is " + (stringsNull != null ? "null" : "missing") + " on a " + typeName
                                + " policy; read as empty");
            } else if (stringsNull != null) {
                deviate(DeviationKind.NULL_VALUE, base + "policy-string", stringsNull,
                        "policy-string is null; read as empty");
            }
        }
        if (type == PolicyType.TLSA && bracketIndexes != null) {
            for (int k = 0; k < bracketIndexes.size(); k++) {
                deviate(DeviationKind.TLSA_POLICY_STRING_JSON_ARRAY, base + "policy-string/" + bracketIndexes.get(k),
                        nonNull(bracketLocations).get(k), "a tlsa policy-string element holds a JSON array of "
                                + "records in one string; kept as sent (Policy.tlsaRecords() reads the records)");
            }
        }
        if (!domainSeen) {
            deviate(DeviationKind.MISSING_POLICY_DOMAIN, base + "policy-domain", end, "policy-domain is missing");
        }
        return new Policy(type, typeName, strings == null ? List.of() : strings, domain, mx);
    }

    private void listEntry(int k, String ptr) {
        if (k >= options.maxListLength()) {
            throw limit("maxListLength", options.maxListLength(), "more than " + options.maxListLength()
                    + " entries in one list", ptr + "/" + k);
        }
    }

    private Summary readSummary(int i) {
        JsonParser p = parser();
        String base = "/policies/" + i + "/summary/";
        long successful = 0;
        long failed = 0;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            TokenStreamLocation nameLoc = p.currentTokenLocation();
            int bit = switch (name) {
                case "total-successful-session-count" -> 1;
                case "total-failure-session-count" -> 2;
                default -> 0;
            };
            JsonToken v = p.nextToken();
            if (skipped(bit, seen, base, name, nameLoc)) {
                continue;
            }
            String ptr = base + name;
            seen |= bit;
            long value = count(v, ptr, name);
            if (bit == 1) {
                successful = value;
            } else {
                failed = value;
            }
        }
        TokenStreamLocation end = p.currentTokenLocation();
        if ((seen & 1) == 0) {
            deviate(DeviationKind.MISSING_SESSION_COUNT, base + "total-successful-session-count", end,
                    "total-successful-session-count is missing; read as 0");
        }
        if ((seen & 2) == 0) {
            deviate(DeviationKind.MISSING_SESSION_COUNT, base + "total-failure-session-count", end,
                    "total-failure-session-count is missing; read as 0");
        }
        return new Summary(successful, failed);
    }

    private FailureDetail readDetail(int i, int j) {
        JsonParser p = parser();
        String base = null;
        String resultTypeName = null;
        String sendingIp = null;
        String mxHostname = null;
        String helo = null;
        String receivingIp = null;
        long failed = 0;
        String info = null;
        String reason = null;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            int bit = switch (name) {
                case "result-type" -> 1;
                case "sending-mta-ip" -> 2;
                case "receiving-mx-hostname" -> 4;
                case "receiving-mx-helo" -> 8;
                case "receiving-ip" -> 16;
                case "failed-session-count" -> 32;
                case "additional-information", "additional-info-uri" -> 64;
                case "failure-reason-code", "failure-error-code" -> 128;
                default -> 0;
            };
            JsonToken v = p.nextToken();
            if (bit == 0) {
                TokenStreamLocation nameLoc = p.currentLocation();
                unknownMember(detailBase(i, j) + escape(name), nameLoc, name);
                p.skipChildren();
                continue;
            }
            if ((seen & bit) != 0) {
                duplicate(detailBase(i, j) + name, p.currentTokenLocation(), name);
                p.skipChildren();
                continue;
            }
            seen |= bit;
            switch (bit) {
                case 1 -> {
                    resultTypeName = v == JsonToken.VALUE_STRING ? detailString(name, i, j)
                            : requiredString(v, detailBase(i, j) + name);
                    if (ResultType.fromWireName(resultTypeName) == ResultType.UNKNOWN) {
                        deviate(DeviationKind.UNKNOWN_RESULT_TYPE, detailBase(i, j) + name, p.currentTokenLocation(),
                                "result-type " + excerpt(resultTypeName)
                                        + " is not defined by RFC 8460; kept as UNKNOWN");
                    }
                }
                case 2 -> {
                    sendingIp = optionalString(v, name, i, j);
                    if (sendingIp == null) {
                        deviate(DeviationKind.MISSING_SENDING_MTA_IP, detailBase(i, j) + name,
                                p.currentTokenLocation(), "sending-mta-ip is null; read as absent");
                    } else {
                        checkIp(sendingIp, name, i, j);
                    }
                }
                case 4 -> {
                    mxHostname = optionalString(v, name, i, j);
                    if (mxHostname == null) {
                        deviate(DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, detailBase(i, j) + name,
                                p.currentTokenLocation(), "receiving-mx-hostname is null; read as absent");
                    }
                }
                case 8 -> helo = optionalString(v, name, i, j);
                case 16 -> {
                    receivingIp = optionalString(v, name, i, j);
                    if (receivingIp != null) {
                        checkIp(receivingIp, name, i, j);
                    }
                }
                case 32 -> failed = v == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER && p.getLongValue() >= 0
                        ? p.getLongValue() : count(v, detailBase(i, j) + name, name);
                case 64 -> {
                    draftName(name, "additional-info-uri", "additional-information", i, j);
                    info = optionalString(v, name, i, j);
                    if (info != null && !Syntax.isUri(info)) {
                        deviate(DeviationKind.INVALID_URI, detailBase(i, j) + name, p.currentTokenLocation(),
                                name + " " + excerpt(info) + " is not a URI; kept as sent");
                    }
                }
                default -> {
                    draftName(name, "failure-error-code", "failure-reason-code", i, j);
                    reason = optionalString(v, name, i, j);
                }
            }
        }
        if ((seen & 0x27) != 0x27) {
            TokenStreamLocation end = p.currentTokenLocation();
            base = detailBase(i, j);
            if (resultTypeName == null) {
                throw fail("result-type is missing", base + "result-type", end);
            }
            if ((seen & 2) == 0) {
                deviate(DeviationKind.MISSING_SENDING_MTA_IP, base + "sending-mta-ip", end,
                        "sending-mta-ip is missing");
            }
            if ((seen & 4) == 0) {
                deviate(DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, base + "receiving-mx-hostname", end,
                        "receiving-mx-hostname is missing");
            }
            if ((seen & 32) == 0) {
                deviate(DeviationKind.MISSING_SESSION_COUNT, base + "failed-session-count", end,
                        "failed-session-count is missing; read as 0");
            }
        }
        return new FailureDetail(ResultType.fromWireName(nonNull(resultTypeName)), nonNull(resultTypeName),
                sendingIp, mxHostname, helo, receivingIp, failed, info, reason);
    }

    private static String detailBase(int i, int j) {
        return "/policies/" + i + "/failure-details/" + j + "/";
    }

    private void draftName(String name, String draft, String rfc, int i, int j) {
        if (name.equals(draft)) {
            deviate(DeviationKind.DRAFT_MEMBER_NAME, detailBase(i, j) + name, parser().currentTokenLocation(),
                    draft + " is a draft name; read as " + rfc);
        }
    }

    private void checkIp(String ip, String name, int i, int j) {
        if (!Syntax.isIpLiteral(ip)) {
            deviate(DeviationKind.INVALID_IP_ADDRESS, detailBase(i, j) + name, parser().currentTokenLocation(),
                    name + " " + excerpt(ip) + " is not an IPv4 or IPv6 literal; kept as sent");
        }
    }

    // ---------------------------------------------------------------- values

    private String requiredString(JsonToken v, String ptr) {
        JsonParser p = parser();
        if (v == JsonToken.VALUE_STRING) {
            return checked(p.getString(), ptr);
        }
        throw fail(ptr.substring(ptr.lastIndexOf('/') + 1) + " must be a string, got " + describe(v), ptr,
                p.currentTokenLocation());
    }

    /** A string member whose null is handled by the caller (a deviation of its own). */
    private @Nullable String optionalString(JsonToken v, String ptr) {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        return requiredString(v, ptr);
    }

    /** A failure-detail string member; null is a NULL_VALUE deviation unless the caller reports it. */
    private @Nullable String optionalString(JsonToken v, String name, int i, int j) {
        if (v == JsonToken.VALUE_NULL) {
            if (!name.equals("sending-mta-ip") && !name.equals("receiving-mx-hostname")) {
                deviate(DeviationKind.NULL_VALUE, detailBase(i, j) + name, parser().currentTokenLocation(),
                        name + " is null; read as absent");
            }
            return null;
        }
        if (v == JsonToken.VALUE_STRING) {
            return detailString(name, i, j);
        }
        return requiredString(v, detailBase(i, j) + name);
    }

    /** The current string value of a failure-detail member; its pointer is built only for an error. */
    private String detailString(String name, int i, int j) {
        String s = parser().getString();
        if (Syntax.unpairedSurrogate(s) >= 0) {
            checked(s, detailBase(i, j) + name);
        }
        return s;
    }

    private String elementString(JsonToken t, String ptr) {
        if (t != JsonToken.VALUE_STRING) {
            throw fail("expected a string, got " + describe(t), ptr, parser().currentTokenLocation());
        }
        return checked(parser().getString(), ptr);
    }

    private String checked(String s, String ptr) {
        int at = Syntax.unpairedSurrogate(s);
        if (at >= 0) {
            throw fail("the string holds an unpaired surrogate (U+" + Integer.toHexString(s.charAt(at)).toUpperCase(
                    java.util.Locale.ROOT) + "), which I-JSON forbids", ptr, parser().currentTokenLocation());
        }
        return s;
    }

    private long count(JsonToken v, String ptr, String name) {
        JsonParser p = parser();
        TokenStreamLocation loc = p.currentTokenLocation();
        if (v == JsonToken.VALUE_NULL) {
            deviate(DeviationKind.MISSING_SESSION_COUNT, ptr, loc, name + " is null; read as 0");
            return 0;
        }
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw fail("expected a non-negative integer, got " + excerpt(p.getString())
                        + " (larger than 2^63-1 or smaller than -2^63)", ptr, loc);
            }
            long value = p.getLongValue();
            if (value < 0) {
                throw fail("expected a non-negative integer, got " + value, ptr, loc);
            }
            return value;
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal d;
            try {
                d = p.getDecimalValue();
            } catch (NumberFormatException e) {
                // BigDecimal cannot hold an exponent beyond 32 bits (1e2147483648, 0e99999999999): decide from
                // the text, which is at most maxNumberLength characters
                String text = p.getString();
                int sign = exponentOutOfRangeSign(text);
                if (sign == 0) {
                    return 0;
                }
                throw fail("expected a non-negative integer, got " + excerpt(text) + (sign < 0
                        ? " (a fraction: its exponent is below -2^31)" : " (larger than 2^63-1)"), ptr, loc);
            }
            if (d.signum() == 0) {
                return 0;
            }
            if (d.signum() < 0) {
                throw fail("expected a non-negative integer, got " + excerpt(p.getString()), ptr, loc);
            }
            BigDecimal s = d.stripTrailingZeros();
            if (s.scale() > 0) {
                throw fail("expected a non-negative integer, got the fraction " + excerpt(p.getString()), ptr, loc);
            }
            if ((long) s.precision() - s.scale() > 19) {
                throw fail("expected a non-negative integer, got " + excerpt(p.getString())
                        + " (larger than 2^63-1)", ptr, loc);
            }
            try {
                return s.longValueExact();
            } catch (ArithmeticException e) {
                throw fail("expected a non-negative integer, got " + excerpt(p.getString())
                        + " (larger than 2^63-1)", ptr, loc);
            }
        }
        String got = v == JsonToken.VALUE_STRING ? "the string " + excerpt(p.getString()) : describe(v);
        throw fail("expected a non-negative integer, got " + got, ptr, loc);
    }

    /**
     * Classifies a JSON number whose exponent is beyond what {@link BigDecimal} holds: 0 when its digits are
     * all zero (the number is zero), -1 when the exponent is negative (a non-zero number of at most
     * {@code maxNumberLength} digits times 10 to less than -2^31 is a fraction), 1 when it is positive (the
     * number's magnitude is far above 2^63-1).
     */
    static int exponentOutOfRangeSign(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        for (int i = 0; i < (e < 0 ? text.length() : e); i++) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                return e >= 0 && e + 1 < text.length() && text.charAt(e + 1) == '-' ? -1 : 1;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- deviations and errors

    /**
     * Skips a member that RFC 8460 does not define here, or that occurs a second time, reporting it.
     *
     * @return true when the member was skipped
     */
    private boolean skipped(int bit, int seen, String base, String name, TokenStreamLocation nameLoc) {
        if (bit == 0) {
            unknownMember(base + escape(name), nameLoc, name);
        } else if ((seen & bit) != 0) {
            duplicate(base + name, nameLoc, name);
        } else {
            return false;
        }
        parser().skipChildren();
        return true;
    }

    private void unknownMember(String ptr, TokenStreamLocation loc, String name) {
        if (Syntax.unpairedSurrogate(name) >= 0) {
            throw fail("a member name holds an unpaired surrogate, which I-JSON forbids", ptr, loc);
        }
        deviate(DeviationKind.UNKNOWN_MEMBER, ptr, loc,
                "member " + excerpt(name) + " is not defined by RFC 8460; skipped");
    }

    private void duplicate(String ptr, TokenStreamLocation loc, String name) {
        deviate(DeviationKind.DUPLICATE_MEMBER, ptr, loc,
                "member " + excerpt(name) + " occurs twice (I-JSON forbids it); the first value is kept");
    }

    private void deviate(DeviationKind kind, String ptr, @Nullable TokenStreamLocation loc, String message) {
        int line = line(loc);
        int column = column(loc);
        if (strict) {
            throw new MalformedReportException(message + " (rejected in strict mode)", ptr, line, column, kind, null);
        }
        if (countDeviations && ++deviationCount > options.maxDeviations()) {
            throw new LimitExceededException("maxDeviations", options.maxDeviations(), "more than "
                    + options.maxDeviations() + " deviations in the report (limit maxDeviations)", ptr, line, column);
        }
        visitor.deviation(new Deviation(kind, ptr, line, column, message));
    }

    private MalformedReportException fail(String problem, String ptr, @Nullable TokenStreamLocation loc) {
        return new MalformedReportException(problem, ptr, line(loc), column(loc));
    }

    private LimitExceededException limit(String name, long value, String problem, String ptr) {
        TokenStreamLocation loc = parser().currentTokenLocation();
        return new LimitExceededException(name, value, problem + " (limit " + name + ")", ptr, line(loc),
                column(loc));
    }

    /**
     * A fault below the parser. The parser reads ahead, so its position says nothing about where the
     * fault is: the message carries the byte offset instead, and the pointer is the document's. The line
     * and column are the input layer's own, known only under {@link #openJson} (for a UTF-8 fault).
     */
    private MalformedReportException located(InputFault f) {
        String ptr = "";
        String problem = String.valueOf(f.getMessage());
        if (f.limitName != null) {
            return new LimitExceededException(f.limitName, f.limit, problem + " (limit " + f.limitName + ")", ptr,
                    -1, -1);
        }
        return new MalformedReportException(problem, ptr, f.line, f.column);
    }

    private MalformedReportException fromJackson(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        if (loc == null && p != null) {
            loc = nonNull(p).currentLocation();
        }
        String ptr = currentPointer();
        String original = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return new LimitExceededException("maxNestingDepth", options.maxNestingDepth(),
                        "nested deeper than " + options.maxNestingDepth() + " levels (limit maxNestingDepth)", ptr,
                        line(loc), column(loc));
            }
            if (original.contains("String value length") || original.contains("Name length")) {
                return new LimitExceededException("maxStringLength", options.maxStringLength(),
                        (original.contains("Name") ? "a member name" : "a string") + " longer than "
                                + options.maxStringLength() + " characters (limit maxStringLength)",
                        ptr, line(loc), column(loc));
            }
            if (original.contains("Number value length")) {
                return new MalformedReportException("a number longer than " + MAX_NUMBER_LENGTH + " characters",
                        ptr, line(loc), column(loc), null, null);
            }
        }
        String prefix = e instanceof UnexpectedEndOfInputException ? "truncated JSON: " : "not valid JSON: ";
        return new MalformedReportException(prefix + Input.shortText(original), ptr, line(loc), column(loc), null,
                null);
    }

    private String currentPointer() {
        JsonParser parser = p;
        if (parser == null) {
            return "";
        }
        try {
            return parser.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private JsonParser parser() {
        return nonNull(p);
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int line(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? -1 : loc.getLineNr();
    }

    private static int column(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getColumnNr() < 1 ? -1 : loc.getColumnNr();
    }

    static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name
                : name.replace("~", "~0").replace("/", "~1");
    }

    /** A short, quoted, printable excerpt of sender data for messages and logs. */
    static String excerpt(@Nullable String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(s.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        if (s.length() > n) {
            b.append("...");
        }
        return b.append('"').toString();
    }

    private static String describe(@Nullable JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
