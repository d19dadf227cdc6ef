package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Texts#isoInstant} prints what {@link DateTimeFormatter#ISO_INSTANT} prints, for every instant. */
class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T00:00:00Z", "2026-11-26T23:59:59Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "-0001-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z", "2024-02-29T12:34:56.100Z", "2024-02-29T12:34:56.000100Z",
        "2024-02-29T12:34:56.000000001Z", "2024-02-29T12:34:56.120Z"})
    void edgeCases(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Texts.isoInstant(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Test
    void theFixedEdgesPrintAsExpected() {
        assertThat(Texts.isoInstant(Instant.parse("2026-11-26T00:00:00Z"))).isEqualTo("2026-11-26T00:00:00Z");
        assertThat(Texts.isoInstant(Instant.ofEpochSecond(-1, 1_000_000))).isEqualTo("1969-12-31T23:59:59.001Z");
        assertThat(Texts.isoInstant(Instant.MAX)).isEqualTo("+1000000000-12-31T23:59:59.999999999Z");
        assertThat(Texts.isoInstant(Instant.MIN)).isEqualTo("-1000000000-01-01T00:00:00Z");
    }

    @Test
    void randomInstantsOfEveryRange() {
        SplittableRandom random = new SplittableRandom(8460);
        for (int i = 0; i < 100_000; i++) {
            long seconds = switch (i % 3) {
                case 0 -> random.nextLong(-62_167_219_200L - 86_400, 253_402_300_800L + 86_400); // years 0 to 9999
                case 1 -> random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
                default -> random.nextLong(1_600_000_000L, 1_900_000_000L);
            };
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(Texts.isoInstant(instant)).as("%d s %d ns", seconds, nano)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }
}
