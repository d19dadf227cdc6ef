package dev.tlsrpt.cli;

/** The exit codes of every {@code tlsrpt} command. */
final class ExitCodes {
    /** Everything read, nothing to report. */
    static final int OK = 0;
    /** A finding of severity WARNING or worse, a schema violation or a record problem. */
    static final int FINDINGS = 1;
    /** The command line could not be understood (picocli's own usage exit code). */
    static final int USAGE = 2;
    /** At least one input could not be read; the others were still processed. */
    static final int UNREADABLE = 3;
    /** A bug in tlsrpt itself. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
