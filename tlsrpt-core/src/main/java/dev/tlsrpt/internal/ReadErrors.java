package dev.tlsrpt.internal;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.ReportVisitor;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * The reader's errors and deviations, built in one place: what (sender text excerpted), where (RFC 6901
 * pointer, line and column), and, for a deviation, reported to the visitor (lenient) or thrown (strict),
 * counted against {@code maxDeviations} when the reader collects them.
 */
final class ReadErrors {
    private final ParseOptions options;
    private final boolean strict;
    private final ReportVisitor visitor;
    /** Whether deviations count against maxDeviations: when they are collected, not when streamed. */
    private final boolean countDeviations;
    private long deviationCount;
    private @Nullable JsonParser parser;

    ReadErrors(ParseOptions options, ReportVisitor visitor, boolean countDeviations) {
        this.options = options;
        this.strict = options.isStrict();
        this.visitor = visitor;
        this.countDeviations = countDeviations;
    }

    /** The parser whose position locates the errors; none before it exists. */
    void parser(JsonParser p) {
        this.parser = p;
    }

    void deviate(DeviationKind kind, String ptr, @Nullable TokenStreamLocation loc, String message) {
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

    MalformedReportException fail(String problem, String ptr, @Nullable TokenStreamLocation loc) {
        return new MalformedReportException(problem, ptr, line(loc), column(loc));
    }

    /** A limit passed at the current token. */
    LimitExceededException limit(String name, long value, String problem, String ptr) {
        TokenStreamLocation loc = parser().currentTokenLocation();
        return new LimitExceededException(name, value, problem + " (limit " + name + ")", ptr, line(loc),
                column(loc));
    }

    LimitExceededException nameTooLong(String ptr, @Nullable TokenStreamLocation loc) {
        return new LimitExceededException("maxStringLength", options.maxStringLength(), "a member name longer than "
                + options.maxStringLength() + " characters (limit maxStringLength)", ptr, line(loc), column(loc));
    }

    /** A member RFC 8460 does not define here: a deviation, unless its name is not even I-JSON. */
    void unknownMember(String ptr, TokenStreamLocation loc, String name) {
        if (Syntax.unpairedSurrogate(name) >= 0) {
            throw fail("a member name holds an unpaired surrogate, which I-JSON forbids", ptr, loc);
        }
        deviate(DeviationKind.UNKNOWN_MEMBER, ptr, loc,
                "member " + SenderText.quote(name) + " is not defined by RFC 8460; skipped");
    }

    void duplicate(String ptr, TokenStreamLocation loc, String name) {
        deviate(DeviationKind.DUPLICATE_MEMBER, ptr, loc,
                "member " + SenderText.quote(name) + " occurs twice (I-JSON forbids it); the first value is kept");
    }

    /**
     * A fault below the parser. The parser reads ahead, so its position says nothing about where the
     * fault is: the message carries the byte offset instead, and the pointer is the document's. The line
     * and column are the input layer's own, known only under {@link JsonInput#open} (for a UTF-8 fault).
     */
    static MalformedReportException located(InputFault f) {
        String problem = String.valueOf(f.getMessage());
        if (f.limitName != null) {
            return new LimitExceededException(f.limitName, f.limit, problem + " (limit " + f.limitName + ")", "",
                    -1, -1);
        }
        return new MalformedReportException(problem, "", f.line, f.column);
    }

    MalformedReportException fromJackson(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        JsonParser p = parser;
        if (loc == null && p != null) {
            loc = p.currentLocation();
        }
        String ptr = currentPointer();
        String original = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return new LimitExceededException("maxNestingDepth", options.maxNestingDepth(),
                        "nested deeper than " + options.maxNestingDepth() + " levels (limit maxNestingDepth)", ptr,
                        line(loc), column(loc));
            }
            if (original.contains("Name length")) {
                return nameTooLong(ptr, loc);
            }
            if (original.contains("String value length")) {
                return new LimitExceededException("maxStringLength", options.maxStringLength(), "a string longer than "
                        + options.maxStringLength() + " characters (limit maxStringLength)", ptr, line(loc),
                        column(loc));
            }
            if (original.contains("Number value length")) {
                return new MalformedReportException("a number longer than " + ReportReader.MAX_NUMBER_LENGTH
                        + " characters", ptr, line(loc), column(loc), null, null);
            }
        }
        String prefix = e instanceof UnexpectedEndOfInputException ? "truncated JSON: " : "not valid JSON: ";
        return new MalformedReportException(prefix + SenderText.excerpt(original), ptr, line(loc), column(loc), null,
                null);
    }

    private String currentPointer() {
        JsonParser p = parser;
        if (p == null) {
            return "";
        }
        try {
            return p.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private JsonParser parser() {
        JsonParser p = parser;
        if (p == null) {
            throw new IllegalStateException("no parser yet");
        }
        return p;
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static int line(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? -1 : loc.getLineNr();
    }

    static int column(@Nullable TokenStreamLocation loc) {
        return loc == null || loc.getColumnNr() < 1 ? -1 : loc.getColumnNr();
    }
}
