package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRptException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** tlsrpt-mail's exceptions: under the core's base, sealed or final, built only inside this package. */
class ExceptionHierarchyTest {

    @Test
    void theMessageExceptionsAreSealedOrFinalAndBuiltHere() {
        assertThat(MalformedMessageException.class.isSealed()).isTrue();
        assertThat(MalformedMessageException.class.getPermittedSubclasses())
                .containsExactly(MessageLimitExceededException.class);
        for (Class<?> type : new Class<?>[] {MalformedMessageException.class, MessageLimitExceededException.class,
            NoReportException.class}) {
            assertThat(TlsRptException.class).isAssignableFrom(type);
            assertThat(Arrays.stream(type.getDeclaredConstructors()).noneMatch(c -> Modifier.isPublic(c.getModifiers())))
                    .as("%s has no public constructor", type).isTrue();
        }
        assertThat(Modifier.isFinal(MessageLimitExceededException.class.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(NoReportException.class.getModifiers())).isTrue();
    }
}
