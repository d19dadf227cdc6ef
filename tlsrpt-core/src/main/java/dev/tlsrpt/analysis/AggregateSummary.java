package dev.tlsrpt.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an aggregate says about a period: made by {@link ReportAggregate#summary(LocalDate, LocalDate)},
 * immutable, rendered by {@link #toJson(List, List)} and {@link #toCsv()}.
 *
 * @param reports the reports whose {@code start-datetime} falls in the period, duplicates not counted
 * @param duplicates the further copies of those reports that were dropped
 * @param start the first day of the period: the {@code since} date asked for, else the day of the earliest
 *     report; null when neither exists
 * @param end the last day of the period: the {@code until} date asked for, else the day of the latest
 *     report; null when neither exists
 * @param domains one entry per policy domain, sorted by name (the policies without a domain first)
 * @param reporters one entry per reporter, sorted by {@code organization-name}
 * @since 0.1.0
 */
public record AggregateSummary(
        long reports,
        long duplicates,
        @Nullable LocalDate start,
        @Nullable LocalDate end,
        List<DomainSummary> domains,
        List<ReporterSummary> reporters) {

    /**
     * Checks the components and copies the lists.
     *
     * @param reports see {@link #reports()}
     * @param duplicates see {@link #duplicates()}
     * @param start see {@link #start()}
     * @param end see {@link #end()}
     * @param domains see {@link #domains()}
     * @param reporters see {@link #reporters()}
     */
    public AggregateSummary {
        Sums.checkCounts(reports, duplicates, 0);
        domains = List.copyOf(Objects.requireNonNull(domains, "domains"));
        reporters = List.copyOf(Objects.requireNonNull(reporters, "reporters"));
    }

    /**
     * The JSON rendering of {@link #toJson(List, List)} with empty {@code unreadable} and {@code skipped}
     * lists.
     *
     * @return the JSON text, ending with a line break
     */
    public String toJson() {
        return toJson(List.of(), List.of());
    }

    /**
     * A JSON rendering (pretty-printed) with these stable member names; every member is always written,
     * null when it has no value, dates as {@code YYYY-MM-DD}. Top level: {@code reports}, {@code duplicates},
     * {@code unreadable} and {@code skipped} (the two lists given, as arrays of strings), {@code start},
     * {@code end}, {@code domains} and {@code reporters}. Each of {@code domains}: {@code policy-domain},
     * {@code reports}, {@code successful-sessions}, {@code failed-sessions}, {@code days} (objects with
     * {@code date}, {@code reports}, {@code successful-sessions}, {@code failed-sessions}), {@code reporters}
     * (objects with {@code organization-name}, {@code reports}, {@code successful-sessions},
     * {@code failed-sessions}), {@code mx-hosts} (objects with {@code mx-host}, {@code reports},
     * {@code failed-sessions}), {@code result-types} (objects with {@code result-type}, {@code reports},
     * {@code failed-sessions}) and {@code findings}: objects with {@code severity} (lower case, such as
     * {@code "critical"}), {@code result-type} (as sent), {@code mx-host}, {@code failed-sessions},
     * {@code reports}, {@code reporters} (array of strings), {@code first-seen}, {@code last-seen},
     * {@code status} ({@code "ongoing"} or {@code "resolved"}), {@code single-reporter}, {@code note},
     * {@code title} and {@code action}. Each of {@code reporters}: {@code organization-name},
     * {@code reports}, {@code first-report}, {@code last-report} and {@code silent}. The order of every
     * array is that of the components of this summary, so the output is deterministic.
     *
     * @param unreadable the inputs that could not be read (for example file names with the error), in the
     *     order to show
     * @param skipped the inputs that were skipped because they hold no report, in the order to show
     * @return the JSON text, ending with a line break
     */
    public String toJson(List<String> unreadable, List<String> skipped) {
        return SummaryJson.render(this, List.copyOf(Objects.requireNonNull(unreadable, "unreadable")),
                List.copyOf(Objects.requireNonNull(skipped, "skipped")));
    }

    /**
     * A CSV rendering (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote
     * or line break, quotes doubled) for spreadsheets: the header {@code date,domain,successful,failed,share}
     * and one row per policy domain and day, by date and then domain; {@code share} is failed divided by all
     * sessions, from 0 to 1 with at most 6 decimals. A text cell that a spreadsheet would take for a formula
     * (starting with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}. The domain cell
     * is empty for policies without a domain.
     *
     * @return the CSV text
     */
    public String toCsv() {
        return SummaryCsv.render(this);
    }
}
