package dev.tlsrpt.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, drawn only when standard error is a terminal that is not a dumb
 * one ({@link CliEnvironment#progressBar()}) and only once the work has taken more than a moment; it erases
 * itself at the end, so nothing of it remains in the output.
 */
final class Progress {
    /** How long work runs before the bar appears. */
    static final long DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How often the bar is redrawn at most. */
    static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long total;
    private final long start;
    private long done;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    /**
     * Starts counting, drawing on the environment's standard error when {@link CliEnvironment#progressBar()}.
     *
     * @param env the environment
     * @param total the number of steps
     * @return the progress bar
     */
    static Progress start(CliEnvironment env, long total) {
        return new Progress(env.err(), env.progressBar(), env.nanoClock(), total);
    }

    /**
     * Starts counting.
     *
     * @param err standard error
     * @param enabled whether standard error is a terminal
     * @param clock monotonic nanoseconds
     * @param total the number of steps
     */
    Progress(PrintWriter err, boolean enabled, LongSupplier clock, long total) {
        this.err = err;
        this.enabled = enabled && total > 1;
        this.clock = clock;
        this.total = total;
        this.start = clock.getAsLong();
    }

    /** One step done; draws the bar when it is due. */
    void step() {
        done++;
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < DELAY_NANOS || (drawn && now - lastDrawn < REDRAW_NANOS)) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " reports");
        err.flush();
        drawn = true;
        lastDrawn = now;
    }

    /** Erases the bar, if it was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
            drawn = false;
        }
    }

    boolean wasDrawn() {
        return drawn;
    }
}
