package dev.tlsrpt.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DateRange#isOneUtcDay()}: starts at midnight UTC, lasts 86,399 or 86,400 seconds. */
class DateRangeDayTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-26T00:00:00Z,           2026-11-26T23:59:59Z, true",
        "2026-11-26T00:00:00Z,           2026-11-27T00:00:00Z, true",
        "1969-12-31T00:00:00Z,           1969-12-31T23:59:59Z, true",
        "0001-01-01T00:00:00Z,           0001-01-01T23:59:59Z, true",
        "2026-11-26T00:00:00.000000001Z, 2026-11-26T23:59:59Z, false",
        "2026-11-26T00:00:01Z,           2026-11-27T00:00:00Z, false",
        "1969-12-31T23:59:59Z,           1970-12-31T23:59:58Z, false",
        "2026-11-26T00:00:00Z,           2026-11-26T23:59:58Z, false",
        "2026-11-26T00:00:00Z,           2026-11-27T00:00:01Z, false",
        "2026-11-26T12:00:00Z,           2026-11-27T11:59:59Z, false",
    })
    void oneUtcDay(String start, String end, boolean expected) {
        assertThat(new DateRange(Instant.parse(start), Instant.parse(end)).isOneUtcDay()).isEqualTo(expected);
    }
}
