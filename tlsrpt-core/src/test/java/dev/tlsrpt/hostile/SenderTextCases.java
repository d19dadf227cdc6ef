package dev.tlsrpt.hostile;

import java.util.List;

/**
 * The one rule for showing sender text on a terminal, as cases: control characters (C0, DEL, C1), Unicode
 * format characters (bidirectional embeddings, overrides, isolates and marks, zero-width characters), line
 * and paragraph separators and unpaired surrogates become visible {@code \}{@code uXXXX} escapes; everything
 * else stays. Core's neutraliser, which the command line tool uses too, and the JSON writers' escapes are held
 * to these cases.
 */
public final class SenderTextCases {

    private SenderTextCases() {
    }

    /**
     * The cases.
     *
     * @return pairs of sender text and how it is shown
     */
    public static List<String[]> cases() {
        return List.of(
                pair("ok.example", "ok.example"),
                pair("", ""),
                pair("evil\u001b[2Jorg\n", "evil\\u001b[2Jorg\\u000a"),
                pair("title\u001b]0;pwned\u0007", "title\\u001b]0;pwned\\u0007"),
                pair("bell\u0007 nul\u0000 tab\t cr\r", "bell\\u0007 nul\\u0000 tab\\u0009 cr\\u000d"),
                pair("del\u007f", "del\\u007f"),
                pair("csi\u009b2J c1\u0085 \u0080\u009f", "csi\\u009b2J c1\\u0085 \\u0080\\u009f"),
                pair("a\u202eb\u202a\u202b\u202c\u202d", "a\\u202eb\\u202a\\u202b\\u202c\\u202d"),
                pair("\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069"),
                pair("mark\u200e\u200f\u061c", "mark\\u200e\\u200f\\u061c"),
                pair("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
                pair("line\u2028para\u2029", "line\\u2028para\\u2029"),
                pair("tag\udb40\udc41", "tag\\udb40\\udc41"),
                pair("lone\ud800 \udc00", "lone\\ud800 \\udc00"),
                pair("b\u00fccher.example \u00e9t\u00e9 \u65e5\u672c", "b\u00fccher.example \u00e9t\u00e9 \u65e5\u672c"),
                pair("emoji \ud83d\ude00 nbsp\u00a0", "emoji \ud83d\ude00 nbsp\u00a0"),
                pair("backslash \\u001b stays", "backslash \\u001b stays"));
    }

    private static String[] pair(String sent, String shown) {
        return new String[] {sent, shown};
    }

    /**
     * Whether a rendering holds a character that must never reach a terminal from sender data: C0 controls
     * other than the line feed, DEL, C1 controls, bidirectional embeddings, overrides and isolates, line and
     * paragraph separators. Written apart from the neutralisers, so that it can catch them.
     *
     * @param text the rendering
     * @return the index of the first such character, or -1
     */
    public static int unsafeAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029) {
                return i;
            }
        }
        return -1;
    }
}
