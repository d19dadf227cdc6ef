package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.testing.PublicApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The published surface of tlsrpt-core, held still: every public type of the exported packages is listed
 * with its kind in {@code src/test/resources/api/public-types.txt} (CHANGES.md has the reviewed list with the
 * reasons), each is closed to subclassing unless listed here with why, and each carries {@code @since}.
 */
class PublicApiTest {
    /** The packages module-info exports to everyone. */
    static final Set<String> EXPORTED = Set.of("dev.tlsrpt", "dev.tlsrpt.model", "dev.tlsrpt.record",
            "dev.tlsrpt.diagnose", "dev.tlsrpt.analysis");

    /** The classes that stay open, and why. */
    static final Map<String, String> OPEN = Map.of("dev.tlsrpt.TlsRptException",
            "the base of every content error; the mail module's exceptions extend it, and a sealed class cannot"
                    + " permit subclasses in another module");

    @Test
    void theExportedPackagesAreTheOnesThisTestReads() throws IOException {
        assertThat(PublicApi.exportedPackages(Path.of("src", "main", "java", "module-info.java")))
                .containsExactlyInAnyOrderElementsOf(EXPORTED);
    }

    @Test
    void thePublicTypesAreTheCommittedList() throws IOException {
        assertThat(PublicApi.surface(TlsRpt.class, EXPORTED))
                .as("the public surface; a deliberate change updates %s and CHANGES.md's reviewed list",
                        PublicApi.COMMITTED)
                .containsExactlyElementsOf(PublicApi.committed());
    }

    @Test
    void everyPublicClassIsClosedUnlessListedWithItsReason() throws IOException {
        List<Class<?>> types = PublicApi.publicTypes(TlsRpt.class, EXPORTED);
        assertThat(types).hasSizeGreaterThan(50);
        assertThat(PublicApi.openWithoutReason(types, OPEN)).isEmpty();
    }

    @Test
    void everyPublicTypeSaysSinceWhen() throws IOException {
        List<Class<?>> types = PublicApi.publicTypes(TlsRpt.class, EXPORTED);
        assertThat(PublicApi.withoutSince(types, Path.of("src", "main", "java"))).isEmpty();
    }
}
