package dev.tlsrpt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs as a user meets them: the README, SECURITY.md, the guides in docs/ and the module READMEs. Every
 * {@code ```java} block is an example's snippet (which {@link ReadmeSnippetsTest} holds identical to the example
 * source, and the example's test runs) or compiles against the library; the README's quickstart compiles and
 * runs as pasted; every relative link leads to a file, and its {@code #anchor} to a heading there; the
 * artifacts the docs name carry this build's version; and the docs speak of the software and its users only.
 *
 * <p>A block that is not a whole compilation unit is compiled as the body of a method. The variables it uses
 * without declaring them (a stream, a file) are the method's parameters, written in an HTML comment on the
 * line before the block: {@code <!-- given: InputStream in, Path file -->}; its imports stay imports. Before
 * a compilation unit (a block that declares a type), such a comment is a further source compiled with it
 * (the class under test that a test example names).
 */
class DocsTest {
    /** Surefire runs in the module directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern GIVEN = Pattern.compile("^<!-- given: (.*) -->$");
    /** What a fragment may use without importing it: the library's packages and the JDK's usual ones. */
    private static final String IMPORTS = "import dev.tlsrpt.*; import dev.tlsrpt.model.*; import dev.tlsrpt.record.*;"
            + " import dev.tlsrpt.diagnose.*; import dev.tlsrpt.analysis.*; import dev.tlsrpt.schema.*; import dev.tlsrpt.mail.*; import java.io.*;"
            + " import java.net.URI; import java.nio.file.*; import java.time.*; import java.util.*;";
    /** A compilation unit declares a type; a fragment may start with imports. */
    private static final Pattern UNIT = Pattern.compile(
            "^(?:package |(?:public |final |abstract )*(?:class|record|interface|enum) )", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import [\\w.*]+;$", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract )*(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    /** A {@code ```java} block: where it is, its code, and the text of its given comment. */
    record Block(Path file, int line, String code, @Nullable String given) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    @Test
    void everyJavaBlockIsAnExampleSnippetOrCompiles(@TempDir Path out) throws IOException {
        Collection<String> snippets = ReadmeSnippetsTest.snippets().values();
        List<Block> blocks = new ArrayList<>();
        for (Path doc : docs()) {
            blocks.addAll(javaBlocks(doc));
        }
        List<JavaFileObject> sources = new ArrayList<>();
        Map<String, Block> byPackage = new HashMap<>();
        int matched = 0;
        for (Block block : blocks) {
            if (snippets.stream().anyMatch(s -> s.strip().equals(block.code().strip()))) {
                matched++;
                continue;
            }
            String pkg = "snippet" + byPackage.size();
            byPackage.put(pkg, block);
            sources.addAll(sources(pkg, block));
        }

        List<String> errors = compile(sources, out).stream()
                .map(e -> byPackage.get(e.pkg()) + " (line " + e.line() + " of the block): " + e.message())
                .toList();

        assertThat(errors).as("java blocks of the docs that do not compile").isEmpty();
        assertThat(matched).as("blocks that are example snippets").isGreaterThanOrEqualTo(6);
        assertThat(byPackage).as("blocks compiled here").hasSizeGreaterThanOrEqualTo(8);
        assertThat(matched + byPackage.size()).isEqualTo(blocks.size());
    }

    @Test
    void aBlockThatDoesNotCompileIsNamedWithItsLine(@TempDir Path out) throws IOException {
        Path doc = Files.writeString(out.resolve("guide.md"), """
                Text.

                <!-- given: Path file -->
                ```java
                TlsReport report = TlsRpt.parse(file);
                int sessions = report.organizationName();
                ```
                """);
        List<Block> blocks = javaBlocks(doc);
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(4);
            assertThat(b.given()).isEqualTo("Path file");
        });

        List<Error> errors = compile(sources("snippet0", blocks.get(0)), out);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.pkg()).isEqualTo("snippet0");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("incompatible types").contains("cannot be converted to int");
        });
    }

    @Test
    void theQuickstartCompilesAsPastedAndPrintsTheDiagnosis(@TempDir Path out) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf("```java\n", readme.indexOf("\n## Quickstart\n"));
        String code = readme.substring(at + "```java\n".length(), readme.indexOf("```\n", at + 1));
        assertThat(code.lines().count()).as("a short quickstart").isLessThanOrEqualTo(15);
        Matcher type = PUBLIC_TYPE.matcher(code);
        assertThat(type.find()).as("the quickstart is a public class").isTrue();

        assertThat(compile(List.of(source(type.group(1), code)), out)).isEmpty();

        Path report = ExampleFiles.reportFile(new String[0]);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, DocsTest.class.getClassLoader())) {
            Method main = loader.loadClass(type.group(1)).getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {report.toString()});
        } finally {
            System.setOut(stdout);
        }
        TlsReport parsed = TlsRpt.parse(report);
        assertThat(printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo(
                parsed.organizationName() + ", report " + parsed.reportId() + "\n" + TlsRpt.diagnose(parsed).toText());
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndItsAnchorToAHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            Matcher m = LINK.matcher(withoutCode(Files.readString(doc, StandardCharsets.UTF_8)));
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                checked++;
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!target.startsWith(ROOT) || !Files.exists(target)) {
                    broken.add(ROOT.relativize(doc) + ": " + link + " (no such file)");
                } else if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
                    broken.add(ROOT.relativize(doc) + ": " + link + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(checked).as("relative links").isGreaterThan(30);
    }

    @Test
    void headingsBecomeTheAnchorsGitHubMakes() {
        assertThat(slug("A daily job with `--state`")).isEqualTo("a-daily-job-with---state");
        assertThat(slug("The command: `tlsrpt summary`")).isEqualTo("the-command-tlsrpt-summary");
        assertThat(slug("Streaming large reports")).isEqualTo("streaming-large-reports");
    }

    @Test
    void theArtifactsTheDocsNameCarryThisBuildsVersion() throws IOException {
        String version = System.getProperty("tlsrpt.version");
        assertThat(version).as("system property tlsrpt.version (set by the pom)").isNotBlank();
        Pattern file = Pattern.compile("tlsrpt(?:-(?:core|schema|mail|cli|bom|examples|bench))?-(\\d+\\.\\d+[^/\\s`\"]*?)"
                + "(?:\\.jar|\\.zip|\\.tar\\.gz|/)");
        Pattern dependency = Pattern.compile("<groupId>dev\\.tlsrpt</groupId>\\s*<artifactId>[^<]*</artifactId>\\s*"
                + "<version>([^<]*)</version>");
        Set<String> found = new LinkedHashSet<>();
        int named = 0;
        for (Path doc : docs()) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            for (Pattern p : List.of(file, dependency)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    found.add(m.group(1));
                    named++;
                }
            }
        }
        assertThat(named).isGreaterThan(5);
        assertThat(found).containsExactly(version);
    }

    @Test
    void theDocsSpeakOfTheSoftwareAndItsUsers() throws IOException {
        Pattern organisation = Pattern.compile("(?i)\\b(helpers?|the (?:project )?brief|brief's|the issue'?s?|issue \\d+"
                + "|wave \\d+|work session)\\b");
        List<String> found = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = organisation.matcher(lines.get(i));
                if (m.find()) {
                    found.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The README, SECURITY.md, the guides and the module READMEs. */
    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("SECURITY.md")));
        try (Stream<Path> guides = Files.list(ROOT.resolve("docs"))) {
            guides.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            modules.filter(d -> d.getFileName().toString().startsWith("tlsrpt-")).map(d -> d.resolve("README.md"))
                    .filter(Files::isRegularFile).sorted().forEach(docs::add);
        }
        assertThat(docs).hasSizeGreaterThan(10);
        return docs;
    }

    static List<Block> javaBlocks(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            Matcher given = GIVEN.matcher(i > 0 ? lines.get(i - 1).strip() : "");
            StringBuilder code = new StringBuilder();
            int start = i;
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(doc, start + 1, code.toString(), given.matches() ? given.group(1) : null));
        }
        return blocks;
    }

    /**
     * The sources for one block in its own package, whose lines are the block's lines: a compilation unit with
     * its package declaration put before its first line, a fragment as the body of a method whose header is one
     * line.
     */
    private static List<JavaFileObject> sources(String pkg, Block block) {
        List<JavaFileObject> sources = new ArrayList<>();
        if (UNIT.matcher(block.code()).find()) {
            Matcher type = PUBLIC_TYPE.matcher(block.code());
            sources.add(source(pkg + "/" + (type.find() ? type.group(1) : "Unit"), "package " + pkg + "; " + block.code()));
            if (block.given() != null) {
                sources.add(source(pkg + "/Given", "package " + pkg + "; " + block.given()));
            }
        } else {
            StringBuilder imports = new StringBuilder();
            Matcher m = IMPORT.matcher(block.code());
            while (m.find()) {
                imports.append(m.group()).append(' ');
            }
            String header = "package " + pkg + "; " + imports + IMPORTS + " class Snippet { void run("
                    + (block.given() == null ? "" : block.given()) + ") throws Exception {";
            String body = IMPORT.matcher(block.code()).replaceAll(""); // the lines stay, empty
            sources.add(source(pkg + "/Snippet", header + "\n" + body + "}}\n"));
        }
        return sources;
    }

    private static JavaFileObject source(String path, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + path + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /** A compile error: the package of its block, its line counted from the block's first line, the message. */
    record Error(String pkg, long line, String message) {
    }

    /** Compiles against the test class path and returns the errors. */
    private static List<Error> compile(List<JavaFileObject> sources, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-nowarn", "-encoding", "UTF-8");
        javac.getTask(null, null, diagnostics, options, null, sources).call();
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String path = d.getSource() == null ? "/?/?" : d.getSource().toUri().getPath();
            boolean fragment = path.endsWith("/Snippet.java"); // one header line before the block
            String pkg = path.lastIndexOf('/') > 0 ? path.substring(1, path.lastIndexOf('/')) : "";
            errors.add(new Error(pkg, d.getLineNumber() - (fragment ? 1 : 0), d.getMessage(Locale.ROOT)));
        }
        return errors;
    }

    /** Markdown without its fenced code blocks and inline code, where brackets are not links. */
    private static String withoutCode(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "").replaceAll("`[^`\n]*`", "");
    }

    private static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : withoutFences(Files.readAllLines(doc, StandardCharsets.UTF_8))) {
            if (line.startsWith("#")) {
                anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
            }
        }
        return anchors;
    }

    private static List<String> withoutFences(List<String> lines) {
        List<String> kept = new ArrayList<>();
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** GitHub's anchor of a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
