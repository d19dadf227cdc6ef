package dev.tlsrpt.internal;

/** Where in a document, as every message says it: {@code (line N, column M)}, and JSON pointers (RFC 6901). */
public final class Locations {
    private Locations() {
    }

    /**
     * The location for the end of a message, after a space: {@code " (line 12, column 41)"}, {@code " (line 12)"}
     * when the column is unknown, nothing when the line is.
     *
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     * @return the text, empty when the line is unknown
     */
    public static String suffix(int line, int column) {
        if (line < 0) {
            return "";
        }
        return column < 0 ? " (line " + line + ")" : " (line " + line + ", column " + column + ")";
    }

    /**
     * Where a member is, for a message: its RFC 6901 pointer ({@code (document)} for the whole document) and
     * the {@link #suffix(int, int) line and column}, e.g. {@code "/policies/0 (line 3, column 5)"}.
     *
     * @param pointer the member's pointer, {@code ""} for the whole document
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     * @return the text
     */
    public static String at(String pointer, int line, int column) {
        return member(pointer) + suffix(line, column);
    }

    /**
     * A problem with where it is, as the exceptions' messages say it:
     * {@code "/policies/0: what is wrong (line 3, column 5)"}.
     *
     * @param pointer the member's pointer, {@code ""} for the whole document
     * @param problem what is wrong
     * @param line 1-based line, -1 when unknown
     * @param column 1-based column, -1 when unknown
     * @return the text
     */
    public static String problem(String pointer, String problem, int line, int column) {
        return member(pointer) + ": " + problem + suffix(line, column);
    }

    private static String member(String pointer) {
        return pointer.isEmpty() ? "(document)" : pointer;
    }

    /**
     * One member name as an RFC 6901 reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
     *
     * @param name the member name
     * @return the reference token
     */
    public static String pointerToken(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0 ? name
                : name.replace("~", "~0").replace("/", "~1");
    }
}
