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
    /** The classes that stay open, and why. */
    static final Map<String, String> OPEN = Map.of("dev.tlsrpt.TlsRptException",
            "the base of every content error; the analysis and mail exceptions extend it from other packages and"
                    + " modules, and a sealed class cannot permit subclasses in another module");

    @Test
    void theSurfaceIsTheCommittedListClosedAndDated() throws IOException {
        PublicApi.assertSurface(TlsRpt.class, OPEN);
    }

    @Test
    void theCheckReadsEveryExportedPackageAndFindsTheOpenBaseException() throws IOException {
        List<String> exported = PublicApi.exportedPackages(Path.of("src", "main", "java", "module-info.java"));
        assertThat(exported).containsExactlyInAnyOrder("dev.tlsrpt", "dev.tlsrpt.model", "dev.tlsrpt.record",
                "dev.tlsrpt.diagnose", "dev.tlsrpt.analysis");
        List<Class<?>> types = PublicApi.publicTypes(TlsRpt.class, Set.copyOf(exported));
        assertThat(types).hasSizeGreaterThan(50).contains(TlsRptException.class, ReportBuilder.Detail.class);
        assertThat(PublicApi.openWithoutReason(types, Map.of())).containsExactly("dev.tlsrpt.TlsRptException");
    }
}
