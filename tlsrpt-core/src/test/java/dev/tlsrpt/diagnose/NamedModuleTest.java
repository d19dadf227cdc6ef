package dev.tlsrpt.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;

/**
 * The tests run on the class path; this one loads the compiled {@code dev.tlsrpt} module (with
 * jackson-core and JSpecify, its runtime dependencies) into its own module layer and diagnoses a report there, to show that the advice bundle
 * is found inside the named module too.
 */
class NamedModuleTest {

    @Test
    void theAdviceBundleLoadsInsideTheNamedModule() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(Diagnosis.class), location(JsonFactory.class),
                location(Nullable.class));
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.tlsrpt"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("dev.tlsrpt");

        Class<?> front = loader.loadClass("dev.tlsrpt.TlsRpt");
        Class<?> reportType = loader.loadClass("dev.tlsrpt.model.TlsReport");
        Class<?> rangeType = loader.loadClass("dev.tlsrpt.model.DateRange");
        Object range = rangeType.getConstructor(Instant.class, Instant.class)
                .newInstance(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-26T23:59:59Z"));
        Constructor<?> reportConstructor = reportType.getConstructor(String.class, rangeType, String.class,
                String.class, List.class);
        Object report = reportConstructor.newInstance("Example Mail Provider", range, null, "r1", List.of());
        Method diagnose = front.getMethod("diagnose", reportType);
        Object diagnosis = diagnose.invoke(null, report);
        String text = (String) diagnosis.getClass().getMethod("toText").invoke(diagnosis);

        assertThat(front.getModule().isNamed()).isTrue();
        assertThat(front.getModule().getName()).isEqualTo("dev.tlsrpt");
        assertThat(front.getModule()).isNotEqualTo(Diagnosis.class.getModule());
        assertThat(diagnosis.getClass().getModule().getDescriptor().exports())
                .anySatisfy(e -> assertThat(e.source()).isEqualTo("dev.tlsrpt.diagnose"));
        assertThat(text).contains("Verdict: OK: all 0 sessions negotiated TLS as required.")
                .contains("  [OK] All sessions negotiated TLS as required");
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
