package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import dev.tlsrpt.mail.NoReportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a directory walk found that hold no report (a README, a mail server's index files, a message
 * without a report) or are not regular files (a FIFO, a device: never opened), named together in one line
 * on standard error at the end of a run. They do not change the exit code: a directory of reports often
 * holds other files, and a broken report is still an error.
 */
final class Skipped {
    /** How many names the line lists before it says how many more there are. */
    static final int LISTED = 5;

    private final List<String> names = new ArrayList<>();
    /** The names as the line shows them: a file that is not a regular file says so. */
    private final List<String> shown = new ArrayList<>();

    /**
     * Skips an input, before reading it, that a directory walk found and whose first bytes cannot begin a
     * report (see {@link Inputs#mayHoldReport}).
     *
     * @param input the input
     * @param in its bytes; must support mark, and is reset to where it was
     * @param mail whether messages and mbox files count as reports
     * @return true when the input is skipped (and counted)
     * @throws IOException when reading fails
     */
    boolean skipsContent(Input input, InputStream in, boolean mail) throws IOException {
        if (input.found() && !Inputs.mayHoldReport(in, mail)) {
            add(input.name(), input.name());
            return true;
        }
        return false;
    }

    /**
     * Skips an input, after opening or reading it failed, that a directory walk found and that failed only
     * because it is a message without a report or not a regular file.
     *
     * @param input the input
     * @param failure why opening or reading it failed
     * @return true when the input is skipped (and counted); false when the failure is an error to name
     */
    boolean skipsFailure(Input input, Exception failure) {
        if (input.found() && failure instanceof NoReportException) {
            add(input.name(), input.name());
            return true;
        }
        if (input.found() && failure instanceof Inputs.NotRegularFileException) {
            add(input.name(), input.name() + " (not a regular file)");
            return true;
        }
        return false;
    }

    private void add(String name, String show) {
        names.add(name);
        shown.add(show);
    }

    /**
     * The skipped files.
     *
     * @return their names, in the order they were skipped
     */
    List<String> names() {
        return List.copyOf(names);
    }

    /**
     * How many files were skipped.
     *
     * @return the count
     */
    int count() {
        return names.size();
    }

    /**
     * Names the skipped files on standard error, in one line; nothing when none was skipped.
     *
     * @param err standard error
     */
    void print(PrintWriter err) {
        if (names.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("tlsrpt: skipped ").append(names.size())
                .append(names.size() == 1 ? " file" : " files").append(" found in directories that hold no TLS report: ");
        for (int i = 0; i < Math.min(LISTED, names.size()); i++) {
            line.append(i == 0 ? "" : ", ").append(neutralise(shown.get(i)));
        }
        if (names.size() > LISTED) {
            line.append(" and ").append(names.size() - LISTED).append(" more");
        }
        err.println(line);
        err.flush();
    }
}
