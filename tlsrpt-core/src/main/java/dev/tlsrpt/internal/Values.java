package dev.tlsrpt.internal;

import dev.tlsrpt.DeviationKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Member values coerced to what the model holds: strings without unpaired surrogates, non-negative counts
 * (integral numbers in any notation, the huge-exponent rule), RFC 3339 date-times. A value that cannot be
 * read fails with its pointer and location; one that can, with a catalogued deviation, is reported.
 */
final class Values {

    /** Where a value is: its pointer, built only when a message needs it, and its member's name as sent. */
    interface Where {
        /**
         * The value's JSON pointer.
         *
         * @return the pointer
         */
        String pointer();

        /**
         * The member's name as sent.
         *
         * @return the name
         */
        String name();
    }

    private final JsonParser p;
    private final ReadErrors errors;

    Values(JsonParser p, ReadErrors errors) {
        this.p = p;
        this.errors = errors;
    }

    /** A string member. */
    String string(JsonToken v, Where w) {
        if (v == JsonToken.VALUE_STRING) {
            return checked(p.getString(), w);
        }
        throw errors.fail(w.name() + " must be a string, got " + JsonInput.describe(v), w.pointer(),
                p.currentTokenLocation());
    }

    /** A string member whose null the caller handles (a deviation of its own): null for null. */
    @Nullable String nullable(JsonToken v, Where w) {
        return v == JsonToken.VALUE_NULL ? null : string(v, w);
    }

    /** An optional string member: null is a {@code NULL_VALUE} deviation, read as absent. */
    @Nullable String optional(JsonToken v, Where w) {
        if (v == JsonToken.VALUE_NULL) {
            errors.deviate(DeviationKind.NULL_VALUE, w.pointer(), p.currentTokenLocation(),
                    w.name() + " is null; read as absent");
            return null;
        }
        return string(v, w);
    }

    /** String element {@code k} of the list that is the value of {@code w}; its pointer built only for a message. */
    String element(JsonToken t, Where w, int k) {
        if (t != JsonToken.VALUE_STRING) {
            throw errors.fail("expected a string, got " + JsonInput.describe(t), w.pointer() + "/" + k,
                    p.currentTokenLocation());
        }
        String s = p.getString();
        int at = Syntax.unpairedSurrogate(s);
        if (at >= 0) {
            throw unpairedSurrogate(s, at, w.pointer() + "/" + k);
        }
        return s;
    }

    private String checked(String s, Where w) {
        int at = Syntax.unpairedSurrogate(s);
        if (at >= 0) {
            throw unpairedSurrogate(s, at, w.pointer());
        }
        return s;
    }

    private RuntimeException unpairedSurrogate(String s, int at, String ptr) {
        return errors.fail("the string holds an unpaired surrogate (U+" + Integer.toHexString(s.charAt(at))
                .toUpperCase(Locale.ROOT) + "), which I-JSON forbids", ptr, p.currentTokenLocation());
    }

    /** A session count: a non-negative integer in any JSON notation; null is a deviation, read as 0. */
    long count(JsonToken v, Where w) {
        if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long value = p.getLongValue();
            if (value >= 0) {
                return value;
            }
        }
        TokenStreamLocation loc = p.currentTokenLocation();
        if (v == JsonToken.VALUE_NULL) {
            errors.deviate(DeviationKind.MISSING_SESSION_COUNT, w.pointer(), loc, w.name() + " is null; read as 0");
            return 0;
        }
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw errors.fail(notACount(SenderText.quote(p.getString())
                        + " (larger than 2^63-1 or smaller than -2^63)"), w.pointer(), loc);
            }
            throw errors.fail(notACount(String.valueOf(p.getLongValue())), w.pointer(), loc);
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            return decimalCount(w, loc);
        }
        String got = v == JsonToken.VALUE_STRING ? "the string " + SenderText.quote(p.getString())
                : JsonInput.describe(v);
        throw errors.fail(notACount(got), w.pointer(), loc);
    }

    /** A count written with a fraction or an exponent: integral values are counts ({@code 5.0}, {@code 1e2}). */
    private long decimalCount(Where w, TokenStreamLocation loc) {
        BigDecimal d;
        try {
            d = p.getDecimalValue();
        } catch (NumberFormatException e) {
            // BigDecimal cannot hold an exponent beyond 32 bits (1e2147483648, 0e99999999999): decide from
            // the text, which is at most maxNumberLength characters
            String text = p.getString();
            int sign = Syntax.exponentOutOfRangeSign(text);
            if (sign == 0) {
                return 0;
            }
            throw errors.fail(notACount(SenderText.quote(text) + (sign < 0
                    ? " (a fraction: its exponent is below -2^31)" : " (larger than 2^63-1)")), w.pointer(), loc);
        }
        if (d.signum() == 0) {
            return 0;
        }
        if (d.signum() < 0) {
            throw errors.fail(notACount(SenderText.quote(p.getString())), w.pointer(), loc);
        }
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() > 0) {
            throw errors.fail(notACount("the fraction " + SenderText.quote(p.getString())), w.pointer(), loc);
        }
        if ((long) s.precision() - s.scale() > 19) {
            throw errors.fail(notACount(SenderText.quote(p.getString()) + " (larger than 2^63-1)"), w.pointer(), loc);
        }
        try {
            return s.longValueExact();
        } catch (ArithmeticException e) {
            throw errors.fail(notACount(SenderText.quote(p.getString()) + " (larger than 2^63-1)"), w.pointer(), loc);
        }
    }

    private static String notACount(String got) {
        return "expected a non-negative integer, got " + got;
    }

    /** An RFC 3339 date-time; one without a zone offset is a deviation, read as UTC. */
    Instant dateTime(String text, Where w) {
        TokenStreamLocation loc = p.currentTokenLocation();
        Syntax.DateTime dt = Syntax.parseDateTime(text);
        if (dt == null) {
            throw errors.fail("expected an RFC 3339 date-time such as \"2026-11-26T00:00:00Z\", got "
                    + SenderText.quote(text), w.pointer(), loc);
        }
        if (!dt.hasZone()) {
            errors.deviate(DeviationKind.DATE_TIME_WITHOUT_ZONE, w.pointer(), loc,
                    "date-time " + SenderText.quote(text) + " has no time zone offset; read as UTC");
        }
        return dt.instant();
    }
}
