package dev.tlsrpt.analysis;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Finding;
import dev.tlsrpt.diagnose.FindingKind;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All an aggregate keeps of one report: the reporter, the UTC day of its {@code start-datetime}, per policy
 * domain the session counts of its policies, and per problem (domain, result type, MX host) the failed
 * sessions, severity, title and action of its FAILURE findings, merged. The failure details themselves are
 * not kept. Both lists are sorted by key and hold each key once, so equal reports give equal contributions.
 *
 * @param reporter the {@code organization-name}
 * @param day the UTC day of {@code start-datetime}, as {@link LocalDate#toEpochDay()}
 * @param domains per policy domain ({@link Sums#name}), sorted
 * @param failures per problem, sorted by {@link Failure#KEY_ORDER}; each domain is one of {@code domains}
 */
record Contribution(String reporter, long day, List<Domain> domains, List<Failure> failures) {

    Contribution {
        Objects.requireNonNull(reporter, "reporter");
        domains = List.copyOf(domains);
        failures = List.copyOf(failures);
    }

    /**
     * The session counts of the policies of one domain.
     *
     * @param domain the policy domain, {@code ""} for none
     * @param successful the summed {@code total-successful-session-count}
     * @param failed the summed {@code total-failure-session-count}
     */
    record Domain(String domain, long successful, long failed) {
    }

    /**
     * The FAILURE findings of one problem.
     *
     * @param domain the policy domain, {@code ""} for none
     * @param resultType the {@code result-type} as sent
     * @param mxHost the MX host, {@code ""} for none
     * @param failed the summed failed sessions
     * @param severity the highest severity
     * @param title the title of the finding chosen by {@link #TEXT_ORDER}
     * @param action its action
     */
    record Failure(String domain, String resultType, String mxHost, long failed, Severity severity, String title,
            String action) {

        /** The order of the problem's key: domain, result type, MX host. */
        static final Comparator<Failure> KEY_ORDER = Comparator.comparing(Failure::domain)
                .thenComparing(Failure::resultType).thenComparing(Failure::mxHost);

        /** Which text to show: the most severe first, then the smallest title and action. */
        static final Comparator<Failure> TEXT_ORDER = Comparator.comparing(Failure::severity)
                .thenComparing(Failure::title).thenComparing(Failure::action);

        /** Two findings of the same problem in one report, merged. */
        Failure plus(Failure other) {
            Failure best = TEXT_ORDER.compare(this, other) <= 0 ? this : other;
            return new Failure(domain, resultType, mxHost, Sums.add(failed, other.failed), best.severity,
                    best.title, best.action);
        }
    }

    /** How many keys this contribution holds: one for the report, one per domain and one per problem. */
    long keys() {
        return 1L + domains.size() + failures.size();
    }

    /**
     * The contribution of a report, diagnosed with {@link TlsRpt#diagnose(TlsReport)} (English texts) when it
     * has failure details: only they give FAILURE findings.
     *
     * @throws IllegalArgumentException when the start-datetime lies outside the dates {@link LocalDate} holds
     */
    static Contribution of(TlsReport report) {
        LocalDate date;
        try {
            date = LocalDate.ofInstant(report.dateRange().start(), ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("the report's start-datetime lies outside the supported dates", e);
        }
        Map<String, long[]> domains = new TreeMap<>();
        boolean anyDetail = false;
        for (PolicyResult p : report.policies()) {
            anyDetail |= !p.failureDetails().isEmpty();
            long[] counts = domains.computeIfAbsent(Sums.name(p.policy().policyDomain()), k -> new long[2]);
            counts[0] = Sums.add(counts[0], p.summary().totalSuccessfulSessionCount());
            counts[1] = Sums.add(counts[1], p.summary().totalFailureSessionCount());
        }
        List<Domain> domainList = new ArrayList<>(domains.size());
        for (Map.Entry<String, long[]> e : domains.entrySet()) {
            domainList.add(new Domain(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        Map<Failure, Failure> failures = new TreeMap<>(Failure.KEY_ORDER);
        // FAILURE findings come from failure details alone: a report without any (most of them) has none, and
        // its diagnosis (the other findings' texts and the verdict, which are not kept) is skipped
        List<Finding> findings = anyDetail ? TlsRpt.diagnose(report).findings() : List.of();
        for (Finding f : findings) {
            if (f.kind() != FindingKind.FAILURE) {
                continue;
            }
            String type = f.resultTypeName();
            if (type == null) {
                ResultType t = f.resultType();
                type = t == null ? "" : t.wireName();
            }
            Failure cell = new Failure(Sums.name(f.policyDomain()), type, Sums.name(f.mxHost()), f.failedSessions(),
                    f.severity(), f.title(), f.action());
            failures.merge(cell, cell, Failure::plus);
        }
        return new Contribution(report.organizationName(), date.toEpochDay(), domainList,
                new ArrayList<>(failures.values()));
    }
}
