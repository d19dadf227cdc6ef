package dev.tlsrpt.cli;

import org.jspecify.annotations.Nullable;

/**
 * Initialises, on a daemon thread started first thing in {@code tlsrpt diagnose}, classes whose static
 * initialisation costs the most on the main thread later, so that on a machine with a spare core it runs
 * while the main thread starts the command and reads the report. It saves wall-clock time only: the work is
 * the same (a class is initialised once, by whichever thread first needs it; the other waits for it), and
 * the thread itself costs a little CPU time. Figures: tlsrpt-bench/README.md, "Start-up".
 *
 * <p>Nothing observable changes: the classes are initialised in the order the main thread would initialise
 * them, none of them reads input or the environment, prints or can fail, and the thread is a daemon that ends
 * by itself and keeps nothing alive. A class missing here is skipped (the main thread then meets it as it
 * would have); one whose initialisation failed here would reach the main thread as a {@code
 * NoClassDefFoundError} instead of the original error, which none of these classes throws. The library knows
 * nothing of this: it is the command's start only.
 */
final class Warmup implements Runnable {

    /**
     * The classes, in the order in which {@code diagnose} first needs them. {@code BigDecimal} first: since
     * Java 24 its static initialisation computes a table of powers by squaring in the interpreter (9 to 12 ms
     * of CPU, JDK-8341470), which jackson-core's parser base class triggers before the first byte is parsed;
     * then the JSON reader, the diagnosis engine (its reason-code patterns and the advice texts) and the text
     * renderer. WarmupTest holds every name to a class of the jar.
     */
    static final String[] CLASSES = {
        "java.math.BigInteger",
        "java.math.BigDecimal",
        "dev.tlsrpt.internal.ReportReader",
        "tools.jackson.core.json.UTF8StreamJsonParser",
        "dev.tlsrpt.diagnose.DiagnosisOptions",
        "dev.tlsrpt.diagnose.Diagnoser",
        "dev.tlsrpt.diagnose.ReasonCodes",
        "dev.tlsrpt.diagnose.TextRenderer",
    };

    /**
     * Java 21 and later ask for the system logger of {@code java.lang.Runtime} in {@code System.exit}, on the
     * main thread after the output (about 3 ms on Java 25: finding the logging back end through the service
     * loader). Initialising the classes that do that here gets it out of the way; Java 17 does not log, so
     * there it would be work for nothing.
     */
    static final String[] EXIT_LOGGER_CLASSES = {
        "jdk.internal.logger.BootstrapLogger$DetectBackend",
        "jdk.internal.logger.LazyLoggers",
    };

    /** The Java feature version from which {@code System.exit} logs. */
    static final int EXIT_LOGS_FROM = 21;

    private Warmup() {
    }

    /**
     * Starts the thread.
     *
     * @return the thread, started
     */
    static Thread start() {
        Thread thread = new Thread(new Warmup(), "tlsrpt-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Initialises the classes on the current thread, as the thread {@link #start} starts does. */
    static void runHere() {
        new Warmup().run();
    }

    @Override
    public void run() {
        initialise(CLASSES, Warmup.class.getClassLoader());
        if (feature() >= EXIT_LOGS_FROM) {
            initialise(EXIT_LOGGER_CLASSES, null);
        }
    }

    private static void initialise(String[] names, @Nullable ClassLoader loader) {
        for (String name : names) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not there, or failed: the main thread meets it as it would have without this thread
            }
        }
    }

    /** The running Java's feature version (17, 25, ...), or 0 when the property does not say. */
    static int feature() {
        String version = System.getProperty("java.specification.version", "");
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 || end > 4 ? 0 : Integer.parseInt(version.substring(0, end));
    }
}
