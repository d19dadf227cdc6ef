package dev.tlsrpt.internal;

import dev.tlsrpt.DeviationKind;
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

    /** The members of the report object. */
    public enum ReportMember {
        /** {@code organization-name}, required. */
        ORGANIZATION_NAME,
        /** {@code date-range}, required. */
        DATE_RANGE,
        /** {@code contact-info}; its absence is a deviation. */
        CONTACT_INFO,
        /** {@code report-id}; its absence is a deviation. */
        REPORT_ID,
        /** {@code policies}, required. */
        POLICIES
    }

    /** The members of {@code date-range}. */
    public enum DateRangeMember {
        /** {@code start-datetime}, required. */
        START_DATETIME,
        /** {@code end-datetime}, required. */
        END_DATETIME
    }

    /** The members of a {@code policies} entry. */
    public enum PolicyResultMember {
        /** {@code policy}, required. */
        POLICY,
        /** {@code summary}, required. */
        SUMMARY,
        /** {@code failure-details}, optional. */
        FAILURE_DETAILS
    }

    /** The members of {@code policy}. */
    public enum PolicyMember {
        /** {@code policy-type}, required. */
        POLICY_TYPE,
        /** {@code policy-string}; whether its absence is a deviation depends on the policy type. */
        POLICY_STRING,
        /** {@code policy-domain}; its absence is a deviation. */
        POLICY_DOMAIN,
        /** {@code mx-host}, draft name {@code mx-host-pattern}; optional. */
        MX_HOST
    }

    /** The members of {@code summary}. */
    public enum SummaryMember {
        /** {@code total-successful-session-count}; its absence is a deviation, read as 0. */
        TOTAL_SUCCESSFUL_SESSION_COUNT,
        /** {@code total-failure-session-count}; its absence is a deviation, read as 0. */
        TOTAL_FAILURE_SESSION_COUNT
    }

    /** The members of a {@code failure-details} entry. */
    public enum DetailMember {
        /** {@code result-type}, required. */
        RESULT_TYPE,
        /** {@code sending-mta-ip}; its absence is a deviation. */
        SENDING_MTA_IP,
        /** {@code receiving-mx-hostname}; its absence is a deviation. */
        RECEIVING_MX_HOSTNAME,
        /** {@code receiving-mx-helo}, optional. */
        RECEIVING_MX_HELO,
        /** {@code receiving-ip}, optional. */
        RECEIVING_IP,
        /** {@code failed-session-count}; its absence is a deviation, read as 0. */
        FAILED_SESSION_COUNT,
        /** {@code additional-information}, draft name {@code additional-info-uri}; optional. */
        ADDITIONAL_INFORMATION,
        /** {@code failure-reason-code}, draft name {@code failure-error-code}; optional. */
        FAILURE_REASON_CODE
    }

    /** The report object. */
    public static final MemberTable<ReportMember> REPORT = MemberTable.of(ReportMember.class, "/")
            .required(ReportMember.ORGANIZATION_NAME, ReportMember.DATE_RANGE, ReportMember.POLICIES)
            .ifMissing(ReportMember.CONTACT_INFO, DeviationKind.MISSING_CONTACT_INFO, "")
            .ifMissing(ReportMember.REPORT_ID, DeviationKind.MISSING_REPORT_ID, "")
            .build();
    /** {@code date-range}. */
    public static final MemberTable<DateRangeMember> DATE_RANGE =
            MemberTable.of(DateRangeMember.class, "/date-range/")
                    .required(DateRangeMember.START_DATETIME, DateRangeMember.END_DATETIME)
                    .build();
    /** A {@code policies} entry. */
    public static final MemberTable<PolicyResultMember> POLICY_RESULT =
            MemberTable.of(PolicyResultMember.class, "/policies/", "/")
                    .required(PolicyResultMember.POLICY, PolicyResultMember.SUMMARY)
                    .build();
    /** {@code policy}. */
    public static final MemberTable<PolicyMember> POLICY =
            MemberTable.of(PolicyMember.class, "/policies/", "/policy/")
                    .required(PolicyMember.POLICY_TYPE)
                    .ifMissing(PolicyMember.POLICY_DOMAIN, DeviationKind.MISSING_POLICY_DOMAIN, "")
                    .draft(PolicyMember.MX_HOST, "mx-host-pattern")
                    .build();
    /** {@code summary}. */
    public static final MemberTable<SummaryMember> SUMMARY =
            MemberTable.of(SummaryMember.class, "/policies/", "/summary/")
                    .ifMissing(SummaryMember.TOTAL_SUCCESSFUL_SESSION_COUNT, DeviationKind.MISSING_SESSION_COUNT,
                            "; read as 0")
                    .ifMissing(SummaryMember.TOTAL_FAILURE_SESSION_COUNT, DeviationKind.MISSING_SESSION_COUNT,
                            "; read as 0")
                    .build();
    /** A {@code failure-details} entry. */
    public static final MemberTable<DetailMember> FAILURE_DETAIL =
            MemberTable.of(DetailMember.class, "/policies/", "/failure-details/", "/")
                    .required(DetailMember.RESULT_TYPE)
                    .ifMissing(DetailMember.SENDING_MTA_IP, DeviationKind.MISSING_SENDING_MTA_IP, "")
                    .ifMissing(DetailMember.RECEIVING_MX_HOSTNAME, DeviationKind.MISSING_RECEIVING_MX_HOSTNAME, "")
                    .ifMissing(DetailMember.FAILED_SESSION_COUNT, DeviationKind.MISSING_SESSION_COUNT, "; read as 0")
                    .draft(DetailMember.ADDITIONAL_INFORMATION, "additional-info-uri")
                    .draft(DetailMember.FAILURE_REASON_CODE, "failure-error-code")
                    .build();

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
            String rfc = table.rfcName(name);
            if (!rfc.equals(name)) {
                return rfc;
            }
        }
        return null;
    }
}
