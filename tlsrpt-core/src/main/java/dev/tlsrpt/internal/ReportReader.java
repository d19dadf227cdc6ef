package dev.tlsrpt.internal;

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
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.tlsrpt.internal.Members.DateRangeMember;
import dev.tlsrpt.internal.Members.DetailMember;
import dev.tlsrpt.internal.Members.PolicyMember;
import dev.tlsrpt.internal.Members.PolicyResultMember;
import dev.tlsrpt.internal.Members.ReportMember;
import dev.tlsrpt.internal.Members.SummaryMember;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The one streaming reader behind {@code TlsRpt.parse} and {@code TlsRpt.stream}: Jackson's token stream,
 * read member by member against RFC 8460 section 4.4, every tolerated deviation reported to the visitor
 * (lenient) or thrown (strict), every limit checked as the tokens go by.
 */
public final class ReportReader {
    /** Longest number text accepted, in characters (Jackson's default). */
    static final int MAX_NUMBER_LENGTH = 1000;
    /** The factory for the default limits; also makes the member tables' name matchers. */
    static final JsonFactory DEFAULT_FACTORY = newFactory(ParseOptions.lenient());
    private static final java.util.concurrent.ConcurrentMap<Long, JsonFactory> FACTORIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ParseOptions options;
    private final ReportVisitor visitor;
    private final ReadErrors errors;
    private @Nullable JsonParser p;
    private @Nullable Values values;
    private int maxNameLength;
    private long policyCount;
    private long detailCount;
    /** One failure detail's cursor, reused from detail to detail: they never nest. */
    private final MemberCursor<DetailMember> detailCursor = new MemberCursor<>(Members.FAILURE_DETAIL, 0, 0);

    private @Nullable String organizationName;
    private @Nullable DateRange dateRange;
    private @Nullable String contactInfo;
    private @Nullable String reportId;
    private boolean headerSent;

    private ReportReader(ParseOptions options, ReportVisitor visitor, boolean countDeviations) {
        this.options = options;
        this.visitor = visitor;
        this.errors = new ReadErrors(options, visitor, countDeviations);
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
        try {
            reader.readDocument(parser);
        } catch (JacksonException e) {
            throw reader.errors.fromJackson(e);
        }
    }

    /**
     * A factory for these limits. Its buffers are kept per thread only at their default sizes
     * ({@link ThreadBuffers#POOL}): Jackson checks the number length while a number's digits fill its buffer
     * segments, so with recycled grown buffers the same truncated input failed on its first read with
     * "truncated gzip data" and later with "a number longer than 1000 characters" (a fuzz finding). Buffers of
     * the sizes a fresh parser has make the error depend on the input alone.
     */
    static JsonFactory newFactory(ParseOptions o) {
        return JsonFactory.builder()
                .recyclerPool(ThreadBuffers.POOL)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(o.maxNestingDepth())
                        .maxStringLength(o.maxStringLength())
                        .maxNameLength(o.maxStringLength())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
    }

    /**
     * The factory for these limits, for the reader and for code that reads the JSON as the reader does (the
     * schema validator): the default one, or one made once per distinct pair of limits (a few at most in
     * practice), so that its name tables are reused from report to report.
     *
     * @param o the nesting depth and string length limits
     * @return the factory
     */
    public static JsonFactory factory(ParseOptions o) {
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
                readDocument(parser);
            }
        } catch (InputFault f) {
            throw ReadErrors.located(f);
        } catch (JacksonIOException e) {
            IOException io = e.getCause();
            if (io != null) {
                throw io;
            }
            throw errors.fromJackson(e);
        } catch (JacksonException e) {
            throw errors.fromJackson(e);
        } finally {
            if (input != null) {
                input.close();
            }
        }
    }

    // ---------------------------------------------------------------- objects, member by member

    /**
     * The next member of the object under {@code c}, its value's first token current. Members RFC 8460 does not
     * define there and repeated members are skipped and reported (at their name); a draft-era name is reported
     * and selects its RFC member.
     *
     * @return the member, or null at the end of the object
     */
    private <E extends Enum<E>> @Nullable E next(MemberCursor<E> c) {
        JsonParser p = parser();
        MemberTable<E> table = c.table;
        while (true) {
            int index = p.nextNameMatch(table.matcher);
            if (index < 0) {
                if (index != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
                    return null;
                }
                TokenStreamLocation at = p.currentTokenLocation();
                String name = p.currentName();
                p.nextToken();
                errors.unknownMember(c.base() + Locations.pointerToken(name), at, name);
                p.skipChildren();
                continue;
            }
            E member = table.member(index);
            String name = table.name(index);
            // Jackson checks the length while it reads a name, but not a matched one
            if (table.longestName > maxNameLength && name.length() > maxNameLength) {
                throw errors.nameTooLong(c.base() + name, p.currentTokenLocation());
            }
            if (!c.add(member, name)) {
                TokenStreamLocation at = p.currentTokenLocation();
                p.nextToken();
                errors.duplicate(c.base() + name, at, name);
                p.skipChildren();
                continue;
            }
            if (table.isDraft(index)) {
                TokenStreamLocation at = p.currentTokenLocation();
                p.nextToken();
                errors.deviate(DeviationKind.DRAFT_MEMBER_NAME, c.pointer(), at,
                        name + " is a draft name; read as " + table.spec(member).wireName());
            } else {
                p.nextToken();
            }
            return member;
        }
    }

    /** Fails at the first member missing that the object requires; the current token is the object's end. */
    private <E extends Enum<E>> void requireMembers(MemberCursor<E> c) {
        if (!c.hasAll(c.table.requiredMask)) {
            TokenStreamLocation end = parser().currentTokenLocation();
            for (E m : c.table.members()) {
                MemberTable.MemberSpec spec = c.table.spec(m);
                if (spec.required() && !c.has(m)) {
                    throw errors.fail(spec.wireName() + " is missing", c.base() + spec.wireName(), end);
                }
            }
        }
    }

    /**
     * Reports each member missing whose absence is a catalogued deviation; the current token is the object's
     * end. Nothing to do (no location made) when every member is there.
     */
    private <E extends Enum<E>> void reportMissing(MemberCursor<E> c) {
        if (c.hasAll(c.table.expectedMask)) {
            return;
        }
        TokenStreamLocation end = parser().currentTokenLocation();
        for (E m : c.table.members()) {
            MemberTable.MemberSpec spec = c.table.spec(m);
            DeviationKind kind = spec.ifMissing();
            if (kind != null && !c.has(m)) {
                errors.deviate(kind, c.base() + spec.wireName(), end,
                        spec.wireName() + " is missing" + spec.reading());
            }
        }
    }

    // ---------------------------------------------------------------- the document

    private void readDocument(JsonParser parser) {
        this.p = parser;
        this.values = new Values(parser, errors);
        this.maxNameLength = parser.streamReadConstraints().getMaxNameLength();
        errors.parser(parser);
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw errors.fail("the input is empty: expected a JSON object", "", parser.currentLocation());
        }
        if (t != JsonToken.START_OBJECT) {
            throw errors.fail("expected a JSON object at the top level, got " + JsonInput.describe(t), "",
                    parser.currentTokenLocation());
        }
        Values values = values();
        MemberCursor<ReportMember> c = new MemberCursor<>(Members.REPORT, 0, 0);
        for (ReportMember m = next(c); m != null; m = next(c)) {
            JsonToken v = parser.currentToken();
            switch (m) {
                case ORGANIZATION_NAME -> organizationName = values.string(v, c);
                case DATE_RANGE -> dateRange = readDateRange(v);
                case CONTACT_INFO -> {
                    contactInfo = values.nullable(v, c);
                    if (contactInfo == null) {
                        errors.deviate(DeviationKind.MISSING_CONTACT_INFO, c.pointer(), parser.currentTokenLocation(),
                                "contact-info is null; read as absent");
                    }
                }
                case REPORT_ID -> reportId = values.string(v, c);
                case POLICIES -> {
                    if (organizationName != null && dateRange != null && c.has(ReportMember.REPORT_ID)
                            && c.has(ReportMember.CONTACT_INFO)) {
                        sendHeader();
                    }
                    readPolicies(v);
                }
            }
        }
        requireMembers(c);
        reportMissing(c);
        if (!headerSent) {
            sendHeader();
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw errors.fail("unexpected content after the report object: " + JsonInput.describe(after), "",
                    parser.currentTokenLocation());
        }
    }

    private void sendHeader() {
        headerSent = true;
        visitor.header(new ReportHeader(nonNull(organizationName), nonNull(dateRange), contactInfo, reportId));
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
            throw errors.fail("date-range must be an object, got " + JsonInput.describe(v), "/date-range",
                    p.currentTokenLocation());
        }
        Instant start = null;
        Instant end = null;
        MemberCursor<DateRangeMember> c = new MemberCursor<>(Members.DATE_RANGE, 0, 0);
        for (DateRangeMember m = next(c); m != null; m = next(c)) {
            Instant instant = values().dateTime(values().string(p.currentToken(), c), c);
            switch (m) {
                case START_DATETIME -> start = instant;
                case END_DATETIME -> end = instant;
            }
        }
        requireMembers(c);
        return new DateRange(nonNull(start), nonNull(end));
    }

    // ---------------------------------------------------------------- policies

    private void readPolicies(JsonToken v) {
        JsonParser p = parser();
        if (v != JsonToken.START_ARRAY) {
            throw errors.fail("policies must be an array, got " + JsonInput.describe(v), "/policies",
                    p.currentTokenLocation());
        }
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            if (++policyCount > options.maxPolicies()) {
                throw errors.limit("maxPolicies", options.maxPolicies(),
                        "more than " + options.maxPolicies() + " policies", "/policies/" + i);
            }
            if (t != JsonToken.START_OBJECT) {
                throw errors.fail("expected a policies entry object, got " + JsonInput.describe(t), "/policies/" + i,
                        p.currentTokenLocation());
            }
            readPolicyEntry(i);
        }
    }

    /**
     * One {@code policies} entry. The policy and its summary go to the visitor as soon as both are read;
     * failure details read before that wait for them.
     */
    private void readPolicyEntry(int i) {
        JsonParser p = parser();
        Policy policy = null;
        Summary summary = null;
        boolean sent = false;
        List<FailureDetail> buffered = null;
        MemberCursor<PolicyResultMember> c = new MemberCursor<>(Members.POLICY_RESULT, i, 0);
        for (PolicyResultMember m = next(c); m != null; m = next(c)) {
            JsonToken v = p.currentToken();
            switch (m) {
                case POLICY -> {
                    if (v != JsonToken.START_OBJECT) {
                        throw errors.fail("policy must be an object, got " + JsonInput.describe(v), c.pointer(),
                                p.currentTokenLocation());
                    }
                    policy = readPolicy(i);
                }
                case SUMMARY -> {
                    if (v != JsonToken.START_OBJECT) {
                        throw errors.fail("summary must be an object, got " + JsonInput.describe(v), c.pointer(),
                                p.currentTokenLocation());
                    }
                    summary = readSummary(i);
                }
                case FAILURE_DETAILS -> {
                    if (v == JsonToken.VALUE_NULL) {
                        errors.deviate(DeviationKind.NULL_VALUE, c.pointer(), p.currentTokenLocation(),
                                "failure-details is null; read as empty");
                    } else if (v != JsonToken.START_ARRAY) {
                        throw errors.fail("failure-details must be an array, got " + JsonInput.describe(v),
                                c.pointer(), p.currentTokenLocation());
                    } else {
                        int j = 0;
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), j++) {
                            if (++detailCount > options.maxFailureDetails()) {
                                throw errors.limit("maxFailureDetails", options.maxFailureDetails(), "more than "
                                        + options.maxFailureDetails() + " failure details in the report",
                                        c.pointer() + "/" + j);
                            }
                            if (t != JsonToken.START_OBJECT) {
                                throw errors.fail("expected a failure-details entry object, got "
                                        + JsonInput.describe(t), c.pointer() + "/" + j, p.currentTokenLocation());
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
                }
            }
            if (!sent && policy != null && summary != null) {
                sent = true;
                sendPolicy(policy, summary, buffered);
                buffered = null;
            }
        }
        requireMembers(c);
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
        Values values = values();
        String typeName = null;
        List<String> strings = null;
        TokenStreamLocation stringsNull = null;
        List<Integer> bracketIndexes = null;
        List<TokenStreamLocation> bracketLocations = null;
        String domain = null;
        List<String> mx = List.of();
        MemberCursor<PolicyMember> c = new MemberCursor<>(Members.POLICY, i, 0);
        for (PolicyMember m = next(c); m != null; m = next(c)) {
            JsonToken v = p.currentToken();
            switch (m) {
                case POLICY_TYPE -> {
                    typeName = values.string(v, c);
                    if (PolicyType.fromWireName(typeName) == PolicyType.UNKNOWN) {
                        errors.deviate(DeviationKind.UNKNOWN_POLICY_TYPE, c.pointer(), p.currentTokenLocation(),
                                "policy-type " + SenderText.quote(typeName)
                                        + " is not defined by RFC 8460; kept as UNKNOWN");
                    }
                }
                case POLICY_STRING -> {
                    if (v == JsonToken.VALUE_NULL) {
                        stringsNull = p.currentTokenLocation();
                    } else if (v != JsonToken.START_ARRAY) {
                        throw errors.fail("policy-string must be an array of strings, got " + JsonInput.describe(v),
                                c.pointer(), p.currentTokenLocation());
                    } else {
                        strings = new ArrayList<>();
                        int k = 0;
                        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), k++) {
                            listEntry(k, c);
                            String s = values.element(t, c, k);
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
                case POLICY_DOMAIN -> {
                    domain = values.nullable(v, c);
                    if (domain == null) {
                        errors.deviate(DeviationKind.MISSING_POLICY_DOMAIN, c.pointer(), p.currentTokenLocation(),
                                "policy-domain is null; read as absent");
                    }
                }
                case MX_HOST -> mx = mxHosts(v, c);
            }
        }
        requireMembers(c);
        PolicyType type = PolicyType.fromWireName(nonNull(typeName));
        if (strings == null) {
            if (type == PolicyType.STS || type == PolicyType.TLSA) {
                errors.deviate(DeviationKind.MISSING_POLICY_STRING, c.base() + "policy-string",
                        stringsNull != null ? stringsNull : p.currentTokenLocation(),
                        "policy-string is " + (stringsNull != null ? "null" : "missing") + " on a " + typeName
                                + " policy; read as empty");
            } else if (stringsNull != null) {
                errors.deviate(DeviationKind.NULL_VALUE, c.base() + "policy-string", stringsNull,
                        "policy-string is null; read as empty");
            }
        }
        if (type == PolicyType.TLSA && bracketIndexes != null) {
            for (int k = 0; k < bracketIndexes.size(); k++) {
                errors.deviate(DeviationKind.TLSA_POLICY_STRING_JSON_ARRAY, c.base() + "policy-string/"
                        + bracketIndexes.get(k), nonNull(bracketLocations).get(k), "a tlsa policy-string element "
                        + "holds a JSON array of records in one string; kept as sent (Policy.tlsaRecords() reads the "
                        + "records)");
            }
        }
        reportMissing(c);
        return new Policy(type, nonNull(typeName), strings == null ? List.of() : strings, domain, mx);
    }

    /** {@code mx-host}: an array of strings, or (a deviation) one string or null. */
    private List<String> mxHosts(JsonToken v, MemberCursor<PolicyMember> c) {
        JsonParser p = parser();
        String name = c.name();
        if (v == JsonToken.VALUE_NULL) {
            errors.deviate(DeviationKind.NULL_VALUE, c.pointer(), p.currentTokenLocation(),
                    name + " is null; read as empty");
            return List.of();
        }
        if (v == JsonToken.VALUE_STRING) {
            String s = values().string(v, c);
            errors.deviate(DeviationKind.MX_HOST_STRING, c.pointer(), p.currentTokenLocation(),
                    name + " is a string, not an array (RFC 8460 erratum 6241); read as a list of one");
            return List.of(s);
        }
        if (v != JsonToken.START_ARRAY) {
            throw errors.fail(name + " must be an array of strings, got " + JsonInput.describe(v), c.pointer(),
                    p.currentTokenLocation());
        }
        List<String> hosts = new ArrayList<>();
        int k = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), k++) {
            listEntry(k, c);
            hosts.add(values().element(t, c, k));
        }
        return hosts;
    }

    /** Entry {@code k} of the list that is the value of {@code c}'s current member. */
    private void listEntry(int k, MemberCursor<?> c) {
        if (k >= options.maxListLength()) {
            throw errors.limit("maxListLength", options.maxListLength(), "more than " + options.maxListLength()
                    + " entries in one list", c.pointer() + "/" + k);
        }
    }

    private Summary readSummary(int i) {
        JsonParser p = parser();
        long successful = 0;
        long failed = 0;
        MemberCursor<SummaryMember> c = new MemberCursor<>(Members.SUMMARY, i, 0);
        for (SummaryMember m = next(c); m != null; m = next(c)) {
            long value = values().count(p.currentToken(), c);
            switch (m) {
                case TOTAL_SUCCESSFUL_SESSION_COUNT -> successful = value;
                case TOTAL_FAILURE_SESSION_COUNT -> failed = value;
            }
        }
        reportMissing(c);
        return new Summary(successful, failed);
    }

    private FailureDetail readDetail(int i, int j) {
        JsonParser p = parser();
        Values values = values();
        ResultType resultType = null;
        String resultTypeName = null;
        String sendingIp = null;
        String mxHostname = null;
        String helo = null;
        String receivingIp = null;
        long failed = 0;
        String info = null;
        String reason = null;
        MemberCursor<DetailMember> c = detailCursor;
        c.reset(i, j);
        for (DetailMember m = next(c); m != null; m = next(c)) {
            JsonToken v = p.currentToken();
            switch (m) {
                case RESULT_TYPE -> {
                    resultTypeName = values.string(v, c);
                    resultType = ResultType.fromWireName(resultTypeName);
                    if (resultType != ResultType.UNKNOWN) {
                        resultTypeName = resultType.wireName(); // one string for all equal names of a report
                    }
                    if (resultType == ResultType.UNKNOWN) {
                        errors.deviate(DeviationKind.UNKNOWN_RESULT_TYPE, c.pointer(), p.currentTokenLocation(),
                                "result-type " + SenderText.quote(resultTypeName)
                                        + " is not defined by RFC 8460; kept as UNKNOWN");
                    }
                }
                case SENDING_MTA_IP -> {
                    sendingIp = values.nullable(v, c);
                    if (sendingIp == null) {
                        errors.deviate(DeviationKind.MISSING_SENDING_MTA_IP, c.pointer(), p.currentTokenLocation(),
                                "sending-mta-ip is null; read as absent");
                    } else {
                        checkIp(sendingIp, c);
                    }
                }
                case RECEIVING_MX_HOSTNAME -> {
                    mxHostname = values.nullable(v, c);
                    if (mxHostname == null) {
                        errors.deviate(DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, c.pointer(),
                                p.currentTokenLocation(), "receiving-mx-hostname is null; read as absent");
                    }
                }
                case RECEIVING_MX_HELO -> helo = values.optional(v, c);
                case RECEIVING_IP -> {
                    receivingIp = values.optional(v, c);
                    if (receivingIp != null) {
                        checkIp(receivingIp, c);
                    }
                }
                case FAILED_SESSION_COUNT -> failed = values.count(v, c);
                case ADDITIONAL_INFORMATION -> {
                    info = values.optional(v, c);
                    if (info != null && !Syntax.isUri(info)) {
                        errors.deviate(DeviationKind.INVALID_URI, c.pointer(), p.currentTokenLocation(),
                                c.name() + " " + SenderText.quote(info) + " is not a URI; kept as sent");
                    }
                }
                case FAILURE_REASON_CODE -> reason = values.optional(v, c);
            }
        }
        requireMembers(c);
        reportMissing(c);
        return new FailureDetail(nonNull(resultType), nonNull(resultTypeName),
                sendingIp, mxHostname, helo, receivingIp, failed, info, reason);
    }

    private void checkIp(String ip, MemberCursor<DetailMember> c) {
        if (!Syntax.isIpLiteral(ip)) {
            errors.deviate(DeviationKind.INVALID_IP_ADDRESS, c.pointer(), parser().currentTokenLocation(),
                    c.name() + " " + SenderText.quote(ip) + " is not an IPv4 or IPv6 literal; kept as sent");
        }
    }

    private JsonParser parser() {
        return nonNull(p);
    }

    private Values values() {
        return nonNull(values);
    }
}
