package dev.tlsrpt.jpms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.mail.MailReport;
import dev.tlsrpt.mail.TlsRptMail;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's module ({@code src/consumer/java}) that {@code requires dev.tlsrpt}, {@code dev.tlsrpt.schema} and
 * {@code dev.tlsrpt.mail} is compiled and run on the module path made of exactly what Maven resolves at runtime
 * scope for a project depending on the three artifacts (dependency:build-classpath, includeScope runtime):
 * nothing from this project's test scope, nothing added by hand.
 */
class ConsumerModuleTest {
    private static final String MAIN = "dev.tlsrpt.consumer/dev.tlsrpt.consumer.Consumer";

    private static List<Path> modulePath;
    private static Path classes;
    private static Path message;

    @BeforeAll
    static void compileTheConsumer() throws IOException, InterruptedException {
        String line = Files.readString(Path.of(property("tlsrpt.consumer.modulePath"))).strip();
        modulePath = Arrays.stream(line.split(File.pathSeparator)).map(Path::of).toList();
        message = Path.of(property("tlsrpt.consumer.message"));
        classes = Path.of(property("tlsrpt.consumer.output"));
        Files.createDirectories(classes);

        List<String> javac = new ArrayList<>(List.of(tool("javac"),
                "--release", "17", "-Xlint:all", "-Werror",
                "--module-path", join(modulePath), "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(Path.of(property("tlsrpt.consumer.sources")))) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(javac::add);
        }
        Result result = exec(javac, "javac");
        assertThat(result.exit).as("javac exit code; output:%n%s%s", result.out, result.err).isZero();
        assertThat(result.out + result.err).as("javac output").isEmpty();
    }

    @Test
    void theModulePathIsTheRuntimeScopeOfTheThreeArtifacts() {
        List<String> names = modulePath.stream().map(ConsumerModuleTest::artifactName).toList();
        assertThat(modulePath).allMatch(Files::exists);
        assertThat(names).contains("tlsrpt-core", "tlsrpt-schema", "tlsrpt-mail", "jackson-core",
                "json-schema-validator", "apache-mime4j-core", "commons-io");
        // this module's own test dependencies stay out, and so does core's test jar
        assertThat(names).noneMatch(n -> n.startsWith("junit") || n.startsWith("assertj")
                || n.startsWith("opentest4j") || n.startsWith("apiguardian"));
        assertThat(modulePath).noneMatch(p -> p.getFileName().toString().endsWith("-tests.jar"));
    }

    @Test
    void readsDiagnosesAndValidatesOnTheModulePath() throws Exception {
        Map<String, String> got = run();

        // what the same calls give on the class path, in this JVM
        List<MailReport> mails = TlsRptMail.parse(message);
        TlsReport report = mails.get(0).report();
        Diagnosis diagnosis = TlsRpt.diagnose(report);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TlsRpt.write(report, json);

        assertThat(got.get("reports")).isEqualTo("1").isEqualTo(String.valueOf(mails.size()));
        assertThat(got.get("fileName")).isEqualTo(mails.get(0).fileName())
                .isEqualTo("google.com!example.com!1778544000!1778630399!001.json.gz");
        assertThat(got.get("organization")).isEqualTo(report.organizationName()).isEqualTo("Google Inc.");
        assertThat(got.get("reportId")).isEqualTo(report.reportId());
        assertThat(got.get("policies")).isEqualTo(String.valueOf(report.policies().size()));
        assertThat(got.get("findings")).isEqualTo(String.valueOf(diagnosis.findings().size()));
        assertThat(got.get("firstFinding")).startsWith("WARNING ").isEqualTo(diagnosis.findings().get(0).severity() + " "
                + diagnosis.findings().get(0).title());
        assertThat(got.get("textLines")).isEqualTo(String.valueOf(diagnosis.toText().lines().count()));
        assertThat(got.get("strictValid")).isEqualTo("true");
        assertThat(got.get("brokenValid")).isEqualTo("false");
        assertThat(got.get("brokenFirst")).isEqualTo("/policies type");
        assertThat(got.get("record")).isEqualTo("v=TLSRPTv1; rua=mailto:tlsrpt@example.com FIELD_NAME_CASE");
        assertThat(got.get("namedModules")).isEqualTo("dev.tlsrpt,dev.tlsrpt.schema,dev.tlsrpt.mail");
        assertThat(got.get("modules").split(",")).contains("dev.tlsrpt", "dev.tlsrpt.schema", "dev.tlsrpt.mail",
                "dev.tlsrpt.consumer", "tools.jackson.core", "com.networknt.schema", "apache.mime4j.core",
                "org.apache.commons.io", "org.jspecify");
    }

    /** Runs the consumer in a new JVM (this one's) with {@code --module-path classes:runtime-scope -m}. */
    private static Map<String, String> run() throws IOException, InterruptedException {
        List<Path> path = new ArrayList<>();
        path.add(classes);
        path.addAll(modulePath);
        Result result = exec(List.of(tool("java"), "--module-path", join(path), "-m", MAIN, message.toString()),
                "consumer");
        assertThat(result.exit).as("consumer exit code; stdout:%n%s%nstderr:%n%s", result.out, result.err)
                .isZero();
        // networknt logs through slf4j-api; with no binding on the path (README), slf4j says so, and that is all
        assertThat(result.err.lines()).as("consumer stderr").allMatch(l -> l.startsWith("SLF4J(W): "));
        Map<String, String> values = new LinkedHashMap<>();
        result.out.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                values.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        return values;
    }

    private record Result(int exit, String out, String err) {}

    /** Runs a JDK tool in a process of its own: no class path or property of this JVM leaks into it. */
    private static Result exec(List<String> command, String name) throws IOException, InterruptedException {
        Path stdout = classes.resolveSibling(name + ".out");
        Path stderr = classes.resolveSibling(name + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** A tool of the JDK running this test: {@code $JAVA_HOME/bin/javac}. */
    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** {@code .../commons-io-2.21.0.jar} gives {@code commons-io}; a reactor module's directory its module. */
    private static String artifactName(Path entry) {
        String file = entry.getFileName().toString();
        if (!file.endsWith(".jar")) {
            return entry.getParent().getParent().getFileName().toString(); // <module>/target/classes
        }
        return file.replaceFirst("-\\d.*$", "");
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the pom)", name).isNotBlank();
        return value;
    }
}
