package dev.tlsrpt.internal;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.diagnose.DiagnosisOptions;
import dev.tlsrpt.model.TlsReport;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the front door, {@code TlsRpt.diagnose}, reaches the package-private diagnosis engine of
 * {@code dev.tlsrpt.diagnose} without a second public door to it (the pattern of the JDK's
 * {@code SharedSecrets}): the engine registers itself when {@link DiagnosisOptions} is initialised, which
 * has happened once a caller holds an options value.
 */
public final class DiagnosisAccess {

    /** The diagnosis engine. */
    @FunctionalInterface
    public interface Engine {
        /**
         * Diagnoses a report.
         *
         * @param report the report
         * @param deviations the deviations lenient parsing tolerated, possibly empty
         * @param options the locale and thresholds
         * @return the diagnosis
         */
        Diagnosis diagnose(TlsReport report, List<Deviation> deviations, DiagnosisOptions options);
    }

    private static volatile @Nullable Engine engine;

    private DiagnosisAccess() {
    }

    /**
     * Registers the engine, once.
     *
     * @param e the engine
     * @throws IllegalStateException when an engine is registered already
     */
    public static synchronized void register(Engine e) {
        Objects.requireNonNull(e, "engine");
        if (engine != null) {
            throw new IllegalStateException("the diagnosis engine is registered already");
        }
        engine = e;
    }

    /**
     * Diagnoses a report with the registered engine.
     *
     * @param report the report
     * @param deviations the deviations lenient parsing tolerated, possibly empty
     * @param options the locale and thresholds (holding one means the engine has registered)
     * @return the diagnosis
     */
    public static Diagnosis diagnose(TlsReport report, List<Deviation> deviations, DiagnosisOptions options) {
        Objects.requireNonNull(options, "options");
        Engine e = engine;
        if (e == null) {
            throw new IllegalStateException("the diagnosis engine did not register");
        }
        return e.diagnose(report, deviations, options);
    }
}
