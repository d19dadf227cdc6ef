package dev.tlsrpt.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a command sees of the world: its streams, the environment variables, whether the output goes to a
 * terminal, and a clock for the progress bar. Tests pass their own.
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input, read for the input {@code -}
 * @param env environment variables ({@code NO_COLOR})
 * @param terminal whether standard output and standard error are a terminal
 * @param nanoClock monotonic nanoseconds, for the progress bar
 */
record CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
        boolean terminal, LongSupplier nanoClock) {

    CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * The real process environment. {@link System#console()} is non-null only when standard input and
     * output are a terminal, which is when colour and a progress bar help.
     *
     * @return the environment of this process
     */
    static CliEnvironment system() {
        return new CliEnvironment(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.in, System.getenv(), System.console() != null, System::nanoTime);
    }

    /**
     * Whether the NO_COLOR convention (no-color.org) asks for plain output.
     *
     * @return true when {@code NO_COLOR} is set and not empty
     */
    boolean noColorRequested() {
        String value = env.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
