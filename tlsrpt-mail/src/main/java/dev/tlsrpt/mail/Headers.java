package dev.tlsrpt.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.ContentUtil;
import org.apache.james.mime4j.util.MimeUtil;
import org.jspecify.annotations.Nullable;

/** Header values: unfolding, encoded words, parameters (RFC 2045, RFC 2231) and RFC 5322 dates. */
final class Headers {
    private Headers() {
    }

    /** A header value unfolded, with RFC 2047 encoded words decoded, and trimmed. */
    static String text(String body) {
        String unfolded = MimeUtil.unfold(body);
        try {
            return DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT).trim();
        } catch (IllegalArgumentException e) {
            return unfolded.trim();
        }
    }

    /** A structured header value such as Content-Type: the value in lower case and the parameters. */
    record Structured(String value, Map<String, String> params) {
        @Nullable String param(String name) {
            return params.get(name);
        }
    }

    static Structured structured(String body) {
        ByteSequence bytes = ContentUtil.encode(MimeUtil.unfold(body));
        RawBody raw = RawFieldParser.DEFAULT.parseRawBody(bytes, new ParserCursor(0, bytes.length()));
        Map<String, String> params = new LinkedHashMap<>();
        // RFC 2231: name*=charset'lang'%xx, and continuations name*0, name*1* ...
        Map<String, TreeMap<Integer, String[]>> sections = new LinkedHashMap<>();
        for (NameValuePair p : raw.getParams()) {
            String name = p.getName().toLowerCase(Locale.ROOT).trim();
            String value = p.getValue() == null ? "" : p.getValue();
            Matcher m = RFC2231.matcher(name);
            if (m.matches()) {
                int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                boolean encoded = m.group(2) == null || m.group(3) != null; // name*, name*0*; not name*0
                sections.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .put(index, new String[] {value, encoded ? "*" : ""});
            } else {
                params.putIfAbsent(name, text(value));
            }
        }
        sections.forEach((name, parts) -> params.put(name, join2231(parts)));
        String value = raw.getValue() == null ? "" : raw.getValue().trim().toLowerCase(Locale.ROOT);
        return new Structured(value, params);
    }

    private static final Pattern RFC2231 = Pattern.compile("([^*]+)\\*(\\d{1,3})?(\\*)?");

    private static String join2231(TreeMap<Integer, String[]> parts) {
        Charset charset = StandardCharsets.UTF_8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] part : parts.values()) {
            String value = part[0];
            boolean encoded = !part[1].isEmpty();
            if (first && encoded) {
                int q1 = value.indexOf('\'');
                int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    try {
                        charset = Charset.forName(value.substring(0, q1));
                    } catch (IllegalArgumentException e) {
                        charset = StandardCharsets.UTF_8;
                    }
                    value = value.substring(q2 + 1);
                }
            }
            first = false;
            if (encoded) {
                percentDecode(value, out);
            } else {
                out.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return new String(out.toByteArray(), charset);
    }

    private static void percentDecode(String value, ByteArrayOutputStream out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(?:[A-Za-z]{3}\\s*,\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4}|\\d{2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "\\s+([+-]\\d{4}|[A-Za-z]{1,5})");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    /**
     * Reads an RFC 5322 date-time (section 3.3, with the obsolete zone names of section 4.3), comments
     * removed. Returns null when the value is not one.
     */
    static @Nullable OffsetDateTime date(String value) {
        String clean = value.replaceAll("\\([^()]*\\)", " ").replaceAll("\\s+", " ").trim();
        Matcher m = DATE.matcher(clean);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        ZoneOffset offset = zone(m.group(7));
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month / 3 + 1, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), 0, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable ZoneOffset zone(String zone) {
        if (zone.startsWith("+") || zone.startsWith("-")) {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                return null;
            }
            int seconds = (hours * 60 + minutes) * 60;
            return ZoneOffset.ofTotalSeconds(zone.startsWith("-") ? -seconds : seconds);
        }
        return switch (zone.toUpperCase(Locale.ROOT)) {
            case "UT", "UTC", "GMT", "Z" -> ZoneOffset.UTC;
            case "EST" -> ZoneOffset.ofHours(-5);
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "CST" -> ZoneOffset.ofHours(-6);
            case "CDT" -> ZoneOffset.ofHours(-5);
            case "MST" -> ZoneOffset.ofHours(-7);
            case "MDT" -> ZoneOffset.ofHours(-6);
            case "PST" -> ZoneOffset.ofHours(-8);
            case "PDT" -> ZoneOffset.ofHours(-7);
            default -> null;
        };
    }
}
