package dev.tlsrpt.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code "date-range"} object: the period a report covers (RFC 8460 section 4.4).
 *
 * @param start {@code "start-datetime"}
 * @param end {@code "end-datetime"}
 * @since 0.1.0
 */
public record DateRange(Instant start, Instant end) {

    /**
     * Checks the components.
     *
     * @param start see {@link #start()}
     * @param end see {@link #end()}
     */
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /**
     * The length of the period, negative when the sender wrote the end before the start.
     *
     * @return {@code end - start}
     */
    public Duration length() {
        return Duration.between(start, end);
    }

    /**
     * Whether the range is the one UTC day that RFC 8460 section 4.1 asks for: it starts at midnight
     * UTC and ends at {@code 23:59:59} of that day or at the next midnight.
     *
     * @return true for a full UTC day
     */
    public boolean isOneUtcDay() {
        boolean startsAtMidnight = Math.floorMod(start.getEpochSecond(), 86_400) == 0 && start.getNano() == 0;
        long seconds = length().getSeconds();
        return startsAtMidnight && (seconds == 86_399 || seconds == 86_400);
    }
}
