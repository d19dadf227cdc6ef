package dev.tlsrpt.internal;

import dev.tlsrpt.LimitExceededException;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * The JSON text of a report as the reader reads it, for code that reads the JSON itself (the schema
 * validator): the bytes through the input layer, JSON given as a Java string turned into UTF-8, and the
 * words for a token in a message.
 */
public final class JsonInput {
    private JsonInput() {
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
        return json.getBytes(StandardCharsets.UTF_8);
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
                .toUpperCase(Locale.ROOT) + " at char index " + at + " of the text: it has no UTF-8"
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
    public static InputStream open(InputStream in, ParseOptions options) throws IOException {
        Input input;
        try {
            input = Input.open(in, options, true);
        } catch (InputFault f) {
            throw ReadErrors.located(f);
        }
        return new FilterInputStream(input) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (InputFault f) {
                    throw ReadErrors.located(f);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (InputFault f) {
                    throw ReadErrors.located(f);
                }
            }
        };
    }

    /**
     * What a token is, for a message: {@code an object}, {@code a string}, {@code the end of the input}.
     *
     * @param t the token, null at the end of the input
     * @return the words
     */
    public static String describe(@Nullable JsonToken t) {
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
            default -> t.name();
        };
    }
}
