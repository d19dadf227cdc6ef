package dev.tlsrpt.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The CSV rendering of an {@link AggregateSummary}, described at {@link AggregateSummary#toCsv()}. */
final class SummaryCsv {

    private static final String CRLF = "\r\n";

    private SummaryCsv() {
    }

    private record Row(DaySummary day, @Nullable String domain) {
    }

    static String render(AggregateSummary s) {
        List<Row> rows = new ArrayList<>();
        for (DomainSummary d : s.domains()) {
            for (DaySummary day : d.days()) {
                rows.add(new Row(day, d.policyDomain()));
            }
        }
        // the domains come sorted (null first): a stable sort by date keeps that order within a day
        rows.sort(Comparator.comparing((Row r) -> r.day().date()));
        StringBuilder b = new StringBuilder("date,domain,successful,failed,share").append(CRLF);
        for (Row r : rows) {
            DaySummary day = r.day();
            b.append(day.date()).append(',')
                    .append(cell(r.domain() == null ? "" : r.domain())).append(',')
                    .append(day.successfulSessions()).append(',')
                    .append(day.failedSessions()).append(',')
                    .append(share(day.successfulSessions(), day.failedSessions())).append(CRLF);
        }
        return b.toString();
    }

    /** failed / (successful + failed) with at most 6 decimals, exact up to the rounding; 0 without sessions. */
    static String share(long successful, long failed) {
        BigDecimal total = BigDecimal.valueOf(successful).add(BigDecimal.valueOf(failed));
        if (total.signum() == 0) {
            return "0";
        }
        return BigDecimal.valueOf(failed).divide(total, 6, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A text cell: a leading {@code '} when a spreadsheet would read it as a formula (it starts with
     * {@code = + - @}, a tab or a carriage return), then quoted as RFC 4180 says when it holds a comma, a
     * quote or a line break.
     */
    static String cell(String text) {
        String s = text;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
