package dev.tlsrpt.diagnose;

/**
 * How {@link Diagnosis#toText(TextStyle)} writes its text.
 *
 * @since 0.1.0
 */
public enum TextStyle {
    /** Plain text, no escape codes: for files, logs and pipes. */
    PLAIN,
    /**
     * The plain text with ANSI escape codes for a terminal: the severity tags in colour (CRITICAL red,
     * WARNING yellow, INFO cyan, OK green) and the headings in bold. Colour codes never count towards the
     * wrapping, so removing them gives the {@link #PLAIN} text.
     */
    ANSI
}
