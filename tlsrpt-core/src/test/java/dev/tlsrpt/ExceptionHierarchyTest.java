package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.analysis.AggregateLimitException;
import dev.tlsrpt.analysis.MalformedStateException;
import dev.tlsrpt.record.MalformedRecordException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The exceptions users catch: one abstract base, the report exception sealed over its one kind, every other
 * exception final; public constructors only where code outside the exception's package builds it.
 */
class ExceptionHierarchyTest {

    @Test
    void theBaseIsAbstractAndOnlySubclassesBuildIt() {
        assertThat(Modifier.isAbstract(TlsRptException.class.getModifiers())).isTrue();
        assertThat(TlsRptException.class.getDeclaredConstructors())
                .allMatch(c -> Modifier.isProtected(c.getModifiers()));
    }

    @Test
    void aMalformedReportIsSealedOverTheLimitPassed() {
        assertThat(MalformedReportException.class.isSealed()).isTrue();
        assertThat(MalformedReportException.class.getPermittedSubclasses())
                .containsExactly(LimitExceededException.class);
        assertThat(TlsRptException.class).isAssignableFrom(MalformedReportException.class);
        assertThat(MalformedReportException.class).isAssignableFrom(LimitExceededException.class);
        // built by the internal reader and by tlsrpt-mail, so public
        assertThat(publicConstructors(MalformedReportException.class)).isEqualTo(2);
        assertThat(publicConstructors(LimitExceededException.class)).isEqualTo(1);
    }

    @Test
    void everyOtherExceptionIsFinalAndBuiltInItsOwnPackage() {
        for (Class<?> type : new Class<?>[] {LimitExceededException.class, MalformedRecordException.class,
            AggregateLimitException.class, MalformedStateException.class}) {
            assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
            assertThat(TlsRptException.class).isAssignableFrom(type);
        }
        for (Class<?> type : new Class<?>[] {MalformedRecordException.class, AggregateLimitException.class,
            MalformedStateException.class}) {
            assertThat(publicConstructors(type)).as("public constructors of %s", type).isZero();
        }
    }

    private static long publicConstructors(Class<?> type) {
        Constructor<?>[] all = type.getDeclaredConstructors();
        return Arrays.stream(all).filter(c -> Modifier.isPublic(c.getModifiers())).count();
    }
}
