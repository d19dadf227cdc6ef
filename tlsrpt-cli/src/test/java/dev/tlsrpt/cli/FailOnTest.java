package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tlsrpt.diagnose.Severity;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class FailOnTest {

    @Test
    void eachLevelFailsOnItsSeverityAndWorseNeverOnOk() {
        assertThat(FailOn.CRITICAL.failsOn(Severity.CRITICAL)).isTrue();
        assertThat(FailOn.CRITICAL.failsOn(Severity.WARNING)).isFalse();
        assertThat(FailOn.WARNING.failsOn(Severity.CRITICAL)).isTrue();
        assertThat(FailOn.WARNING.failsOn(Severity.WARNING)).isTrue();
        assertThat(FailOn.WARNING.failsOn(Severity.INFO)).isFalse();
        assertThat(FailOn.INFO.failsOn(Severity.INFO)).isTrue();
        assertThat(FailOn.INFO.failsOn(Severity.CRITICAL)).isTrue();
        for (FailOn f : FailOn.values()) {
            assertThat(f.failsOn(Severity.OK)).as(f.name()).isFalse();
        }
        for (Severity s : Severity.values()) {
            assertThat(FailOn.NEVER.failsOn(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void valuesAreReadInAnyCaseAndListedInLowerCase() {
        assertThat(new FailOn.Converter().convert("Critical")).isEqualTo(FailOn.CRITICAL);
        assertThat(new FailOn.Names()).containsExactly("critical", "warning", "info", "never");
        assertThatThrownBy(() -> new FailOn.Converter().convert("ok\u001b[2J"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("expected one of critical, warning, info, never but was 'ok\\u001b[2J'");
    }
}
