package dev.tlsrpt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.ResultType;
import org.junit.jupiter.api.Test;

/** The reader's lookup of result types by wire-name length agrees with {@link ResultType#fromWireName}. */
class KnownResultTypeTest {

    @Test
    void everyKnownNameIsFoundAsItsTypeAndNearMissesAreNot() {
        int known = 0;
        for (ResultType t : ResultType.values()) {
            if (t == ResultType.UNKNOWN) {
                assertThat(Values.knownResultType(t.wireName())).isNull();
                continue;
            }
            // a fresh string, as the parser makes it: found by its characters, not by identity
            String sent = new String(t.wireName().toCharArray());
            assertThat(Values.knownResultType(sent)).isSameAs(t).isSameAs(ResultType.fromWireName(sent));
            known++;
        }
        assertThat(known).isEqualTo(11);
        for (String miss : new String[] {"Certificate-expired", "certificate-expire", "certificate-expired ",
            "tlsa-invalidx", "", "x".repeat(300)}) {
            assertThat(Values.knownResultType(miss)).as(miss).isNull();
            assertThat(ResultType.fromWireName(miss)).as(miss).isEqualTo(ResultType.UNKNOWN);
        }
    }
}
