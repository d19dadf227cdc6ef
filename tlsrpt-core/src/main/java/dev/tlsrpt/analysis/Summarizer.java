package dev.tlsrpt.analysis;

import dev.tlsrpt.diagnose.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Folds the entries of an aggregate into an {@link AggregateSummary} for a period. Every map is sorted by
 * its key, so the summary does not depend on the order of the entries; memory is proportional to the
 * distinct keys of the period.
 */
final class Summarizer {

    /** The findings' order in a domain: most severe, ongoing, most failed sessions, result type, MX host. */
    private static final Comparator<AggregateFinding> FINDING_ORDER = Comparator
            .comparing(AggregateFinding::severity)
            .thenComparing(AggregateFinding::status)
            .thenComparing(AggregateFinding::failedSessions, Comparator.reverseOrder())
            .thenComparing(AggregateFinding::resultTypeName)
            .thenComparing(f -> f.mxHost() == null ? "" : f.mxHost());

    private final long since;
    private final long until;
    private long reports;
    private long duplicates;
    private long firstDay = Long.MAX_VALUE;
    private long lastDay = Long.MIN_VALUE;
    private final Map<String, ReporterAcc> reporters = new TreeMap<>();
    private final Map<String, DomainAcc> domains = new TreeMap<>();

    private Summarizer(long since, long until) {
        this.since = since;
        this.until = until;
    }

    static AggregateSummary summarize(Map<Entry.Key, Entry> entries, @Nullable LocalDate since,
            @Nullable LocalDate until) {
        Summarizer s = new Summarizer(since == null ? Long.MIN_VALUE : since.toEpochDay(),
                until == null ? Long.MAX_VALUE : until.toEpochDay());
        for (Map.Entry<Entry.Key, Entry> e : entries.entrySet()) {
            s.add(e.getKey(), e.getValue());
        }
        return s.finish(since, until);
    }

    private void add(Entry.Key key, Entry entry) {
        Contribution c = entry.contribution();
        long day = c.day();
        if (day < since || day > until) {
            return;
        }
        // a report without report-id stands for each of its identical copies; one with stands for itself
        long weight = key.anonymous() ? entry.copies() : 1;
        reports = Sums.add(reports, weight);
        duplicates = Sums.add(duplicates, key.anonymous() ? 0 : entry.copies() - 1);
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
        String reporter = c.reporter();
        reporters.computeIfAbsent(reporter, r -> new ReporterAcc()).add(weight, day);
        for (Contribution.Domain d : c.domains()) {
            DomainAcc acc = domains.computeIfAbsent(d.domain(), k -> new DomainAcc());
            long ok = Sums.times(d.successful(), weight);
            long failed = Sums.times(d.failed(), weight);
            acc.counts.add(weight, ok, failed);
            acc.days.computeIfAbsent(day, k -> new Counts()).add(weight, ok, failed);
            acc.reporters.computeIfAbsent(reporter, k -> new Counts()).add(weight, ok, failed);
            acc.lastReportBy.merge(reporter, day, Math::max);
        }
        for (Contribution.Failure f : c.failures()) {
            DomainAcc acc = domains.computeIfAbsent(f.domain(), k -> new DomainAcc());
            long failed = Sums.times(f.failed(), weight);
            acc.mxHosts.computeIfAbsent(f.mxHost(), k -> new Counts()).add(weight, 0, failed);
            acc.resultTypes.computeIfAbsent(f.resultType(), k -> new Counts()).add(weight, 0, failed);
            acc.findings.computeIfAbsent(new ProblemKey(f.resultType(), f.mxHost()), k -> new FindingAcc())
                    .add(f, weight, failed, day, reporter);
        }
    }

    private AggregateSummary finish(@Nullable LocalDate sinceDate, @Nullable LocalDate untilDate) {
        boolean any = reports > 0;
        LocalDate start = sinceDate != null ? sinceDate : any ? LocalDate.ofEpochDay(firstDay) : null;
        LocalDate end = untilDate != null ? untilDate : any ? LocalDate.ofEpochDay(lastDay) : null;
        long latest = Long.MIN_VALUE;
        for (ReporterAcc r : reporters.values()) {
            latest = Math.max(latest, r.last);
        }
        List<ReporterSummary> reporterList = new ArrayList<>(reporters.size());
        for (Map.Entry<String, ReporterAcc> e : reporters.entrySet()) {
            ReporterAcc r = e.getValue();
            // nothing on the last two days or more of the period, while another reporter reported later
            boolean silent = end != null && end.toEpochDay() - r.last >= 2 && r.last < latest;
            reporterList.add(new ReporterSummary(e.getKey(), r.reports, LocalDate.ofEpochDay(r.first),
                    LocalDate.ofEpochDay(r.last), silent));
        }
        List<DomainSummary> domainList = new ArrayList<>(domains.size());
        for (Map.Entry<String, DomainAcc> e : domains.entrySet()) {
            domainList.add(e.getValue().summary(e.getKey()));
        }
        return new AggregateSummary(reports, duplicates, start, end, domainList, reporterList);
    }

    // ---------------------------------------------------------------- accumulators

    private static final class ReporterAcc {
        long reports;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        void add(long weight, long day) {
            reports = Sums.add(reports, weight);
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
    }

    private static final class Counts {
        long reports;
        long successful;
        long failed;

        void add(long weight, long ok, long failedSessions) {
            reports = Sums.add(reports, weight);
            successful = Sums.add(successful, ok);
            failed = Sums.add(failed, failedSessions);
        }

        Tally tally(String name) {
            return new Tally(Sums.orNull(name), reports, successful, failed);
        }
    }

    private record ProblemKey(String resultType, String mxHost) implements Comparable<ProblemKey> {
        @Override
        public int compareTo(ProblemKey o) {
            int c = resultType.compareTo(o.resultType);
            return c != 0 ? c : mxHost.compareTo(o.mxHost);
        }
    }

    private static final class DomainAcc {
        final Counts counts = new Counts();
        final Map<Long, Counts> days = new TreeMap<>();
        final Map<String, Counts> reporters = new TreeMap<>();
        final Map<String, Counts> mxHosts = new TreeMap<>();
        final Map<String, Counts> resultTypes = new TreeMap<>();
        final Map<ProblemKey, FindingAcc> findings = new TreeMap<>();
        /** Per reporter, the day of its latest report with a policy for this domain. */
        final Map<String, Long> lastReportBy = new HashMap<>();

        DomainSummary summary(String domain) {
            List<DaySummary> dayList = new ArrayList<>(days.size());
            for (Map.Entry<Long, Counts> e : days.entrySet()) {
                Counts c = e.getValue();
                dayList.add(new DaySummary(LocalDate.ofEpochDay(e.getKey()), c.reports, c.successful, c.failed));
            }
            List<AggregateFinding> findingList = new ArrayList<>(findings.size());
            for (Map.Entry<ProblemKey, FindingAcc> e : findings.entrySet()) {
                findingList.add(e.getValue().finding(domain, e.getKey(), this));
            }
            findingList.sort(FINDING_ORDER);
            return new DomainSummary(Sums.orNull(domain), counts.reports, counts.successful, counts.failed, dayList,
                    tallies(reporters), tallies(mxHosts), tallies(resultTypes), findingList);
        }

        private static List<Tally> tallies(Map<String, Counts> map) {
            List<Tally> list = new ArrayList<>(map.size());
            for (Map.Entry<String, Counts> e : map.entrySet()) {
                list.add(e.getValue().tally(e.getKey()));
            }
            return list;
        }
    }

    private static final class FindingAcc {
        long failed;
        long reports;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        /** Per reporter, the day of its latest report showing the problem. */
        final Map<String, Long> lastSeenBy = new TreeMap<>();
        /** The occurrence whose texts are shown: most severe, then latest, then smallest title and action. */
        Contribution.@Nullable Failure shown;
        long shownDay;

        void add(Contribution.Failure f, long weight, long failedSessions, long day, String reporter) {
            failed = Sums.add(failed, failedSessions);
            reports = Sums.add(reports, weight);
            first = Math.min(first, day);
            last = Math.max(last, day);
            lastSeenBy.merge(reporter, day, Math::max);
            Contribution.Failure s = shown;
            if (s == null || better(f, day, s, shownDay)) {
                shown = f;
                shownDay = day;
            }
        }

        private static boolean better(Contribution.Failure a, long dayA, Contribution.Failure b, long dayB) {
            int c = a.severity().compareTo(b.severity());
            if (c == 0) {
                c = Long.compare(dayB, dayA);
            }
            if (c == 0) {
                c = Contribution.Failure.TEXT_ORDER.compare(a, b);
            }
            return c < 0;
        }

        AggregateFinding finding(String domain, ProblemKey key, DomainAcc in) {
            boolean resolved = true;
            for (Map.Entry<String, Long> e : lastSeenBy.entrySet()) {
                Long lastReport = in.lastReportBy.get(e.getKey());
                if (lastReport == null || lastReport <= e.getValue()) {
                    resolved = false;
                    break;
                }
            }
            Contribution.Failure s = shown;
            if (s == null) {
                throw new IllegalStateException("a finding without occurrences");
            }
            Severity severity = s.severity();
            boolean single = lastSeenBy.size() == 1 && in.reporters.size() > 1;
            return new AggregateFinding(Sums.orNull(domain), severity, key.resultType(), Sums.orNull(key.mxHost()),
                    failed, reports, new ArrayList<>(lastSeenBy.keySet()), LocalDate.ofEpochDay(first),
                    LocalDate.ofEpochDay(last), resolved ? FindingStatus.RESOLVED : FindingStatus.ONGOING, single,
                    s.title(), s.action());
        }
    }
}
