package dev.tlsrpt.diagnose;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to diagnose: the locale of the texts and the share of a policy's sessions from which failures that
 * kept mail from being delivered are {@link Severity#CRITICAL}. Immutable; the {@code with...} methods
 * return a changed copy.
 *
 * <pre>{@code
 * DiagnosisOptions options = DiagnosisOptions.defaults().withSubstantialShare(0.05);
 * Diagnosis diagnosis = TlsRpt.diagnose(report, options);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DiagnosisOptions {

    /** The default {@link #substantialShare()}: 1% of the policy's sessions. */
    public static final double DEFAULT_SUBSTANTIAL_SHARE = 0.01;

    private static final DiagnosisOptions DEFAULTS = new DiagnosisOptions(Locale.ROOT, DEFAULT_SUBSTANTIAL_SHARE);

    static {
        // lets the front door, TlsRpt.diagnose, reach the package-private engine; every caller holds an
        // instance of this class, so this has run before the first diagnosis
        dev.tlsrpt.internal.DiagnosisAccess.register(Diagnoser::diagnose);
    }

    private final Locale locale;
    private final double substantialShare;

    private DiagnosisOptions(Locale locale, double substantialShare) {
        this.locale = locale;
        this.substantialShare = substantialShare;
    }

    /**
     * The defaults: English texts ({@link Locale#ROOT}) and a substantial share of
     * {@value #DEFAULT_SUBSTANTIAL_SHARE}.
     *
     * @return the default options
     */
    public static DiagnosisOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The locale of the texts: English when the bundle {@code dev/tlsrpt/diagnose/Advice.properties} has no
     * translation for it. The JVM's default locale is never used.
     *
     * @return the locale, {@link Locale#ROOT} for English
     */
    public Locale locale() {
        return locale;
    }

    /**
     * From which share of a policy's sessions (failed divided by successful plus failed) failures that kept
     * mail from being delivered are {@link Severity#CRITICAL}; below it, while other sessions succeeded, they
     * are a {@link Severity#WARNING} about an intermittent fault. A policy without any successful session is
     * critical whatever the share.
     *
     * @return the share, from 0 to 1
     */
    public double substantialShare() {
        return substantialShare;
    }

    /**
     * A copy with another locale.
     *
     * @param locale the locale of the texts, {@link Locale#ROOT} for English
     * @return the changed copy
     */
    public DiagnosisOptions withLocale(Locale locale) {
        return new DiagnosisOptions(Objects.requireNonNull(locale, "locale"), substantialShare);
    }

    /**
     * A copy with another substantial share.
     *
     * @param share from 0 (every failure that kept mail back is critical) to 1 (only a policy in which all or
     *     no sessions failed is critical)
     * @return the changed copy
     * @throws IllegalArgumentException when {@code share} is not from 0 to 1
     */
    public DiagnosisOptions withSubstantialShare(double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("substantialShare must be from 0 to 1, was " + share);
        }
        return new DiagnosisOptions(locale, share);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DiagnosisOptions other && locale.equals(other.locale)
                && Double.compare(substantialShare, other.substantialShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(locale, substantialShare);
    }

    @Override
    public String toString() {
        return "DiagnosisOptions[locale=" + locale.toLanguageTag() + ", substantialShare=" + substantialShare + "]";
    }
}
