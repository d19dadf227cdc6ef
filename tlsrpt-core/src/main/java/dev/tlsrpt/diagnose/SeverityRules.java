package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultCategory;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.StsMode;
import org.jspecify.annotations.Nullable;

/** The impact of failures on the mail and the severity rules of {@link Severity}, in the order they apply. */
final class SeverityRules {
    private SeverityRules() {
    }

    /** Impact and severity of a failure finding, and which of the rules' reasons its texts give. */
    record Rating(Impact impact, Severity severity, boolean intermittent, boolean noSuccess) {
    }

    /**
     * What failures of a result type under a policy meant for the mail (see {@link Impact}).
     * Switches without default: a new constant fails to compile until it has its impact.
     */
    static Impact impactOf(ResultType type, PolicyType policyType, @Nullable StsMode mode) {
        if (type.category() == ResultCategory.STS_POLICY) {
            return switch (policyType) {
                case STS -> mode == null ? Impact.DELIVERED_UNPROTECTED : switch (mode) {
                    case ENFORCE, UNKNOWN -> Impact.DELIVERED_UNPROTECTED;
                    case TESTING, NONE -> Impact.NO_EFFECT;
                };
                case NO_POLICY_FOUND -> Impact.DELIVERED_UNPROTECTED;
                case TLSA, UNKNOWN -> Impact.UNKNOWN;
            };
        }
        if (type == ResultType.DANE_REQUIRED) {
            return Impact.NOT_DELIVERED;
        }
        return switch (policyType) {
            case TLSA -> Impact.NOT_DELIVERED;
            case STS -> mode == null ? Impact.UNKNOWN : switch (mode) {
                case ENFORCE -> Impact.NOT_DELIVERED;
                case TESTING, NONE -> Impact.DELIVERED_UNPROTECTED;
                case UNKNOWN -> Impact.UNKNOWN;
            };
            case NO_POLICY_FOUND -> Impact.DELIVERED_UNPROTECTED;
            case UNKNOWN -> Impact.UNKNOWN;
        };
    }

    /**
     * The rules of {@link Severity}, in order; the first that applies wins.
     *
     * @param failed the failed sessions of the finding
     * @param share their share of the policy's sessions
     * @param successful the policy's successful sessions
     */
    static Rating rate(ResultType type, PolicyType policyType, @Nullable StsMode mode, long failed, double share,
            long successful, double substantialShare) {
        Impact impact = impactOf(type, policyType, mode);
        if (type.category() == ResultCategory.STS_POLICY) {
            return new Rating(impact, Severity.WARNING, false, false); // policy failures do not block mail
        }
        if (policyType == PolicyType.STS && (mode == StsMode.TESTING || mode == StsMode.NONE)) {
            return new Rating(impact, Severity.WARNING, false, false); // testing and none: never critical
        }
        if (impact == Impact.NOT_DELIVERED && failed > 0) {
            if (successful == 0) {
                return new Rating(impact, Severity.CRITICAL, false, true);
            }
            if (share >= substantialShare) {
                return new Rating(impact, Severity.CRITICAL, false, false);
            }
            return new Rating(impact, Severity.WARNING, true, false);
        }
        return new Rating(impact, Severity.WARNING, false, false);
    }
}
