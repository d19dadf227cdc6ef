package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;

/**
 * The package graph of the compiled core, as {@code jdeps} reads it from the class files: the model at the
 * bottom with no edge to another package of ours, the record package on nothing but the exception base (and
 * the one excerpt function), and Jackson behind the internal package and the renderers.
 */
class PackageGraphTest {
    private static final String OURS = "dev.tlsrpt";
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+$");

    /** Class to the classes it uses, from {@code jdeps -verbose:class}. */
    private static final Map<String, Set<String>> CLASSES = new TreeMap<>();

    @BeforeAll
    static void readTheClassFiles() throws URISyntaxException {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("this test needs a JDK with jdeps"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "17",
                "-verbose:class", "-filter:none", "--module-path",
                location(JsonFactory.class) + java.io.File.pathSeparator + location(Nullable.class),
                location(TlsRpt.class).toString());
        assertThat(code).as("jdeps exit code; its output:%n%s", out).isZero();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && m.group(1).startsWith(OURS + ".")) {
                CLASSES.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(CLASSES).as("jdeps found the classes").containsKeys("dev.tlsrpt.TlsRpt",
                "dev.tlsrpt.model.Policy", "dev.tlsrpt.record.RecordCheck");
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String packageOf(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        return outer.substring(0, outer.lastIndexOf('.'));
    }

    /** Each package of ours to the packages its classes use, itself left out. */
    private static Map<String, Set<String>> packages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        CLASSES.forEach((from, targets) -> {
            Set<String> uses = graph.computeIfAbsent(packageOf(from), k -> new TreeSet<>());
            for (String to : targets) {
                if (!packageOf(to).equals(packageOf(from))) {
                    uses.add(packageOf(to));
                }
            }
        });
        return graph;
    }

    private static Set<String> usedBy(String pkg, Pattern targets) {
        Set<String> used = new TreeSet<>();
        packages().getOrDefault(pkg, Set.of()).stream().filter(p -> targets.matcher(p).matches()).forEach(used::add);
        return used;
    }

    @Test
    void theModelUsesNoOtherPackageOfOursAndOnlyJavaAndTheNullnessAnnotations() {
        assertThat(packages().get("dev.tlsrpt.model")).as("packages dev.tlsrpt.model uses; the graph: %s",
                packages()).isNotEmpty().allMatch(p -> p.startsWith("java.") || p.equals("org.jspecify.annotations"));
    }

    @Test
    void theRecordPackageUsesOnlyTheExceptionBaseOfTheRootAndTheExcerptFunction() {
        Set<String> ours = new TreeSet<>();
        CLASSES.forEach((from, targets) -> {
            if (packageOf(from).equals("dev.tlsrpt.record")) {
                targets.stream().filter(t -> t.startsWith(OURS + ".") && !packageOf(t).equals("dev.tlsrpt.record"))
                        .forEach(ours::add);
            }
        });
        // the exception base, and (allowed, for sender text in messages) the one excerpt function
        assertThat(ours).contains("dev.tlsrpt.TlsRptException")
                .isSubsetOf("dev.tlsrpt.TlsRptException", "dev.tlsrpt.internal.SenderText");
        assertThat(packages().get("dev.tlsrpt.record")).allMatch(p -> p.startsWith("java.")
                || p.equals("org.jspecify.annotations") || p.equals(OURS) || p.equals("dev.tlsrpt.internal"));
    }

    @Test
    void jacksonIsUsedOnlyBehindTheInternalPackageAndByTheRenderers() {
        Set<String> usingJackson = new TreeSet<>();
        packages().forEach((from, uses) -> {
            if (uses.stream().anyMatch(p -> p.startsWith("tools.jackson."))) {
                usingJackson.add(from);
            }
        });
        assertThat(usingJackson).as("packages that use Jackson").isSubsetOf("dev.tlsrpt.internal",
                "dev.tlsrpt.diagnose", "dev.tlsrpt.analysis").contains("dev.tlsrpt.internal");
    }

    @Test
    void theInternalPackageSitsBelowTheDiagnosisAndTheAnalysis() {
        assertThat(usedBy("dev.tlsrpt.internal", Pattern.compile("dev\\.tlsrpt(\\..*)?")))
                .isSubsetOf(OURS, "dev.tlsrpt.model", "dev.tlsrpt.diagnose");
        // one exception: DiagnosisAccess, through which the front door reaches the package-private diagnosis
        // engine (the JDK's SharedSecrets pattern), names the diagnosis types; no other internal class does
        Set<String> reachingUp = new TreeSet<>();
        CLASSES.forEach((from, uses) -> {
            if (packageOf(from).equals("dev.tlsrpt.internal")
                    && uses.stream().anyMatch(c -> packageOf(c).equals("dev.tlsrpt.diagnose"))) {
                reachingUp.add(from.replaceAll("\\$.*", ""));
            }
        });
        assertThat(reachingUp).containsExactly("dev.tlsrpt.internal.DiagnosisAccess");
    }
}
