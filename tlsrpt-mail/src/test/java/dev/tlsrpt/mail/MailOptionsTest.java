package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.ParseOptions;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each {@code with...} method changes its own value of a copy, checks it, and leaves every other value. */
class MailOptionsTest {

    private record Setting(String name, UnaryOperator<MailOptions> change, Function<MailOptions, Object> value,
            Object changed) {
    }

    private static final ParseOptions REPORT = ParseOptions.strict().withMaxPolicies(3);

    private static final List<Setting> SETTINGS = List.of(
            new Setting("reportOptions", o -> o.withReportOptions(REPORT), MailOptions::reportOptions, REPORT),
            new Setting("maxMessageBytes", o -> o.withMaxMessageBytes(11), MailOptions::maxMessageBytes, 11L),
            new Setting("maxParts", o -> o.withMaxParts(12), MailOptions::maxParts, 12),
            new Setting("maxNestingDepth", o -> o.withMaxNestingDepth(13), MailOptions::maxNestingDepth, 13),
            new Setting("maxLineLength", o -> o.withMaxLineLength(14), MailOptions::maxLineLength, 14),
            new Setting("maxHeaderFieldLength", o -> o.withMaxHeaderFieldLength(15), MailOptions::maxHeaderFieldLength,
                    15),
            new Setting("maxHeaderFields", o -> o.withMaxHeaderFields(16), MailOptions::maxHeaderFields, 16));

    @Test
    void eachWithChangesItsOwnValueOnly() {
        MailOptions base = MailOptions.lenient();
        for (Setting s : SETTINGS) {
            MailOptions changed = s.change().apply(base);
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
        }
        assertThat(MailOptions.strict()).isEqualTo(base.withReportOptions(ParseOptions.strict()));
    }

    @Test
    void aLimitThatIsNotPositiveIsRefusedByName() {
        assertThatThrownBy(() -> MailOptions.lenient().withMaxHeaderFields(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxHeaderFields must be positive, got 0");
        assertThatThrownBy(() -> MailOptions.lenient().withReportOptions(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("reportOptions");
    }
}
