package dev.tlsrpt.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every wire enum of the model reads its own wire names back and never returns null for another name. */
class WireNamesTest {

    @Test
    void everyConstantReadsBackFromItsWireName() {
        for (ResultType t : ResultType.values()) {
            assertThat(ResultType.fromWireName(t.wireName())).isEqualTo(t);
        }
        for (PolicyType t : PolicyType.values()) {
            assertThat(PolicyType.fromWireName(t.wireName())).isEqualTo(t);
        }
        for (StsMode m : StsMode.values()) {
            assertThat(StsMode.fromWireName(m.wireName())).isEqualTo(m);
        }
    }

    @Test
    void everyKnownResultTypeIsFoundByItsCharactersAndNearMissesAreNot() { // the lookup by name length
        int known = 0;
        for (ResultType t : ResultType.values()) {
            if (t == ResultType.UNKNOWN) {
                continue;
            }
            // a fresh string, as the parser makes it: found by its characters, not by identity
            String sent = new String(t.wireName().toCharArray());
            assertThat(ResultType.fromWireName(sent)).isSameAs(t);
            known++;
        }
        assertThat(known).isEqualTo(11);
        for (String miss : new String[] {"Certificate-expired", "certificate-expire", "certificate-expired ",
            "tlsa-invalidx", "", "x".repeat(300)}) {
            assertThat(ResultType.fromWireName(miss)).as(miss).isEqualTo(ResultType.UNKNOWN);
        }
    }

    @Test
    void anUndefinedNameIsUnknownNotNull() {
        for (String name : new String[] {"Enforce", "enforce ", "", "x", "TLSA"}) {
            assertThat(StsMode.fromWireName(name)).as(name).isEqualTo(StsMode.UNKNOWN);
            assertThat(PolicyType.fromWireName(name)).as(name).isEqualTo(PolicyType.UNKNOWN);
            assertThat(ResultType.fromWireName(name)).as(name).isEqualTo(ResultType.UNKNOWN);
        }
        assertThat(StsMode.fromWireName("enforce")).isEqualTo(StsMode.ENFORCE);
    }

    @Test
    void nullIsUnknownAsForResultTypes() { // misuse, but "never throws" holds for null too
        assertThat(ResultType.fromWireName(nullName())).isEqualTo(ResultType.UNKNOWN);
        assertThat(PolicyType.fromWireName(nullName())).isEqualTo(PolicyType.UNKNOWN);
        assertThat(StsMode.fromWireName(nullName())).isEqualTo(StsMode.UNKNOWN);
    }

    /** A null the nullness annotations do not see. */
    private static String nullName() {
        return null;
    }

    @Test
    void aPolicyNamesItsModeUnknownOnlyWhenAModeLineSaysSomethingElse() {
        Policy sideways = Policy.of(PolicyType.STS, List.of("version: STSv1", "mode: sideways"), "example.com",
                List.of());
        Policy none = Policy.of(PolicyType.STS, List.of("version: STSv1"), "example.com", List.of());
        Policy tlsa = Policy.of(PolicyType.TLSA, List.of("mode: enforce"), "example.com", List.of());
        assertThat(sideways.stsMode()).isEqualTo(StsMode.UNKNOWN);
        assertThat(sideways.stsField("mode")).isEqualTo("sideways");
        assertThat(none.stsMode()).isNull();
        assertThat(tlsa.stsMode()).isNull();
    }
}
