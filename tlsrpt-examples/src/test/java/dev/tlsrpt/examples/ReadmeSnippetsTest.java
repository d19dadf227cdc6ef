package dev.tlsrpt.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the README's and the guides' Java snippets identical to the example sources: every region between
 * {@code // snippet:NAME} and {@code // end-snippet}, with its common indentation removed, must appear
 * verbatim inside a {@code ```java} block of the root README.md or of a guide in docs/.
 */
class ReadmeSnippetsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    /** Surefire runs in the module directory; the README is the root one. */
    private static final Path README = MODULE.resolveSibling("README.md");
    /** The guides, whose snippets come from the examples too. */
    private static final Path DOCS = MODULE.resolveSibling("docs");

    @Test
    void everyExampleSnippetIsInTheReadmeVerbatim() throws IOException {
        Map<String, String> snippets = snippets();
        assertThat(snippets).containsKeys("parse", "stream", "diagnose", "record", "write", "validate", "aggregate",
                "aggregate-summary", "aggregate-merge", "aggregate-parallel");
        List<String> blocks = new ArrayList<>(javaBlocks(Files.readString(README, StandardCharsets.UTF_8)));
        try (Stream<Path> guides = Files.list(DOCS)) {
            for (Path guide : guides.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                blocks.addAll(javaBlocks(Files.readString(guide, StandardCharsets.UTF_8)));
            }
        }
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            assertThat(blocks)
                    .as("README.md or a guide in docs/ has snippet '%s' verbatim in a ```java block:%n%s",
                            snippet.getKey(), snippet.getValue())
                    .anyMatch(block -> block.contains(snippet.getValue()));
        }
    }

    @Test
    void everyImportInTheDocsNamesAClassOfTheBuild() throws IOException {
        List<String> imports = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (Path doc : DocsTest.docs()) {
            blocks.addAll(javaBlocks(Files.readString(doc, StandardCharsets.UTF_8)));
        }
        for (String block : blocks) {
            for (String line : block.split("\n")) {
                if (line.startsWith("import ") && !line.startsWith("import static ") && line.endsWith(";")) {
                    imports.add(line.substring("import ".length(), line.length() - 1).strip());
                }
            }
        }
        assertThat(imports).contains("dev.tlsrpt.TlsRpt", "dev.tlsrpt.model.TlsReport",
                "dev.tlsrpt.record.TlsRptRecord");
        for (String name : imports) {
            assertThat(loads(name)).as("the docs import %s, a class of the build", name).isTrue();
        }
    }

    private static boolean loads(String name) {
        try {
            Class.forName(name, false, ReadmeSnippetsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void snippetExtractionRemovesTheCommonIndentation() {
        Map<String, String> found = new LinkedHashMap<>();
        extract("x.java", """
                class X {
                    void f() {
                        // snippet:demo
                        if (a) {
                            b();
                        }
                        // end-snippet
                    }
                }
                """, found);
        assertThat(found).containsEntry("demo", "if (a) {\n    b();\n}\n");
    }

    static Map<String, String> snippets() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java/dev/tlsrpt/examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                extract(file.toString(), Files.readString(file, StandardCharsets.UTF_8), found);
            }
        }
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/test/java/dev/tlsrpt/examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (!file.getFileName().toString().equals("ReadmeSnippetsTest.java")) {
                    extract(file.toString(), Files.readString(file, StandardCharsets.UTF_8), found);
                }
            }
        }
        return found;
    }

    static void extract(String file, String source, Map<String, String> into) {
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("// snippet:")) {
                name = t.substring("// snippet:".length()).strip();
                lines.clear();
            } else if (t.equals("// end-snippet") && name != null) {
                int indent = lines.stream().filter(l -> !l.isBlank())
                        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                StringBuilder sb = new StringBuilder();
                for (String l : lines) {
                    sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
                }
                assertThat(into.put(name, sb.toString())).as("snippet %s defined twice (%s)", name, file).isNull();
                name = null;
            } else if (name != null) {
                lines.add(line);
            }
        }
        assertThat(name).as("unterminated snippet in %s", file).isNull();
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.strip().equals("```java")) {
                current = new StringBuilder();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
