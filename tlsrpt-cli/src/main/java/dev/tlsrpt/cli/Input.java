package dev.tlsrpt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One report source named on the command line, or found in a directory: a file, standard input or the
 * bundled sample. Opening may fail; the failure is reported against {@link #name()}.
 *
 * @param name how messages name the input (the path as given, {@code (stdin)} or {@code (bundled sample)})
 * @param opener opens the bytes; each call opens them again
 * @param found whether a directory walk found it rather than the command line naming it: such a file is
 *     skipped, not an error, when its content is not a report (see {@link Inputs#mayHoldReport})
 */
record Input(String name, Opener opener, boolean found) {

    /** Opens an input's bytes. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens the bytes.
         *
         * @return the stream, which the caller closes
         * @throws IOException when the input cannot be read
         */
        InputStream open() throws IOException;
    }

    Input {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /**
     * An input the command line names.
     *
     * @param name how messages name it
     * @param opener opens the bytes
     */
    Input(String name, Opener opener) {
        this(name, opener, false);
    }

    /**
     * Opens the bytes.
     *
     * @return the stream, which the caller closes
     * @throws IOException when the input cannot be read
     */
    InputStream open() throws IOException {
        return opener.open();
    }
}
