package dev.tlsrpt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks accept exactly what the schema's regular expressions accept. */
class SyntaxTest {
    static final String H16 = "[0-9A-Fa-f]{1,4}";
    static final String DEC = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    static final String V4 = DEC + "(?:\\." + DEC + "){3}";
    static final String LS32 = "(?:" + H16 + ":" + H16 + "|" + V4 + ")";

    static String rep(int n) {
        return n == 0 ? "" : "(?:" + H16 + ":){" + n + "}";
    }

    static String upto(int n) {
        return n == 0 ? "(?:" + H16 + ")?" : "(?:(?:" + H16 + ":){0," + n + "}" + H16 + ")?";
    }

    static final Pattern IP = Pattern.compile("^(?:" + V4 + "|(?:" + String.join("|",
            rep(6) + LS32, "::" + rep(5) + LS32, upto(0) + "::" + rep(4) + LS32, upto(1) + "::" + rep(3) + LS32,
            upto(2) + "::" + rep(2) + LS32, upto(3) + "::" + H16 + ":" + LS32, upto(4) + "::" + LS32,
            upto(5) + "::" + H16, upto(6) + "::") + "))$");
    static final Pattern URI = Pattern.compile(
            "^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*$");
    /** The same language without a repeated group, which java.util.regex matches without deep recursion. */
    static final Pattern URI_FLAT = Pattern.compile(
            "^(?!.*%(?![0-9A-Fa-f]{2}))[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*$");
    static final Pattern DATE = Pattern.compile("^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt]"
            + "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?$");

    /** A host name: LDH labels of 1 to 63 characters, no hyphen at either end, 253 at most, a trailing dot. */
    static final Pattern HOST = Pattern.compile("^(?=.{1,253}\\.?$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$");

    @Test
    void theHostNameCheckAgreesWithTheRegularExpression() {
        String[] known = {"example.com", "mx1.example.com.", "MX-1.Example.COM", "a", "a.", "1.2.3.4", "xn--bcher-kva.de",
            "", ".", "..", "a..b", ".a", "-a.com", "a-.com", "a.-b.com", "a_b.com", "a b.com", "a;b", "$(id)", "`id`",
            "*.example.com", "mx.example.com; rm -rf /", "b\u00fccher.de", "a\nb", "a".repeat(63) + ".com",
            "a".repeat(64) + ".com", ("a".repeat(63) + ".").repeat(3) + "a".repeat(61),
            ("a".repeat(63) + ".").repeat(3) + "a".repeat(62), ("a".repeat(63) + ".").repeat(3) + "a".repeat(61) + ".",
            "example.com..", "a.b-c.d"};
        for (String s : known) {
            assertThat(Syntax.isHostName(s)).as(s).isEqualTo(HOST.matcher(s).matches());
        }
        assertThat(Syntax.isHostName("mx.example.com")).isTrue();
        assertThat(Syntax.isHostName("mx.example.com; rm -rf /")).isFalse();
        Random random = new Random(8461);
        String alphabet = "ab0-.";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(random.nextInt(10) == 0 ? 300 : 12);
            for (int k = 0; k < len; k++) {
                b.append(random.nextInt(50) == 0 ? "_; $".charAt(random.nextInt(4)) : alphabet.charAt(random.nextInt(5)));
            }
            String s = b.toString();
            boolean want = HOST.matcher(s).matches();
            assertThat(Syntax.isHostName(s)).as(s).isEqualTo(want);
            accepted += want ? 1 : 0;
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void theIpCheckAgreesWithTheRegularExpression() {
        String[] known = {"1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4", "::", "::1", "2001:db8::1",
            "fe80::1%eth0", "::ffff:1.2.3.4", "1::2::3", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "x.x.x.x", "",
            "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4", "1.2.3.4::", ":::", "1:", ":1", "1::",
            "12345::", "1.2.3", "1.2.3.4.5", "::ffff:999.1.1.1", "a:b:c:d:e:f:0:1"};
        for (String s : known) {
            assertThat(Syntax.isIpLiteral(s)).as(s).isEqualTo(IP.matcher(s).matches());
        }
        Random random = new Random(8460);
        String alphabet = "0123456789abcdefABCDEFg:.%";
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(24);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 11 : alphabet.length())));
            }
            String s = b.toString();
            boolean want = IP.matcher(s).matches();
            assertThat(Syntax.isIpLiteral(s)).as(s).isEqualTo(want);
            accepted += want ? 1 : 0;
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void theUriCheckAgreesWithTheRegularExpression() {
        Random random = new Random(3986);
        String alphabet = "ahZ09+.-:/%?#[]@!$&'()*,;=_~ \"<>{}|\\^`Fé";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(Syntax.isUri(s)).as(s).isEqualTo(URI.matcher(s).matches());
            assertThat(URI_FLAT.matcher(s).matches()).as(s).isEqualTo(URI.matcher(s).matches());
        }
        assertThat(Syntax.isUri("https://reports.example/report_info?id=5065427c-23d3#Starttls")).isTrue();
        assertThat(Syntax.isUri("https://reports.company-x.example/\n report_info ? id = 5")).isFalse();
        String longUri = "https://x.example/" + "a%41".repeat(50_000);
        assertThat(URI_FLAT.matcher(longUri).matches()).isTrue();
        assertThat(Syntax.isUri(longUri)).isTrue();
    }

    @Test
    void theDateCheckAgreesWithTheRegularExpressionAndTheCalendar() {
        String[] cases = {"2026-11-26T00:00:00Z", "2026-11-26t00:00:00z", "2026-11-26T00:00:00", "2026-11-26T00:00:00.5+01:00",
            "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-26T24:00:00Z",
            "2026-11-26T23:59:60Z", "2026-11-26 00:00:00Z", "2026-11-26T00:00:00.1234567890Z", "2026-11-26T00:00:00+24:00",
            "2026-04-31T00:00:00Z", "26-11-26T00:00:00Z"};
        for (String s : cases) {
            boolean calendar = !s.startsWith("2026-02-29") && !s.startsWith("2026-04-31");
            assertThat(Syntax.parseDateTime(s) != null).as(s).isEqualTo(DATE.matcher(s).matches() && calendar);
        }
        assertThat(Syntax.parseDateTime("2026-11-26T01:30:00.25+01:30").instant())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00.25Z"));
        assertThat(Syntax.parseDateTime("2026-11-26T00:00:00").hasZone()).isFalse();
        // RFC 3339 offsets go to 23:59, beyond java.time.ZoneOffset's 18:00
        assertThat(Syntax.parseDateTime("9999-12-31T23:59:59-23:59").instant())
                .isEqualTo(Instant.parse("+10000-01-01T23:58:59Z"));
        assertThat(Syntax.parseDateTime("2026-11-26T00:00:00+19:00").instant())
                .isEqualTo(Instant.parse("2026-11-25T05:00:00Z"));
    }

    @Test
    void offsetsUpTo23Hours59MinutesAreReadAsTheRegexAllowsNotCappedAt18Hours() {
        assertThat(Syntax.parseDateTime("2026-11-26T23:59:00-23:59").instant())
                .isEqualTo(Instant.parse("2026-11-27T23:58:00Z"));
        assertThat(Syntax.parseDateTime("2026-11-26T19:00:00+19:00").instant())
                .isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(Syntax.parseDateTime("9999-12-31T23:59:59-23:59").instant())
                .isEqualTo(Instant.parse("+10000-01-01T23:58:59Z"));
    }
}
