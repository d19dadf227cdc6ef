package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each {@code with...} method changes its own value of a copy, checks it, and leaves every other value. */
class ParseOptionsTest {

    private record Setting(String name, UnaryOperator<ParseOptions> change, Function<ParseOptions, Object> value,
            Object changed) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("strict", o -> o.withStrict(true), ParseOptions::isStrict, true),
            new Setting("maxCompressedBytes", o -> o.withMaxCompressedBytes(11), ParseOptions::maxCompressedBytes, 11L),
            new Setting("maxDecompressedBytes", o -> o.withMaxDecompressedBytes(12), ParseOptions::maxDecompressedBytes,
                    12L),
            new Setting("maxNestingDepth", o -> o.withMaxNestingDepth(13), ParseOptions::maxNestingDepth, 13),
            new Setting("maxStringLength", o -> o.withMaxStringLength(14), ParseOptions::maxStringLength, 14),
            new Setting("maxPolicies", o -> o.withMaxPolicies(15), ParseOptions::maxPolicies, 15L),
            new Setting("maxFailureDetails", o -> o.withMaxFailureDetails(16), ParseOptions::maxFailureDetails, 16L),
            new Setting("maxListLength", o -> o.withMaxListLength(17), ParseOptions::maxListLength, 17),
            new Setting("maxDeviations", o -> o.withMaxDeviations(18), ParseOptions::maxDeviations, 18L));

    @Test
    void eachWithChangesItsOwnValueOnly() {
        ParseOptions base = ParseOptions.lenient();
        for (Setting s : SETTINGS) {
            ParseOptions changed = s.change().apply(base);
            assertThat(s.value().apply(changed)).as(s.name()).isEqualTo(s.changed());
            assertThat(s.value().apply(base)).as("%s of the original", s.name()).isNotEqualTo(s.changed());
            for (Setting other : SETTINGS) {
                if (other != s) {
                    assertThat(other.value().apply(changed)).as("%s after changing %s", other.name(), s.name())
                            .isEqualTo(other.value().apply(base));
                }
            }
            assertThat(changed).isNotEqualTo(base).isEqualTo(s.change().apply(base))
                    .hasSameHashCodeAs(s.change().apply(base));
            assertThat(changed.toString()).contains(s.name().equals("strict") ? "strict" : s.name() + "=" + s.changed());
        }
        assertThat(ParseOptions.strict()).isEqualTo(base.withStrict(true));
        assertThat(ParseOptions.strict().withStrict(false)).isEqualTo(base);
    }

    @Test
    void aLimitThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> ParseOptions.lenient().withMaxListLength(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxListLength must be positive, got 0");
        assertThatThrownBy(() -> ParseOptions.lenient().withMaxCompressedBytes(-1))
                .hasMessage("maxCompressedBytes must be positive, got -1");
    }
}
