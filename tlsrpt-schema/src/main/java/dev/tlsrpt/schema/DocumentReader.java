package dev.tlsrpt.schema;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.internal.JsonInput;
import dev.tlsrpt.internal.JsonOutput;
import dev.tlsrpt.internal.Locations;
import dev.tlsrpt.internal.MemberTable;
import dev.tlsrpt.internal.Members;
import dev.tlsrpt.internal.ReportReader;
import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.internal.Syntax;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a document into a Jackson tree the way tlsrpt-core's parser reads it: gzip sniffed from the first
 * bytes, UTF-8 only, one JSON object and nothing after it, the first of duplicate members kept, the limits of
 * {@link ParseOptions}. Records where each value starts (and each object ends) by JSON pointer, for the
 * violations' line and column. Not thread-safe; one instance per document.
 */
final class DocumentReader {

    /** Where a value is: 1-based line and column (bytes), -1 when unknown. */
    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(-1, -1);
    }

    /**
     * A document read: its tree (null when it could not be read), locations by pointer (of values, of member
     * names, of the ends of objects and arrays), the original text of
     * numbers the tree holds in another form, and the problems found while reading (at most
     * {@link TlsRptSchema#MAX_VIOLATIONS}; {@code problemsCut} when there were more).
     */
    record Document(@Nullable JsonNode tree, Map<String, Location> starts, Map<String, Location> names,
            Map<String, Location> ends, Map<String, String> numberTexts, List<Violation> problems,
            boolean problemsCut) {
    }

    /** The caller's stream failed: stays an {@link IOException} for the caller. */
    static final class SourceFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The document cannot be read on: the one violation that says why. */
    private static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        Fatal(Violation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }
    }

    /**
     * The kinds of RFC 8460 objects and arrays, where duplicates are looked for and limits counted; an object's
     * members are the parser's own table (which names the draft names too).
     */
    private enum Kind {
        REPORT(Members.REPORT), DATE_RANGE(Members.DATE_RANGE), POLICIES(null), POLICY_RESULT(Members.POLICY_RESULT),
        POLICY(Members.POLICY), SUMMARY(Members.SUMMARY), FAILURE_DETAILS(null),
        FAILURE_DETAIL(Members.FAILURE_DETAIL);

        private final @Nullable MemberTable<?> members;

        Kind(@Nullable MemberTable<?> members) {
            this.members = members;
        }

        boolean isObject() {
            return members != null;
        }

        /** Whether RFC 8460 (or its drafts) defines the member here; in an array or an unknown object, any. */
        boolean knows(String name) {
            return members == null || members.lookup(name) != null;
        }

        /** The RFC name of a member name: a draft name and its RFC name count as the same member. */
        String canonical(String name) {
            return members == null ? name : members.rfcName(name);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Stands for any integer too large to hold exactly: above every count's maximum. */
    private static final BigInteger HUGE = BigInteger.TEN.pow(40);
    /** Stands for any fraction too large or too small to compare safely: not an integer, positive. */
    private static final BigDecimal SOME_FRACTION = new BigDecimal("0.5");

    private final ParseOptions options;
    private final boolean reportDuplicates;
    private final JsonFactory factory;
    private final Map<String, Location> starts = new HashMap<>();
    private final Map<String, Location> names = new HashMap<>();
    private final Map<String, Location> ends = new HashMap<>();
    private final Map<String, String> numberTexts = new HashMap<>();
    private final List<Violation> problems = new ArrayList<>();
    private boolean problemsCut;
    private long policies;
    private long failureDetails;
    /**
     * Unknown and repeated members skipped so far: deviations the parser counts, counted while reading so that
     * a flood of them stops before it is held; the other deviations are counted on the tree.
     */
    private long skippedMembers;
    private static final java.util.regex.Pattern POLICY_LIST =
            java.util.regex.Pattern.compile("/policies/[0-9]+/policy/(?:policy-string|mx-host|mx-host-pattern)");

    DocumentReader(ParseOptions options) {
        this.options = options;
        this.reportDuplicates = options.isStrict();
        this.factory = ReportReader.factory(options); // the parser's, with its limits and unrecycled buffers
    }

    /**
     * Reads the caller's input, plain JSON or gzip, straight into the tree: the bytes go through the parser's
     * own input layer ({@link JsonInput#open}: gzip, UTF-8 and both byte limits checked as they pass), so
     * nothing but the tree and a few buffers is held, and a bomb stops at the first byte over the limit.
     *
     * @throws SourceFailure when reading {@code in} fails
     */
    Document read(InputStream in) throws IOException {
        Source source = new Source(in);
        Violation unreadable;
        try {
            return read(source);
        } catch (Fatal f) {
            unreadable = f.violation;
        } catch (dev.tlsrpt.LimitExceededException e) {
            boolean decompressed = e.limitName().equals("maxDecompressedBytes");
            unreadable = new Violation("", -1, -1, Violation.LIMIT, "more than " + e.limit() + (decompressed
                    ? " bytes of JSON" + (source.gzip() ? " after decompression" : "") : " bytes of input")
                    + " (" + e.limitName() + ")");
        } catch (MalformedReportException e) {
            String problem = e.problem();
            String message;
            if (source.gzip() && problem.contains("gzip")) {
                message = "starts like gzip (1f 8b) but is not readable gzip: " + problem;
            } else if (problem.startsWith("invalid UTF-8: ")) {
                message = "not UTF-8: " + problem.substring("invalid UTF-8: ".length());
            } else {
                message = (problem.contains("UTF-") ? "not UTF-8: " : "not well-formed JSON: ") + problem;
            }
            unreadable = new Violation("", e.line(), e.column(),
                    source.gzip() && problem.contains("gzip") ? Violation.GZIP : Violation.JSON, message);
        }
        return new Document(null, starts, names, ends, numberTexts, List.of(unreadable), false);
    }

    private Document read(Source source) throws IOException {
        InputStream json = JsonInput.open(source, options);
        JsonParser p;
        try {
            p = factory.createParser(ObjectReadContext.empty(), json);
        } catch (JacksonIOException e) {
            throw JsonOutput.streamFailure(e); // only the caller's stream throws an IOException there
        }
        try (p) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw fatal(Violation.JSON, "", Location.UNKNOWN, "empty document: no JSON value");
            }
            JsonNode root = value(p, "", Kind.REPORT);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw fatal(Violation.JSON, "", location(p.currentTokenLocation()),
                        "content after the report object; a report is exactly one JSON object");
            }
            if (!options.isStrict()) {
                countDeviations(root);
            }
            return new Document(root, starts, names, ends, numberTexts, problems, problemsCut);
        } catch (JacksonIOException e) {
            throw JsonOutput.streamFailure(e);
        } catch (StreamConstraintsException e) {
            throw fatal(Violation.LIMIT, pointerOf(p), location(e.getLocation()),
                    "passes a limit: " + cleanJacksonMessage(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw fatal(Violation.JSON, pointerOf(p), location(e.getLocation()),
                    "not well-formed JSON: " + cleanJacksonMessage(e.getOriginalMessage()));
        } catch (StackOverflowError e) {
            // only reachable with a nesting limit far above the default
            throw fatal(Violation.LIMIT, "", Location.UNKNOWN, "nested too deeply to validate (maxNestingDepth "
                    + options.maxNestingDepth() + ")");
        }
    }

    private String tooManyDeviations() {
        return "more than " + options.maxDeviations() + " deviations from RFC 8460 (maxDeviations)";
    }

    /**
     * Counts the deviations the lenient parser would report, against {@code maxDeviations}, by running the
     * parser's own reader over the tree: the unknown and repeated members counted while reading (the tree
     * holds no repeated member, and unknown ones only as nulls) plus every other kind. The parser counts them
     * in document order, so the violation names the deviation at which the limit passed (with unknown or
     * repeated members in the document, another one than the parser's may be named).
     */
    private void countDeviations(JsonNode root) {
        long[] count = {skippedMembers};
        ReportVisitor counter = new ReportVisitor() {
            @Override
            public void deviation(Deviation deviation) {
                if (deviation.kind() != DeviationKind.UNKNOWN_MEMBER && ++count[0] > options.maxDeviations()) {
                    throw new TooManyDeviations(deviation.pointer());
                }
            }
        };
        try (JsonParser tokens = root.traverse(ObjectReadContext.empty())) {
            ReportReader.read(tokens, options, counter);
        } catch (TooManyDeviations e) {
            throw fatal(Violation.LIMIT, e.pointer, locationOf(e.pointer), tooManyDeviations());
        } catch (MalformedReportException e) {
            // not a readable report: the schema says why, and what was counted before is within the limit
        }
    }

    /** Where the parser would locate a deviation at {@code pointer}: its value, its name, or its object's end. */
    private Location locationOf(String pointer) {
        Location at = starts.get(pointer);
        if (at == null) {
            at = names.get(pointer);
        }
        if (at == null) {
            at = ends.get(pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))));
        }
        return at == null ? Location.UNKNOWN : at;
    }

    /** Stops the count at the deviation one past the limit. */
    private static final class TooManyDeviations extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        TooManyDeviations(String pointer) {
            super(pointer, null, false, false);
            this.pointer = pointer;
        }
    }

    private JsonNode value(JsonParser p, String pointer, @Nullable Kind kind) {
        Location at = location(p.currentTokenLocation());
        starts.putIfAbsent(pointer, at);
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(p, pointer, kind != null && kind.isObject() ? kind : null);
            case START_ARRAY:
                return array(p, pointer, kind != null && !kind.isObject() ? kind : null);
            case VALUE_STRING:
                String s = p.getString();
                checkSurrogates(s, pointer, at);
                return NODES.stringNode(s);
            case VALUE_NUMBER_INT:
                return integer(p);
            case VALUE_NUMBER_FLOAT:
                return decimal(p, pointer);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw fatal(Violation.JSON, pointer, at, "unexpected " + token);
        }
    }

    private ObjectNode object(JsonParser p, String pointer, @Nullable Kind kind) {
        ObjectNode node = NODES.objectNode();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            String child = pointer + "/" + Locations.pointerToken(name);
            Location nameAt = location(p.currentTokenLocation());
            checkSurrogates(name, child, nameAt);
            names.putIfAbsent(child, nameAt);
            p.nextToken();
            boolean duplicate = !seen.add(kind == null ? name : kind.canonical(name));
            if (kind != null && (duplicate || !kind.knows(name))
                    && ++skippedMembers > options.maxDeviations()) {
                throw fatal(Violation.LIMIT, child, nameAt, tooManyDeviations());
            }
            if (duplicate) {
                if (kind != null && reportDuplicates && problems.size() >= TlsRptSchema.MAX_VIOLATIONS) {
                    problemsCut = true;
                } else if (kind != null && reportDuplicates) {
                    problems.add(new Violation(child, nameAt.line(), nameAt.column(), Violation.DUPLICATE_MEMBER,
                            "member " + SenderText.quote(name) + " occurs twice in this object"
                                    + (kind.canonical(name).equals(name) ? "" : " (under its draft-era name)")
                                    + "; I-JSON (RFC 7493 section 2.3) forbids duplicate names, the first value"
                                    + " counts"));
                }
                p.skipChildren();
                continue;
            }
            if (kind != null && !kind.knows(name)) {
                // an unknown member: the parser skips its value whole, without reading its strings
                starts.putIfAbsent(child, location(p.currentTokenLocation()));
                p.skipChildren();
                node.set(name, NODES.nullNode());
                continue;
            }
            node.set(name, value(p, child, childKind(kind, name)));
        }
        ends.put(pointer, location(p.currentTokenLocation()));
        return node;
    }

    private ArrayNode array(JsonParser p, String pointer, @Nullable Kind kind) {
        ArrayNode node = NODES.arrayNode();
        int index = 0;
        boolean policyList = kind == null && POLICY_LIST.matcher(pointer).matches();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String child = pointer + "/" + index;
            if (policyList && index >= options.maxListLength()) {
                throw fatal(Violation.LIMIT, child, location(p.currentTokenLocation()),
                        "more than " + options.maxListLength() + " entries in one list (maxListLength)");
            }
            if (kind == Kind.POLICIES && ++policies > options.maxPolicies()) {
                throw fatal(Violation.LIMIT, child, location(p.currentTokenLocation()),
                        "more than " + options.maxPolicies() + " policies (maxPolicies)");
            }
            if (kind == Kind.FAILURE_DETAILS && ++failureDetails > options.maxFailureDetails()) {
                throw fatal(Violation.LIMIT, child, location(p.currentTokenLocation()),
                        "more than " + options.maxFailureDetails() + " failure details in the report"
                                + " (maxFailureDetails)");
            }
            node.add(value(p, child, kind == Kind.POLICIES ? Kind.POLICY_RESULT
                    : kind == Kind.FAILURE_DETAILS ? Kind.FAILURE_DETAIL : null));
            index++;
        }
        ends.put(pointer, location(p.currentTokenLocation()));
        return node;
    }

    private JsonNode integer(JsonParser p) {
        JsonParser.NumberType type = p.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            return NODES.numberNode(p.getLongValue());
        }
        return NODES.numberNode(p.getBigIntegerValue());
    }

    /**
     * A number with a fraction or an exponent. JSON Schema's {@code integer} is the mathematical one ({@code 5.0}
     * and {@code 1e2} are integers, {@code -0} is 0), so integral values become integer nodes. Values whose
     * exponent makes exact arithmetic costly are replaced by a stand-in that compares the same way against the
     * schema's bounds. The text of every such number is kept for the messages.
     */
    private JsonNode decimal(JsonParser p, String pointer) {
        String text = p.getString();
        numberTexts.put(pointer, text);
        BigDecimal value;
        try {
            value = p.getDecimalValue();
        } catch (NumberFormatException e) {
            // BigDecimal cannot hold an exponent beyond 32 bits (1e2147483648): the text decides, as in the parser
            return outOfRange(text);
        }
        if (value.signum() == 0) {
            return NODES.numberNode(0L);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (stripped.scale() <= 0) {
            if (integerDigits > 40) {
                return NODES.numberNode(stripped.signum() > 0 ? HUGE : HUGE.negate());
            }
            BigInteger exact = stripped.toBigIntegerExact();
            return exact.compareTo(LONG_MIN) >= 0 && exact.compareTo(LONG_MAX) <= 0
                    ? NODES.numberNode(exact.longValueExact())
                    : NODES.numberNode(exact);
        }
        // a fraction: networknt compares fractions through long, so keep only those well inside its range
        if (integerDigits > 18 || stripped.scale() > 1000) {
            return NODES.numberNode(stripped.signum() > 0 ? SOME_FRACTION : SOME_FRACTION.negate());
        }
        return NODES.numberNode(stripped);
    }

    /**
     * The stand-in for a number whose exponent is beyond 32 bits, judged by the parser's rule: zero, a
     * fraction, or a huge integer, with the number's sign.
     */
    private static JsonNode outOfRange(String text) {
        int kind = Syntax.exponentOutOfRangeSign(text);
        boolean negative = text.startsWith("-");
        if (kind == 0) {
            return NODES.numberNode(0L);
        }
        return kind < 0 ? NODES.numberNode(negative ? SOME_FRACTION.negate() : SOME_FRACTION)
                : NODES.numberNode(negative ? HUGE.negate() : HUGE);
    }

    private void checkSurrogates(String s, String pointer, Location at) {
        int i = Syntax.unpairedSurrogate(s);
        if (i >= 0) {
            throw fatal(Violation.JSON, pointer, at, String.format("unpaired surrogate \\u%04x in a string;"
                    + " I-JSON (RFC 7493 section 2.1) forbids it", (int) s.charAt(i)));
        }
    }

    private static @Nullable Kind childKind(@Nullable Kind parent, String name) {
        if (parent == null) {
            return null;
        }
        switch (parent) {
            case REPORT:
                return name.equals("date-range") ? Kind.DATE_RANGE : name.equals("policies") ? Kind.POLICIES : null;
            case POLICY_RESULT:
                return name.equals("policy") ? Kind.POLICY : name.equals("summary") ? Kind.SUMMARY
                        : name.equals("failure-details") ? Kind.FAILURE_DETAILS : null;
            default:
                return null;
        }
    }

    /** The caller's stream: its failures told from ours, its first two bytes kept (gzip or not), left open. */
    private static final class Source extends FilterInputStream {
        private final byte[] first = new byte[2];
        private int seen;

        Source(InputStream in) {
            super(in);
        }

        boolean gzip() {
            return seen == 2 && (first[0] & 0xff) == 0x1f && (first[1] & 0xff) == 0x8b;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
            if (b >= 0 && seen < 2) {
                first[seen++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
            for (int i = 0; i < n && seen < 2; i++) {
                first[seen++] = b[off + i];
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller's stream stays open
        }
    }

    private static Fatal fatal(String keyword, String pointer, Location at, String message) {
        return new Fatal(new Violation(pointer, at.line(), at.column(), keyword, message));
    }

    private static String pointerOf(JsonParser p) {
        try {
            return p.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Location location(@Nullable TokenStreamLocation l) {
        return l == null || l.getLineNr() < 0 ? Location.UNKNOWN : new Location(l.getLineNr(), l.getColumnNr());
    }

    /** Jackson's message (which quotes the document) without its hints at Jackson's own settings, excerpted. */
    private static String cleanJacksonMessage(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        return SenderText.excerpt(message.replaceAll(",? ?\\(?from `[^`]*`\\)?", "").replaceAll("\\s+", " "));
    }
}
