package dev.tlsrpt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one normalisation of domain and host names, and the MX matching built on it. */
class DomainNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mx1.example.com      | mx1.example.com",
        "MX1.Example.COM.     | mx1.example.com",
        "'  mx1.example.com. '| mx1.example.com",
        "example.com..        | example.com.",
        ".                    | ''",
        "*.Example.com        | *.example.com",
    })
    void stripsLowersAndDropsOneTrailingDot(String name, String normal) {
        assertThat(DomainNames.normalize(name)).isEqualTo(normal);
    }

    @Test
    void aNullNameIsMisuse() {
        assertThatThrownBy(() -> DomainNames.normalize(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void mxMatchingAndMxLinesUseIt() {
        Policy sts = Policy.of(PolicyType.STS, List.of("version: STSv1", "mode: enforce", " mx : MX1.example.com. ",
                "mx: *.Backup.example.com", "max_age: 86400"), "example.com", List.of());
        assertThat(sts.mxPatterns()).containsExactly("MX1.example.com.", "*.Backup.example.com");
        assertThat(sts.matchesMx("mx1.EXAMPLE.com")).isTrue();
        assertThat(sts.matchesMx("a.backup.example.com.")).isTrue();
        assertThat(sts.matchesMx("a.b.backup.example.com")).isFalse();
        assertThat(sts.matchesMx("mx2.example.com")).isFalse();
        assertThat(sts.stsField("mode")).isEqualTo("enforce");
        assertThat(sts.stsField("mx")).isEqualTo("MX1.example.com.");
        assertThat(sts.stsField("id")).isNull();
    }
}
