package dev.tlsrpt.cli;

import dev.tlsrpt.cli.CliEnvironment.Terminals;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Runs {@code tlsrpt} in-process with captured output, as a test sees it. */
final class Run {
    final int exitCode;
    final String out;
    final String err;

    private Run(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Run tlsrpt(String... args) {
        return with(new byte[0], Map.of(), false, args);
    }

    static Run withStdin(byte[] stdin, String... args) {
        return with(stdin, Map.of(), false, args);
    }

    static Run onTerminal(Map<String, String> env, String... args) {
        return with(new byte[0], env, true, args);
    }

    /** Runs with standard input a terminal (from which nothing is read), output and error not. */
    static Run withStdinOnTerminal(String... args) {
        return with(new ByteArrayInputStream(new byte[0]), Map.of(), new Terminals(true, false, false),
                new AtomicLong()::get, args);
    }

    static Run with(byte[] stdin, Map<String, String> env, boolean terminal, String... args) {
        return with(new ByteArrayInputStream(stdin), env, terminal, new AtomicLong()::get, args);
    }

    static Run with(InputStream stdin, Map<String, String> env, boolean terminal, LongSupplier clock, String... args) {
        return with(stdin, env, terminal ? Terminals.ALL : Terminals.NONE, clock, args);
    }

    static Run with(InputStream stdin, Map<String, String> env, Terminals terminals, LongSupplier clock, String... args) {
        return with(stdin, env, terminals, clock, true, args);
    }

    /** Runs with or without {@link FastPath}: false leaves the whole command line to picocli. */
    static Run with(InputStream stdin, Map<String, String> env, Terminals terminals, LongSupplier clock,
            boolean fastPath, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                stdin, env, terminals, clock);
        int code = Main.run(environment, fastPath, args);
        return new Run(code, out.toString(), err.toString());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
