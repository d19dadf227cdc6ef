package dev.tlsrpt.cli;

import java.util.List;

/**
 * Writes CSV rows as RFC 4180 says: fields separated by commas, a field with a comma, a double quote or a
 * line break enclosed in double quotes (inner quotes doubled), and each row ended by CRLF. Sender text that
 * a spreadsheet would run as a formula ({@code = + - @} first) gets a leading apostrophe.
 */
final class Csv {
    private Csv() {
    }

    /**
     * One row.
     *
     * @param fields the fields, in order
     * @return the row with its CRLF
     */
    static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /**
     * One field, quoted when needed.
     *
     * @param value the value
     * @return the field as written
     */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String v) {
        return v.matches("[+-]?[0-9]+(\\.[0-9]+)?");
    }
}
