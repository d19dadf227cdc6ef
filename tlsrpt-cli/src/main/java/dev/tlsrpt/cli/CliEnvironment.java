package dev.tlsrpt.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What a command sees of the world: its streams, the environment variables, which standard streams are a
 * terminal, and a clock for the progress bar. Tests pass their own.
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input, read for the input {@code -} and when no input is named
 * @param env environment variables ({@code NO_COLOR}, {@code TERM})
 * @param terminals which of standard input, output and error are a terminal
 * @param nanoClock monotonic nanoseconds, for the progress bar
 */
record CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
        Terminals terminals, LongSupplier nanoClock) {

    /** The system property prefix of the terminal facts the launcher passes: {@code tlsrpt.stdin.terminal}, ... */
    static final String PROPERTY_PREFIX = "tlsrpt.";
    /** The suffix of those properties. */
    static final String PROPERTY_SUFFIX = ".terminal";

    CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(env);
        Objects.requireNonNull(terminals, "terminals");
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * An environment whose three standard streams are all a terminal, or none is.
     *
     * @param out standard output
     * @param err standard error
     * @param in standard input
     * @param env environment variables
     * @param terminal whether standard input, output and error are a terminal
     * @param nanoClock monotonic nanoseconds
     */
    CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal,
            LongSupplier nanoClock) {
        this(out, err, in, env, terminal ? Terminals.ALL : Terminals.NONE, nanoClock);
    }

    /**
     * Which standard streams are a terminal.
     *
     * @param stdin whether standard input is: then no input named is a usage error, not a read of standard input
     * @param stdout whether standard output is: then colour is used
     * @param stderr whether standard error is: then a progress bar may be drawn
     */
    record Terminals(boolean stdin, boolean stdout, boolean stderr) {
        static final Terminals ALL = new Terminals(true, true, true);
        static final Terminals NONE = new Terminals(false, false, false);
    }

    /**
     * The real process environment. Java 17 cannot ask whether one standard stream is a terminal, so the
     * launcher {@code bin/tlsrpt} tells: it passes {@code -Dtlsrpt.stdin.terminal=true|false} and the same
     * for {@code stdout} and {@code stderr} (from the shell's {@code [ -t 0 ]}, {@code [ -t 1 ]},
     * {@code [ -t 2 ]}). Without the launcher ({@code java -jar tlsrpt.jar}), see {@link #detect}.
     *
     * @return the environment of this process
     */
    static CliEnvironment system() {
        return new CliEnvironment(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.in, System.getenv(), detect(System::getProperty, CliEnvironment::consoleIsTerminal,
                        Path.of("/proc/self/fd/0")), System::nanoTime);
    }

    /** Whether the JVM has a console that is a terminal: asked only when the launcher did not tell. */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        return console != null && isTerminal(console);
    }

    /** Reads one system property. */
    @FunctionalInterface
    interface Properties {
        @Nullable String get(String name);
    }

    /**
     * Which standard streams are a terminal: what the launcher's properties say ({@code true} or
     * {@code false}), and for each property that is not set: standard input is a terminal when
     * {@code /proc/self/fd/0} (Linux) links to a terminal device, else when the JVM has a console; standard
     * output when the JVM has a console (which on Java 17 means standard input and output are both a
     * terminal); standard error never, so no progress bar is drawn without the launcher unless
     * {@code -Dtlsrpt.stderr.terminal=true} asks for one.
     *
     * @param properties the system properties
     * @param console whether the JVM has a console that is a terminal
     * @param stdinLink {@code /proc/self/fd/0}, or a path that does not exist where there is no such file
     * @return the facts
     */
    static Terminals detect(Properties properties, boolean console, Path stdinLink) {
        return detect(properties, () -> console, stdinLink);
    }

    /**
     * {@link #detect(Properties, boolean, Path)} with the console asked only when a property is missing:
     * the launcher sets all three, and asking costs start-up time (reflection on Java 22 and later).
     *
     * @param properties the system properties
     * @param console whether the JVM has a console that is a terminal
     * @param stdinLink {@code /proc/self/fd/0}, or a path that does not exist where there is no such file
     * @return the facts
     */
    static Terminals detect(Properties properties, BooleanSupplier console, Path stdinLink) {
        Boolean stdin = property(properties, "stdin");
        Boolean stdout = property(properties, "stdout");
        Boolean stderr = property(properties, "stderr");
        return new Terminals(
                stdin != null ? stdin : stdinIsTerminal(stdinLink, console),
                stdout != null ? stdout : console.getAsBoolean(),
                stderr != null && stderr);
    }

    private static @Nullable Boolean property(Properties properties, String stream) {
        String value = properties.get(PROPERTY_PREFIX + stream + PROPERTY_SUFFIX);
        return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
    }

    /** Where {@code /proc/self/fd/0} exists, whether it links to a terminal device; else {@code console}. */
    private static boolean stdinIsTerminal(Path link, BooleanSupplier console) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return console.getAsBoolean();
        }
    }

    /**
     * Whether a console is a terminal: on Java 22 to 24 {@link System#console()} may return a console when
     * the streams are redirected, and only {@code Console.isTerminal()} (Java 22 and later) tells.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // Java 17 to 21: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
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

    /**
     * Whether the terminal is a dumb one ({@code TERM=dumb}, as Emacs' shell buffers and some CI logs set):
     * no colour and no progress bar.
     *
     * @return true when {@code TERM} is {@code dumb}
     */
    boolean dumbTerminal() {
        return "dumb".equals(env.get("TERM"));
    }

    /**
     * Whether a progress bar may be drawn on standard error: it is a terminal, and not a dumb one.
     *
     * @return true when a bar may be drawn
     */
    boolean progressBar() {
        return terminals.stderr() && !dumbTerminal();
    }
}
