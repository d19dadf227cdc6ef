package dev.tlsrpt.internal;

import static dev.tlsrpt.internal.MemberTable.MemberSpec.ifMissing;
import static dev.tlsrpt.internal.MemberTable.MemberSpec.optional;
import static dev.tlsrpt.internal.MemberTable.MemberSpec.required;

import dev.tlsrpt.DeviationKind;
import dev.tlsrpt.internal.MemberTable.MemberSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of RFC 8460 section 4.4: the members of each JSON object of a report, in RFC order, with the
 * draft-era names real senders still send ({@code mx-host-pattern}, {@code additional-info-uri},
 * {@code failure-error-code}) and what the absence of each member means.
 */
public final class Members {
    private Members() {
    }

    /** The report object. */
    public static final MemberTable<ReportMember> REPORT = MemberTable.of(ReportMember.class, "/");
    /** {@code date-range}. */
    public static final MemberTable<DateRangeMember> DATE_RANGE =
            MemberTable.of(DateRangeMember.class, "/date-range/");
    /** A {@code policies} entry. */
    public static final MemberTable<PolicyResultMember> POLICY_RESULT =
            MemberTable.of(PolicyResultMember.class, "/policies/", "/");
    /** {@code policy}. */
    public static final MemberTable<PolicyMember> POLICY = MemberTable.of(PolicyMember.class, "/policies/", "/policy/");
    /** {@code summary}. */
    public static final MemberTable<SummaryMember> SUMMARY =
            MemberTable.of(SummaryMember.class, "/policies/", "/summary/");
    /** A {@code failure-details} entry. */
    public static final MemberTable<DetailMember> FAILURE_DETAIL =
            MemberTable.of(DetailMember.class, "/policies/", "/failure-details/", "/");

    private static final List<MemberTable<?>> ALL =
            List.of(REPORT, DATE_RANGE, POLICY_RESULT, POLICY, SUMMARY, FAILURE_DETAIL);

    /**
     * The RFC name of a draft-era member name, in whichever object it occurs.
     *
     * @param name a member name as sent
     * @return the RFC name, or null when {@code name} is not a draft name
     */
    public static @Nullable String rfcNameOfDraft(String name) {
        for (MemberTable<?> table : ALL) {
            for (MemberTable.Member m : table.members()) {
                if (name.equals(m.spec().draftName())) {
                    return m.wireName();
                }
            }
        }
        return null;
    }

    /** The members of the report object. */
    public enum ReportMember implements MemberTable.Member {
        /** {@code organization-name}, required. */
        ORGANIZATION_NAME(required("organization-name")),
        /** {@code date-range}, required. */
        DATE_RANGE(required("date-range")),
        /** {@code contact-info}; its absence is a deviation. */
        CONTACT_INFO(ifMissing("contact-info", DeviationKind.MISSING_CONTACT_INFO, "")),
        /** {@code report-id}; its absence is a deviation. */
        REPORT_ID(ifMissing("report-id", DeviationKind.MISSING_REPORT_ID, "")),
        /** {@code policies}, required. */
        POLICIES(required("policies"));

        private final MemberSpec spec;

        ReportMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }

    /** The members of {@code date-range}. */
    public enum DateRangeMember implements MemberTable.Member {
        /** {@code start-datetime}, required. */
        START_DATETIME(required("start-datetime")),
        /** {@code end-datetime}, required. */
        END_DATETIME(required("end-datetime"));

        private final MemberSpec spec;

        DateRangeMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }

    /** The members of a {@code policies} entry. */
    public enum PolicyResultMember implements MemberTable.Member {
        /** {@code policy}, required. */
        POLICY(required("policy")),
        /** {@code summary}, required. */
        SUMMARY(required("summary")),
        /** {@code failure-details}, optional. */
        FAILURE_DETAILS(optional("failure-details"));

        private final MemberSpec spec;

        PolicyResultMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }

    /** The members of {@code policy}. */
    public enum PolicyMember implements MemberTable.Member {
        /** {@code policy-type}, required. */
        POLICY_TYPE(required("policy-type")),
        /** {@code policy-string}; whether its absence is a deviation depends on the policy type. */
        POLICY_STRING(optional("policy-string")),
        /** {@code policy-domain}; its absence is a deviation. */
        POLICY_DOMAIN(ifMissing("policy-domain", DeviationKind.MISSING_POLICY_DOMAIN, "")),
        /** {@code mx-host}, draft name {@code mx-host-pattern}; optional. */
        MX_HOST(optional("mx-host").draft("mx-host-pattern"));

        private final MemberSpec spec;

        PolicyMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }

    /** The members of {@code summary}. */
    public enum SummaryMember implements MemberTable.Member {
        /** {@code total-successful-session-count}; its absence is a deviation, read as 0. */
        TOTAL_SUCCESSFUL_SESSION_COUNT(ifMissing("total-successful-session-count",
                DeviationKind.MISSING_SESSION_COUNT, "; read as 0")),
        /** {@code total-failure-session-count}; its absence is a deviation, read as 0. */
        TOTAL_FAILURE_SESSION_COUNT(ifMissing("total-failure-session-count",
                DeviationKind.MISSING_SESSION_COUNT, "; read as 0"));

        private final MemberSpec spec;

        SummaryMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }

    /** The members of a {@code failure-details} entry. */
    public enum DetailMember implements MemberTable.Member {
        /** {@code result-type}, required. */
        RESULT_TYPE(required("result-type")),
        /** {@code sending-mta-ip}; its absence is a deviation. */
        SENDING_MTA_IP(ifMissing("sending-mta-ip", DeviationKind.MISSING_SENDING_MTA_IP, "")),
        /** {@code receiving-mx-hostname}; its absence is a deviation. */
        RECEIVING_MX_HOSTNAME(ifMissing("receiving-mx-hostname", DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, "")),
        /** {@code receiving-mx-helo}, optional. */
        RECEIVING_MX_HELO(optional("receiving-mx-helo")),
        /** {@code receiving-ip}, optional. */
        RECEIVING_IP(optional("receiving-ip")),
        /** {@code failed-session-count}; its absence is a deviation, read as 0. */
        FAILED_SESSION_COUNT(ifMissing("failed-session-count", DeviationKind.MISSING_SESSION_COUNT, "; read as 0")),
        /** {@code additional-information}, draft name {@code additional-info-uri}; optional. */
        ADDITIONAL_INFORMATION(optional("additional-information").draft("additional-info-uri")),
        /** {@code failure-reason-code}, draft name {@code failure-error-code}; optional. */
        FAILURE_REASON_CODE(optional("failure-reason-code").draft("failure-error-code"));

        private final MemberSpec spec;

        DetailMember(MemberSpec spec) {
            this.spec = spec;
        }

        @Override
        public MemberSpec spec() {
            return spec;
        }
    }
}
