package dev.tlsrpt.record;

import static dev.tlsrpt.internal.SenderText.excerpt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code _smtp._tls} TXT record by the RFC 8460 section 3 ABNF, one character at a time, so that
 * every error and warning has an offset.
 *
 * <pre>
 * tlsrpt-record     = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
 * field-delim       = *WSP ";" *WSP
 * tlsrpt-field      = tlsrpt-rua / tlsrpt-extension
 * tlsrpt-version    = %s"v=TLSRPTv1"
 * tlsrpt-rua        = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
 * tlsrpt-uri        = URI   ; with ",", "!" and ";" percent-encoded
 * tlsrpt-extension  = tlsrpt-ext-name "=" tlsrpt-ext-value
 * tlsrpt-ext-name   = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
 * tlsrpt-ext-value  = 1*(%x21-3A / %x3C / %x3E-7E)
 * </pre>
 */
final class RecordParser {

    /** The version field, case-sensitive. */
    static final String VERSION = "v=TLSRPTv1";

    private static final int MAX_EXT_NAME = 32;
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Pattern LENIENT_VERSION =
            Pattern.compile("[vV][ \t]*=[ \t]*[Tt][Ll][Ss][Rr][Pp][Tt][Vv]1(?![A-Za-z0-9])");
    private static final Pattern LENIENT_SELECT =
            Pattern.compile("[ \t]*[vV][ \t]*=[ \t]*[Tt][Ll][Ss][Rr][Pp][Tt][Vv]1[ \t]*(;.*)?", Pattern.DOTALL);

    private final String s;
    private final boolean lenient;
    private final List<RecordWarning> warnings = new ArrayList<>();
    private final List<URI> rua = new ArrayList<>();
    private final List<Integer> ruaOffsets = new ArrayList<>();
    private final Set<URI> ruaSeen = new HashSet<>();
    /** The URIs in the order they first entered {@link #ruaSeen}, so that a failed try takes back only its own. */
    private final List<URI> ruaFirstSeen = new ArrayList<>();
    private final Map<String, String> extensions = new LinkedHashMap<>();
    private int pos;
    private int ruaFields;

    private RecordParser(String s, boolean lenient) {
        this.s = s;
        this.lenient = lenient;
    }

    /**
     * Reads one record.
     *
     * @param record the record text, its strings concatenated
     * @param lenient whether to accept the lenient-only forms of {@link RecordWarningKind}
     * @return the record and its warnings
     * @throws MalformedRecordException when the record breaks the grammar
     */
    static RecordCheck parse(String record, boolean lenient) {
        Objects.requireNonNull(record, "txt");
        RecordParser p = new RecordParser(record, lenient);
        TlsRptRecord r = p.record();
        return new RecordCheck(r, p.warnings);
    }

    /**
     * Picks the TLSRPT record out of a TXT RRset.
     *
     * @param records each TXT record's strings already concatenated
     * @param lenient whether records in the other spellings lenient reading accepts count as candidates
     * @return the selection
     */
    static RecordSelection select(Collection<String> records, boolean lenient) {
        Objects.requireNonNull(records, "records");
        List<String> candidates = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (String r : records) {
            Objects.requireNonNull(r, "records element");
            boolean candidate = lenient ? LENIENT_SELECT.matcher(r).matches() : r.startsWith(VERSION + ";");
            (candidate ? candidates : discarded).add(r);
        }
        RecordSelection.Outcome outcome = candidates.isEmpty() ? RecordSelection.Outcome.NONE
                : candidates.size() == 1 ? RecordSelection.Outcome.ONE : RecordSelection.Outcome.MORE_THAN_ONE;
        return new RecordSelection(outcome, candidates, discarded);
    }

    /**
     * Checks that a URI can stand in a {@code rua=} field and be read back equal.
     *
     * @param uri the URI
     * @throws IllegalArgumentException naming the problem
     */
    static void checkUri(URI uri) {
        Objects.requireNonNull(uri, "rua element");
        String text = uri.toString();
        RecordParser p = new RecordParser(text, false);
        try {
            p.readUri(text, 0);
        } catch (MalformedRecordException e) {
            throw new IllegalArgumentException("rua URI " + excerpt(text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an extension field's name and value against the grammar.
     *
     * @param name the field name
     * @param value the field value
     * @throws IllegalArgumentException naming the problem
     */
    static void checkExtension(String name, String value) {
        Objects.requireNonNull(name, "extension name");
        Objects.requireNonNull(value, "extension value");
        if (name.equals("rua")) {
            throw new IllegalArgumentException("extension name 'rua' is the rua field: put the URIs in rua");
        }
        RecordParser p = new RecordParser(name + "=" + value, false);
        try {
            int end = p.readName(0);
            if (end != name.length()) {
                throw new MalformedRecordException("character '" + name.charAt(end)
                        + "' not allowed in a field name", end);
            }
            int valueEnd = p.readExtValue(end + 1, name);
            if (valueEnd != p.s.length()) {
                throw new MalformedRecordException(describe(p.s.charAt(valueEnd))
                        + " not allowed in an extension value", valueEnd);
            }
        } catch (MalformedRecordException e) {
            throw new IllegalArgumentException("extension " + excerpt(name) + ": " + e.getMessage(), e);
        }
    }

    private TlsRptRecord record() {
        int len = s.length();
        if (s.isEmpty()) {
            throw new MalformedRecordException("empty record: a TLSRPT record begins with v=TLSRPTv1", 0);
        }
        if (lenient && isWsp(s.charAt(0))) {
            skipWsp();
            warn(RecordWarningKind.STRAY_WHITESPACE, 0, "white space before v=TLSRPTv1");
        }
        readVersion();
        boolean first = true;
        while (true) {
            int wsStart = pos;
            skipWsp();
            if (pos == len) {
                if (wsStart != pos) {
                    strayWhitespace(wsStart, "white space at the end of the record (allowed only around ';')");
                }
                break;
            }
            if (s.charAt(pos) != ';') {
                throw new MalformedRecordException("expected ';' " + (first ? "after v=TLSRPTv1" : "between fields")
                        + ", found " + describe(s.charAt(pos)), pos);
            }
            if (first && wsStart != pos) {
                warn(RecordWarningKind.VERSION_PREFIX, wsStart, "white space before the first ';': the grammar"
                        + " allows it, but RFC 8460 section 3 discards records that do not begin with"
                        + " 'v=TLSRPTv1;', and reporters that test that prefix ignore this record");
            }
            first = false;
            pos++;
            skipWsp();
            if (pos == len) {
                break;
            }
            if (s.charAt(pos) == ';') {
                if (!lenient) {
                    throw new MalformedRecordException("empty field: two ';' with nothing between them", pos);
                }
                warn(RecordWarningKind.EMPTY_FIELD, pos, "empty field: two ';' with nothing between them");
                continue;
            }
            readField();
        }
        if (rua.isEmpty()) {
            String hint = "";
            for (String name : extensions.keySet()) {
                if (name.equalsIgnoreCase("rua")) {
                    hint = " ('" + name + "=' is not 'rua=': field names are case-sensitive)";
                }
            }
            throw new MalformedRecordException("no rua= field: a TLSRPT record needs at least one"
                    + " rua=mailto:... or rua=https://..." + hint, len);
        }
        if (rua.size() > RecordWarning.USEFUL_RUA_URIS) {
            warn(RecordWarningKind.TOO_MANY_URIS, ruaOffsets.get(RecordWarning.USEFUL_RUA_URIS), rua.size()
                    + " rua URIs: a reporter may deliver to only one of them (RFC 8460 section 3), more than "
                    + RecordWarning.USEFUL_RUA_URIS + " rarely help");
        }
        return new TlsRptRecord(rua, extensions);
    }

    private void readVersion() {
        if (s.startsWith(VERSION, pos)) {
            pos += VERSION.length();
        } else {
            var m = LENIENT_VERSION.matcher(s).region(pos, s.length());
            if (m.lookingAt()) {
                String seen = excerpt(s.substring(pos, m.end()));
                if (!lenient) {
                    throw new MalformedRecordException("the version must be written exactly v=TLSRPTv1"
                            + " (case-sensitive, no spaces), found " + seen, pos);
                }
                warn(RecordWarningKind.VERSION_CASE, pos, "version written " + seen
                        + " instead of exactly v=TLSRPTv1");
                pos = m.end();
            } else if (s.startsWith("v=", pos) || s.startsWith("V=", pos)) {
                int end = pos + 2;
                while (end < s.length() && s.charAt(end) != ';' && !isWsp(s.charAt(end))) {
                    end++;
                }
                throw new MalformedRecordException("not a TLSRPT record: it begins with "
                        + excerpt(s.substring(pos, end)) + ", not v=TLSRPTv1", pos);
            } else {
                throw new MalformedRecordException("a TLSRPT record must begin with v=TLSRPTv1", pos);
            }
        }
        if (pos < s.length() && !isWsp(s.charAt(pos)) && s.charAt(pos) != ';') {
            throw new MalformedRecordException("expected ';' after v=TLSRPTv1, found " + describe(s.charAt(pos)),
                    pos);
        }
    }

    private void readField() {
        int start = pos;
        int nameEnd = readName(start);
        String name = s.substring(start, nameEnd);
        pos = nameEnd;
        int wsBefore = pos;
        skipWsp();
        if (pos == s.length() || s.charAt(pos) != '=') {
            throw new MalformedRecordException("field " + excerpt(name) + " has no '=' and value", wsBefore);
        }
        if (pos != wsBefore) {
            strayWhitespace(wsBefore, "white space before '='");
        }
        pos++;
        int valueStart = pos;
        skipWsp();
        if (pos != valueStart) {
            if (pos == s.length() || s.charAt(pos) == ';') {
                pos = valueStart;
            } else {
                strayWhitespace(valueStart, "white space after '='");
            }
        }
        boolean isRua = name.equals("rua");
        boolean readAsRua = false;
        if (!isRua && name.equalsIgnoreCase("rua") && lenient) {
            readAsRua = readCaseVariantRua(start, name);
        }
        if (!isRua && !readAsRua && name.equalsIgnoreCase("rua")) {
            warn(RecordWarningKind.FIELD_NAME_CASE, start, "field " + excerpt(name)
                    + "= is an extension, not rua= (field names are case-sensitive): reporters ignore it");
        }
        if (isRua) {
            readRua(start);
        } else if (!readAsRua) {
            if (name.length() > MAX_EXT_NAME) {
                throw new MalformedRecordException("extension name " + excerpt(name) + " is " + name.length()
                        + " characters long, at most " + MAX_EXT_NAME + " are allowed", start + MAX_EXT_NAME);
            }
            int end = readExtValue(pos, name);
            String value = s.substring(pos, end);
            if (extensions.containsKey(name)) {
                warn(RecordWarningKind.DUPLICATE_EXTENSION, start, "extension " + excerpt(name)
                        + " given twice; the first value is kept");
            } else {
                extensions.put(name, value);
            }
            pos = end;
        }
    }

    /** Reads a field name from {@code start}; returns its end. Checks the characters, not the length. */
    private int readName(int start) {
        int i = start;
        while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != ';' && !isWsp(s.charAt(i))) {
            char c = s.charAt(i);
            boolean ok = isAlnum(c) || (i > start && (c == '_' || c == '-' || c == '.'));
            if (!ok) {
                throw new MalformedRecordException(describe(c) + " not allowed "
                        + (i == start ? "at the start of a field name (a letter or digit)" : "in a field name"), i);
            }
            i++;
        }
        if (i == start) {
            throw new MalformedRecordException(i < s.length() && s.charAt(i) == '='
                    ? "field without a name before '='" : "expected a field name", i);
        }
        return i;
    }

    /** Checks an extension value from {@code start}; returns its end. */
    private int readExtValue(int start, String name) {
        int i = start;
        while (i < s.length() && s.charAt(i) != ';' && !isWsp(s.charAt(i))) {
            char c = s.charAt(i);
            if (c == '=') {
                throw new MalformedRecordException("'=' not allowed in an extension value", i);
            }
            if (c < 0x21 || c > 0x7e) {
                throw new MalformedRecordException(describe(c) + " not allowed in an extension value"
                        + " (printable ASCII only, without '=', ';' and space)", i);
            }
            i++;
        }
        if (i == start) {
            throw new MalformedRecordException("extension " + excerpt(name) + " has an empty value", i);
        }
        return i;
    }

    /**
     * Lenient reading of {@code RUA=} and other case variants as {@code rua=}, when their value is a list of
     * URIs; otherwise nothing is consumed and the field stays the extension strict reading sees, so that
     * lenient reading accepts every record strict reading accepts.
     *
     * @return true when the field was read as rua=
     */
    private boolean readCaseVariantRua(int start, String name) {
        int savedPos = pos;
        int savedRua = rua.size();
        int savedWarnings = warnings.size();
        int savedFields = ruaFields;
        int savedFirstSeen = ruaFirstSeen.size(); // not a copy of the set: that made N tries cost N squared
        warn(RecordWarningKind.FIELD_NAME_CASE, start, "field " + excerpt(name)
                + "= read as rua=; field names are case-sensitive and reporters may ignore it");
        try {
            readRua(start);
            return true;
        } catch (MalformedRecordException e) {
            pos = savedPos;
            rua.subList(savedRua, rua.size()).clear();
            ruaOffsets.subList(savedRua, ruaOffsets.size()).clear();
            warnings.subList(savedWarnings, warnings.size()).clear();
            ruaFields = savedFields;
            List<URI> added = ruaFirstSeen.subList(savedFirstSeen, ruaFirstSeen.size());
            added.forEach(ruaSeen::remove);
            added.clear();
            return false;
        }
    }

    private void readRua(int fieldStart) {
        ruaFields++;
        if (ruaFields == 2) {
            warn(RecordWarningKind.MULTIPLE_RUA_FIELDS, fieldStart, "a second rua= field: legal, but parsers"
                    + " that keep one value per name see only one; list all URIs in one rua=, separated by ','");
        }
        while (true) {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ';' && !isWsp(s.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                int back = start - 1;
                while (back > 0 && isWsp(s.charAt(back))) {
                    back--;
                }
                throw new MalformedRecordException(s.charAt(back) == ','
                        ? "empty URI after ',' in the rua= list" : "rua= without a URI", start);
            }
            URI uri = readUri(s.substring(start, pos), start);
            if (ruaSeen.add(uri)) { // a set: a loop over the list took minutes for 100 000 URIs
                ruaFirstSeen.add(uri);
            } else {
                warn(RecordWarningKind.DUPLICATE_URI, start, "URI " + excerpt(uri.toString()) + " listed twice");
            }
            rua.add(uri);
            ruaOffsets.add(start);
            int afterUri = pos;
            skipWsp();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                skipWsp();
                continue;
            }
            if (pos < s.length() && s.charAt(pos) != ';') {
                throw new MalformedRecordException("expected ',' or ';' after the URI, found "
                        + describe(s.charAt(pos)) + " (a URI cannot contain spaces: write %20)", pos);
            }
            pos = afterUri;
            return;
        }
    }

    /** Reads one rua URI found at {@code offset}. */
    private URI readUri(String token, int offset) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '!') {
                throw new MalformedRecordException("'!' must be percent-encoded as %21 in a rua URI (RFC 8460"
                        + " section 3; TLSRPT has no DMARC-style size limit)", offset + i);
            }
            if (c == ',' || c == ';' || isWsp(c)) {
                throw new MalformedRecordException(describe(c) + " must be percent-encoded in a rua URI",
                        offset + i);
            }
            if (c == '%') {
                if (i + 2 >= token.length() || !isHex(token.charAt(i + 1)) || !isHex(token.charAt(i + 2))) {
                    throw new MalformedRecordException("'%' not followed by two hex digits", offset + i);
                }
            } else if (!isUriChar(c)) {
                throw new MalformedRecordException(describe(c) + " not allowed in a URI"
                        + (c > 0x7e ? " (percent-encode non-ASCII characters)" : ""), offset + i);
            }
        }
        String text = token;
        if (!SCHEME.matcher(token).matches()) {
            int at = token.indexOf('@');
            if (at > 0 && token.indexOf(':') < 0) {
                if (!lenient) {
                    throw new MalformedRecordException("missing mailto: scheme (write rua=mailto:"
                            + excerpt(token) + ")", offset);
                }
                warn(RecordWarningKind.MISSING_SCHEME, offset, excerpt(token) + " read as mailto:"
                        + excerpt(token) + "; reporters reject a rua without a scheme");
                text = "mailto:" + token;
            } else if (token.startsWith("//") || token.indexOf(':') < 0 && token.indexOf('.') > 0) {
                throw new MalformedRecordException("missing https: scheme (write rua=https:"
                        + (token.startsWith("//") ? "" : "//") + excerpt(token) + ")", offset);
            } else {
                throw new MalformedRecordException("not a URI: " + excerpt(token)
                        + " has no scheme such as mailto: or https:", offset);
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            int shift = text.length() - token.length();
            int at = e.getIndex() < 0 ? offset : offset + Math.max(0, e.getIndex() - shift);
            throw new MalformedRecordException("not a valid URI: " + e.getReason(), at);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "mailto" -> {
                String ssp = uri.getRawSchemeSpecificPart();
                int q = ssp.indexOf('?');
                String to = q < 0 ? ssp : ssp.substring(0, q);
                int at = to.lastIndexOf('@');
                if (to.startsWith("//")) {
                    warn(RecordWarningKind.MAILTO_WITH_SLASHES, offset, excerpt(token) + ": mailto: takes no"
                            + " '//', the address would be " + excerpt(to));
                } else if (at <= 0 || at == to.length() - 1) {
                    warn(RecordWarningKind.MAILTO_WITHOUT_DOMAIN, offset, excerpt(token)
                            + " has no address with a domain: reporters cannot send to it");
                }
            }
            case "https" -> {
                if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                    warn(RecordWarningKind.HTTPS_WITHOUT_HOST, offset, excerpt(token)
                            + " has no host: reporters cannot POST to it");
                }
            }
            case "http" -> warn(RecordWarningKind.HTTP_NOT_HTTPS, offset, excerpt(token)
                    + " uses http:, reporters POST only to https: (RFC 8460 section 3)");
            default -> warn(RecordWarningKind.UNSUPPORTED_SCHEME, offset, "scheme " + excerpt(uri.getScheme())
                    + ": RFC 8460 defines only mailto: and https:, reporters ignore this URI");
        }
        return uri;
    }

    private void strayWhitespace(int at, String what) {
        if (!lenient) {
            throw new MalformedRecordException(what, at);
        }
        warn(RecordWarningKind.STRAY_WHITESPACE, at, what);
    }

    private void warn(RecordWarningKind kind, int offset, String message) {
        warnings.add(new RecordWarning(kind, offset, message));
    }

    private void skipWsp() {
        while (pos < s.length() && isWsp(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** RFC 3986 unreserved, gen-delims and sub-delims, without the ones TLSRPT requires encoded. */
    private static boolean isUriChar(char c) {
        return isAlnum(c) || "-._~:/?#[]@$&'()*+=".indexOf(c) >= 0;
    }

    private static String describe(char c) {
        if (c >= 0x21 && c <= 0x7e) {
            return "'" + c + "'";
        }
        return c == ' ' ? "a space" : String.format(Locale.ROOT, "character U+%04X", (int) c);
    }
}
