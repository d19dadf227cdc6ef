package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.diagnose.Severity;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class FailOnTest {

    @Test
    void eachLevelFailsOnItsSeverityAndWorseNeverOnOk() {
        assertThat(FailOn.CRITICAL.fails(Severity.CRITICAL)).isTrue();
        assertThat(FailOn.CRITICAL.fails(Severity.WARNING)).isFalse();
        assertThat(FailOn.WARNING.fails(Severity.CRITICAL)).isTrue();
        assertThat(FailOn.WARNING.fails(Severity.WARNING)).isTrue();
        assertThat(FailOn.WARNING.fails(Severity.INFO)).isFalse();
        assertThat(FailOn.INFO.fails(Severity.INFO)).isTrue();
        assertThat(FailOn.INFO.fails(Severity.CRITICAL)).isTrue();
        for (FailOn f : FailOn.values()) {
            assertThat(f.fails(Severity.OK)).as(f.name()).isFalse();
        }
        for (Severity s : Severity.values()) {
            assertThat(FailOn.NEVER.fails(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void valuesAreReadInAnyCaseAndListedInLowerCase() {
        assertThat(new FailOn.Values().convert("Critical")).isEqualTo(FailOn.CRITICAL);
        assertThat(new FailOn.Values()).containsExactly("critical", "warning", "info", "never");
        assertThatThrownBy(() -> new FailOn.Values().convert("sometimes"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("expected one of critical, warning, info, never but was 'sometimes'");
    }
}
