package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.testing.PublicApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The published surface of tlsrpt-mail, held still as core's is: the public types of the exported package, with
 * their kinds, are the committed {@code src/test/resources/api/public-types.txt}; none is open to
 * subclassing; each carries {@code @since}.
 */
class PublicApiTest {
    private static final Set<String> EXPORTED = Set.of("dev.tlsrpt.mail");

    @Test
    void theExportedPackageIsTheOneThisTestReads() throws IOException {
        assertThat(PublicApi.exportedPackages(Path.of("src", "main", "java", "module-info.java")))
                .containsExactlyInAnyOrderElementsOf(EXPORTED);
    }

    @Test
    void thePublicTypesAreTheCommittedList() throws IOException {
        assertThat(PublicApi.surface(TlsRptMail.class, EXPORTED))
                .as("the public surface; a deliberate change updates %s and CHANGES.md's reviewed list",
                        PublicApi.COMMITTED)
                .containsExactlyElementsOf(PublicApi.committed());
    }

    @Test
    void everyPublicClassIsClosedAndSaysSinceWhen() throws IOException {
        List<Class<?>> types = PublicApi.publicTypes(TlsRptMail.class, EXPORTED);
        assertThat(types).isNotEmpty();
        assertThat(PublicApi.openWithoutReason(types, Map.of())).isEmpty();
        assertThat(PublicApi.withoutSince(types, Path.of("src", "main", "java"))).isEmpty();
    }
}
