package dev.tlsrpt.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a directory walk found that hold no report (a README, a mail server's index files, a message
 * without a report), named together in one line on standard error at the end of a run. They do not change
 * the exit code: a directory of reports often holds other files, and a broken report is still an error.
 */
final class Skipped {
    /** How many names the line lists before it says how many more there are. */
    static final int LISTED = 5;

    private final List<String> names = new ArrayList<>();

    /**
     * Counts one skipped file.
     *
     * @param name the input's name
     */
    void add(String name) {
        names.add(name);
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
            line.append(i == 0 ? "" : ", ").append(Text.safe(names.get(i)));
        }
        if (names.size() > LISTED) {
            line.append(" and ").append(names.size() - LISTED).append(" more");
        }
        err.println(line);
        err.flush();
    }
}
