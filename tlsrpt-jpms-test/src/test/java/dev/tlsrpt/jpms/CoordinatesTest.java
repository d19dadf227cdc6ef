package dev.tlsrpt.jpms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The coordinates a user copies from the README name what this build publishes, at this build's version, and the
 * BOM manages every published module at that version.
 */
class CoordinatesTest {
    private static final List<String> PUBLISHED_MODULES = List.of("tlsrpt-core", "tlsrpt-schema", "tlsrpt-mail");
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent(); // surefire: module dir
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

    private record Coordinates(String groupId, String artifactId, String version) {}

    @Test
    void everyReadmeSnippetOfOurArtifactsHasTheBuildsVersion() throws IOException {
        List<Coordinates> ours = readmeDependencies().stream().filter(c -> c.groupId.equals("dev.tlsrpt")).toList();

        assertThat(ours).extracting(Coordinates::artifactId)
                .contains("tlsrpt-bom", "tlsrpt-core", "tlsrpt-schema", "tlsrpt-mail")
                .allMatch(a -> a.equals("tlsrpt-bom") || PUBLISHED_MODULES.contains(a));
        assertThat(ours).extracting(Coordinates::version).containsOnly(version());
    }

    @Test
    void theReadmeSaysHowToInstallWhatIsNotOnCentral() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("not on Maven Central yet").contains("mvn -B -ntp install -DskipTests");
    }

    @Test
    void theBomManagesEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document bom = factory.newDocumentBuilder().parse(ROOT.resolve("tlsrpt-bom/pom.xml").toFile());
        Element project = bom.getDocumentElement();

        assertThat(child(project, "artifactId")).isEqualTo("tlsrpt-bom");
        assertThat(child(project, "version")).isEqualTo(version());
        assertThat(project.getElementsByTagName("parent").getLength()).as("the BOM has no parent").isZero();
        NodeList managed = ((Element) project.getElementsByTagName("dependencyManagement").item(0))
                .getElementsByTagName("dependency");
        List<Coordinates> entries = new ArrayList<>();
        for (int i = 0; i < managed.getLength(); i++) {
            Element d = (Element) managed.item(i);
            entries.add(new Coordinates(child(d, "groupId"), child(d, "artifactId"), child(d, "version")));
        }
        assertThat(entries).containsExactlyElementsOf(PUBLISHED_MODULES.stream()
                .map(a -> new Coordinates("dev.tlsrpt", a, "${project.version}")).toList());
    }

    private static List<Coordinates> readmeDependencies() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Coordinates> found = new ArrayList<>();
        for (String block : readme.split("```")) {
            if (!block.startsWith("xml")) {
                continue;
            }
            Matcher m = DEPENDENCY.matcher(block);
            while (m.find()) {
                found.add(new Coordinates(tag(m.group(1), "groupId"), tag(m.group(1), "artifactId"),
                        tag(m.group(1), "version")));
            }
        }
        return found;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).strip() : "";
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static String version() {
        String version = System.getProperty("tlsrpt.version");
        assertThat(version).as("system property tlsrpt.version (set by the pom)").isNotBlank();
        return version;
    }
}
