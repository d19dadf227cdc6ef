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
    /** A bug in tlsrpt itself (sysexits.h EX_SOFTWARE). */
    static final int INTERNAL = 70;
    /**
     * Standard output could not be written (a full disk, a closed pipe): the output is incomplete. Checked
     * once, after the command, for every command (sysexits.h EX_IOERR).
     */
    static final int OUTPUT_FAILED = 74;
    /** How {@code --help} lists {@link #OUTPUT_FAILED}; every command's list ends with it. */
    static final String OUTPUT_FAILED_HELP = "standard output could not be written (full disk, closed pipe)";

    private ExitCodes() {
    }
}
