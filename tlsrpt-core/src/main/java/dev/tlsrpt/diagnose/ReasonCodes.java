package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.ResultCategory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises well-known {@code failure-reason-code} values (OpenSSL {@code X509_V_ERR_*} names and their
 * messages, Go errors from Mail.ru's MTA-STS fetcher, mox and Postfix reason codes), case-insensitively.
 * Each match names an advice id: the bundle keys {@code code.<id>.explanation} and {@code code.<id>.action}.
 */
final class ReasonCodes {

    /** A recognised reason code: the advice id and an extra value (an HTTP status, a TLS alert). */
    record Match(String id, String extra) {
    }

    /**
     * An HTTP status in a reason code. Every white-space run is matched possessively ({@code \s*+},
     * {@code \s++}): what follows each run is never white space, so this accepts the same codes, and a
     * long run costs linear time instead of one try per way of splitting it.
     */
    private static final Pattern HTTP_STATUS = Pattern.compile(
            "(?:response\\s++code|status(?:\\s++code)?|http/[0-9.]+)\\s*+[:=]?+\\s*+([1-5][0-9][0-9])\\b"
                    + "|\\b([1-5][0-9][0-9])\\s++(?:not\\s++found|internal\\s++server\\s++error|forbidden|"
                    + "moved|found|bad\\s++gateway|service\\s++unavailable|gateway\\s++time-?out)");
    private static final Pattern REMOTE_ALERT = Pattern.compile("tls-remote-alert-([0-9]+)(?:-([a-z0-9-]+))?");

    private ReasonCodes() {
    }

    /**
     * Classifies one reason code.
     *
     * @param code the reason code as sent
     * @param category the result type's category: a timeout or a DNS error of an MTA-STS policy failure
     *     is about the policy host, otherwise about the MX host
     * @return the match, or null for a code without specific advice
     */
    static @Nullable Match classify(String code, ResultCategory category) {
        String c = code.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        String raw = code.toLowerCase(Locale.ROOT);
        // the most specific first: "self signed certificate in certificate chain" before "self signed"
        if (c.contains("x509 v err self signed cert in chain") || c.contains("self signed certificate in certificate chain")
                || c.contains("self signed certificate in chain")) {
            return new Match("selfSignedInChain", "");
        }
        if (c.contains("x509 v err depth zero self signed cert") || c.contains("self signed certificate")
                || c.contains("self signed cert")) {
            return new Match("selfSigned", "");
        }
        if (c.contains("x509 v err cert has expired") || c.contains("certificate has expired")
                || c.contains("certificate expired") || c.contains("cert expired")) {
            return new Match("certExpired", "");
        }
        if (c.contains("x509 v err cert not yet valid") || c.contains("certificate is not yet valid")
                || c.contains("not yet valid")) {
            return new Match("notYetValid", "");
        }
        if (c.contains("x509 v err unable to get issuer cert") || c.contains("unable to get local issuer")
                || c.contains("unable to get issuer")) {
            return new Match("missingIssuer", "");
        }
        if (c.contains("signed by unknown authority") || c.contains("unknown ca")) {
            return new Match("unknownAuthority", "");
        }
        if (c.contains("x509 v err hostname mismatch") || c.contains("hostname mismatch")
                || c.contains("does not match host") || c.contains("certificate is valid for")) {
            return new Match("hostnameMismatch", "");
        }
        if (c.contains("x509 v err unhandled critical crl extension") || c.contains("unhandled critical crl extension")) {
            return new Match("crlExtension", "");
        }
        Matcher alert = REMOTE_ALERT.matcher(raw);
        boolean isAlert = alert.find();
        if (c.contains("protocol version") || c.contains("unsupported protocol") || c.contains("wrong version number")
                || (isAlert && alert.group(1).equals("70"))) {
            return new Match("protocolVersion", "");
        }
        if (raw.contains("io-timeout-during-handshake") || c.contains("handshake timeout")
                || c.contains("timeout during handshake")) {
            return new Match("handshakeTimeout", "");
        }
        if (isAlert) {
            String name = alert.group(2);
            return new Match("remoteAlert", alert.group(1) + (name == null ? "" : " (" + name + ")"));
        }
        Matcher http = HTTP_STATUS.matcher(raw);
        if (http.find()) {
            String status = http.group(1) != null ? http.group(1) : http.group(2);
            return new Match(status.equals("404") ? "http404" : "httpStatus", status);
        }
        if (c.contains("no such host") || c.contains("nxdomain") || c.contains("name or service not known")
                || c.contains("could not resolve") || c.contains("unknown host")) {
            return new Match("dnsNotFound", "");
        }
        if (c.contains("timeout") || c.contains("timed out") || c.contains("deadline exceeded")) {
            return new Match(category == ResultCategory.STS_POLICY ? "fetchTimeout" : "timeout", "");
        }
        return null;
    }
}
