package dev.tlsrpt.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;

/**
 * The tests run on the class path; this one loads the compiled {@code dev.tlsrpt} module into its own layer
 * and aggregates a report there: the module exports the analysis package, and the aggregate reaches the
 * writer and the diagnosis it needs from inside the named module.
 */
class NamedModuleAnalysisTest {

    @Test
    void theModuleExportsTheAnalysisPackageAndAnAggregateWorksInIt() throws Exception {
        ModuleFinder finder = ModuleFinder.of(location(ReportAggregate.class), location(JsonFactory.class),
                location(Nullable.class));
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of("dev.tlsrpt"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("dev.tlsrpt");

        Class<?> aggregateType = loader.loadClass("dev.tlsrpt.analysis.ReportAggregate");
        Class<?> reportType = loader.loadClass("dev.tlsrpt.model.TlsReport");
        Class<?> rangeType = loader.loadClass("dev.tlsrpt.model.DateRange");
        Object range = rangeType.getConstructor(Instant.class, Instant.class)
                .newInstance(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-26T23:59:59Z"));
        Object report = reportType.getConstructor(String.class, rangeType, String.class, String.class, List.class)
                .newInstance("Example Mail Provider", range, null, "r1", List.of());
        Object aggregate = aggregateType.getMethod("create").invoke(null);
        aggregateType.getMethod("add", reportType).invoke(aggregate, report);
        aggregateType.getMethod("add", reportType).invoke(aggregate, report);
        Object summary = aggregateType.getMethod("summary").invoke(aggregate);
        String json = (String) summary.getClass().getMethod("toJson").invoke(summary);

        assertThat(aggregateType.getModule().getName()).isEqualTo("dev.tlsrpt");
        assertThat(aggregateType.getModule()).isNotEqualTo(ReportAggregate.class.getModule());
        assertThat(aggregateType.getModule().getDescriptor().exports())
                .anySatisfy(e -> assertThat(e.source()).isEqualTo("dev.tlsrpt.analysis"));
        assertThat(json).contains("\"reports\" : 1,\n  \"duplicates\" : 1,")
                .contains("\"organization-name\" : \"Example Mail Provider\"");
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
