package dev.tlsrpt.cli;

/**
 * ANSI colours for text output, or none: colour only when standard output is a terminal (and not a dumb one,
 * {@code TERM=dumb}), {@code --no-color} was not given and {@code NO_COLOR} is not set.
 */
final class Style {
    static final Style PLAIN = new Style(false);
    static final Style ANSI = new Style(true);

    private final boolean enabled;

    private Style(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Chooses colour or plain text.
     *
     * @param environment the process's environment
     * @param noColorOption whether {@code --no-color} was given
     * @return the style
     */
    static Style choose(CliEnvironment environment, boolean noColorOption) {
        return environment.terminals().stdout() && !environment.dumbTerminal() && !noColorOption
                && !environment.noColorRequested() ? ANSI : PLAIN;
    }

    boolean enabled() {
        return enabled;
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String red(String s) {
        return wrap("1;31", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
