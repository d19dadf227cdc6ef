package dev.tlsrpt.diagnose;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC section the advice texts cite ({@code RFC NNNN §X.Y}, and a bare {@code §X.Y} for the RFC named
 * last before it) is held to the committed table of contents of that RFC ({@code rfc/rfcNNNN-toc.txt}, the
 * lines as the RFC prints them), and the citations of every key to a literal table, so a citation changes only
 * deliberately. Each cited section was read in the RFC text, not only in its table of contents, when the table
 * was written: change a citation only after reading the section it names.
 */
class CitationsTest {

    /** Key of Advice.properties -> its citations in the order they appear (the RFC named last owns a bare §). */
    static final Map<String, List<String>> CITATIONS = Map.ofEntries(
            entry("type.starttls-not-supported.reference", List.of("RFC 8460 §4.3.1", "RFC 8461 §4")),
            entry("type.starttls-not-supported.reference.tlsa", List.of("RFC 8460 §4.3.1", "RFC 7672 §2.2")),
            entry("type.certificate-host-mismatch.action", List.of("RFC 8461 §7.1")),
            entry("type.certificate-host-mismatch.reference", List.of("RFC 8460 §4.3.1", "RFC 8461 §4.2")),
            entry("type.certificate-host-mismatch.action.tlsa", List.of("RFC 7671 §8.1")),
            entry("type.certificate-host-mismatch.reference.tlsa",
                    List.of("RFC 8460 §4.3.1", "RFC 7672 §3.2", "RFC 7671 §8.1")),
            entry("type.certificate-expired.action.tlsa",
                    List.of("RFC 7672 §3.1.1", "RFC 7671 §5.1", "RFC 7672 §4", "RFC 7671 §8.1")),
            entry("type.certificate-expired.reference", List.of("RFC 8460 §4.3.1", "RFC 8461 §4.2")),
            entry("type.certificate-expired.reference.tlsa",
                    List.of("RFC 8460 §4.3.1", "RFC 7672 §3.1.1", "RFC 7672 §4", "RFC 7671 §5.1", "RFC 7671 §8.1")),
            entry("type.certificate-not-trusted.action.tlsa",
                    List.of("RFC 7672 §3.1.2", "RFC 7671 §5.2.2", "RFC 7671 §8.1")),
            entry("type.certificate-not-trusted.reference", List.of("RFC 8460 §4.3.1", "RFC 8461 §4.2")),
            entry("type.certificate-not-trusted.reference.tlsa",
                    List.of("RFC 8460 §4.3.1", "RFC 7672 §3.1.1", "RFC 7672 §3.1.2", "RFC 7671 §5.2.2",
                            "RFC 7671 §8.1")),
            entry("type.validation-failure.reference", List.of("RFC 8460 §4.3.1", "RFC 8460 §4.3.3")),
            entry("type.tlsa-invalid.action", List.of("RFC 7672 §4", "RFC 7671 §8.1", "RFC 7672 §3.1.3")),
            entry("type.tlsa-invalid.reference",
                    List.of("RFC 8460 §4.3.2.1", "RFC 7672 §3.1", "RFC 7672 §4", "RFC 7671 §8.1")),
            entry("type.dnssec-invalid.reference", List.of("RFC 8460 §4.3.2.1", "RFC 7672 §2.1.1")),
            entry("type.dane-required.reference", List.of("RFC 8460 §4.3.2.1", "RFC 7672 §6")),
            entry("type.sts-policy-fetch-error.action", List.of("RFC 8461 §8.3")),
            entry("type.sts-policy-fetch-error.reference",
                    List.of("RFC 8460 §4.3.2.2", "RFC 8461 §3.1", "RFC 8461 §3.2", "RFC 8461 §3.3")),
            entry("type.sts-policy-invalid.action", List.of("RFC 8461 §3.1", "RFC 8461 §5.1")),
            entry("type.sts-policy-invalid.reference",
                    List.of("RFC 8460 §4.3.2.2", "RFC 8461 §3.1", "RFC 8461 §3.2", "RFC 8461 §4.1", "RFC 8461 §5.1")),
            entry("type.sts-webpki-invalid.reference", List.of("RFC 8460 §4.3.2.2", "RFC 8461 §3.3")),
            entry("type.unknown.reference", List.of("RFC 8460 §4.3", "RFC 8460 §6.6")),
            entry("consequence.sts.enforce", List.of("RFC 8461 §5", "RFC 8461 §5.1")),
            entry("consequence.sts.enforce.policyFailure", List.of("RFC 8461 §3.3", "RFC 8461 §5.1")),
            entry("consequence.sts.testing", List.of("RFC 8461 §5")),
            entry("consequence.sts.testing.policyFailure", List.of("RFC 8461 §3.3")),
            entry("consequence.sts.none", List.of("RFC 8461 §5", "RFC 8461 §6")),
            entry("consequence.sts.none.policyFailure", List.of("RFC 8461 §3.3", "RFC 8461 §8.3")),
            entry("consequence.sts.unknown.policyFailure", List.of("RFC 8461 §3.3")),
            entry("consequence.tlsa", List.of("RFC 7672 §2.2")),
            entry("consequence.tlsa.policyFailure", List.of("RFC 8461 §3.3")),
            entry("consequence.daneRequired", List.of("RFC 7672 §6")),
            entry("consequence.noPolicy.policyFailure", List.of("RFC 8461 §3.3")),
            entry("cause.mxNotInPolicy", List.of("RFC 8461 §4.1")),
            entry("cause.mxNotInPolicy.action", List.of("RFC 8461 §8.1", "RFC 8461 §3.1", "RFC 8461 §5.1")),
            entry("cause.mxNotInPolicy.reference",
                    List.of("RFC 8461 §3.1", "RFC 8461 §4.1", "RFC 8461 §5.1", "RFC 8461 §8.1")),
            entry("code.httpStatus.action", List.of("RFC 8461 §3.3")),
            entry("code.protocolVersion.action", List.of("RFC 8461 §7.2")),
            entry("noPolicy.reference",
                    List.of("RFC 8460 §3", "RFC 8460 §4.4", "RFC 8461 §3.1", "RFC 8461 §3.2", "RFC 7672 §2.2.3")),
            entry("report.countMismatch.explanation", List.of("RFC 8460 §4", "RFC 8460 §4.3.4")),
            entry("report.countMismatch.reference", List.of("RFC 8460 §4", "RFC 8460 §4.3.4")),
            entry("report.countMismatch.noDetails.reference", List.of("RFC 8460 §4.4")),
            entry("report.dateRange.explanation", List.of("RFC 8460 §4.1")),
            entry("report.dateRange.reference", List.of("RFC 8460 §4.1")),
            entry("report.dateRangeReversed.reference", List.of("RFC 8460 §4.1", "RFC 8460 §4.4")),
            entry("report.deviation.reference", List.of("RFC 8460 §4.4")),
            entry("allClear.reference", List.of("RFC 8460 §4.4")));

    /** Every cited section -> its title as the RFC's table of contents (or, deeper down, its heading) gives it. */
    static final Map<String, String> TITLES = Map.ofEntries(
            entry("RFC 8460 §3", "Reporting Policy"),
            entry("RFC 8460 §4", "Reporting Schema"),
            entry("RFC 8460 §4.1", "Report Time Frame"),
            entry("RFC 8460 §4.3", "Result Types"),
            entry("RFC 8460 §4.3.1", "Negotiation Failures"),
            entry("RFC 8460 §4.3.2.1", "DANE-Specific Policy Failures"),
            entry("RFC 8460 §4.3.2.2", "MTA-STS-specific Policy Failures"),
            entry("RFC 8460 §4.3.3", "General Failures"),
            entry("RFC 8460 §4.3.4", "Transient Failures"),
            entry("RFC 8460 §4.4", "JSON Report Schema"),
            entry("RFC 8460 §6.6", "STARTTLS Validation Result Types"),
            entry("RFC 8461 §3.1", "MTA-STS TXT Records"),
            entry("RFC 8461 §3.2", "MTA-STS Policies"),
            entry("RFC 8461 §3.3", "HTTPS Policy Fetching"),
            entry("RFC 8461 §4", "Policy Validation"),
            entry("RFC 8461 §4.1", "MX Host Validation"),
            entry("RFC 8461 §4.2", "Recipient MTA Certificate Validation"),
            entry("RFC 8461 §5", "Policy Application"),
            entry("RFC 8461 §5.1", "Policy Application Control Flow"),
            entry("RFC 8461 §6", "Reporting Failures"),
            entry("RFC 8461 §7.1", "SNI Support"),
            entry("RFC 8461 §7.2", "Minimum TLS Version Support"),
            entry("RFC 8461 §8.1", "Policy Updates"),
            entry("RFC 8461 §8.3", "Removing MTA-STS"),
            entry("RFC 7672 §2.1.1", "DNS Errors, \"Bogus\" Responses, and \"Indeterminate\" Responses"),
            entry("RFC 7672 §2.2", "TLS Discovery"),
            entry("RFC 7672 §2.2.3", "TLSA Record Lookup"),
            entry("RFC 7672 §3.1", "TLSA Certificate Usages"),
            entry("RFC 7672 §3.1.1", "Certificate Usage DANE-EE(3)"),
            entry("RFC 7672 §3.1.2", "Certificate Usage DANE-TA(2)"),
            entry("RFC 7672 §3.1.3", "Certificate Usages PKIX-TA(0) and PKIX-EE(1)"),
            entry("RFC 7672 §3.2", "Certificate Matching"),
            entry("RFC 7672 §4", "Server Key Management"),
            entry("RFC 7672 §6", "Mandatory TLS Security"),
            entry("RFC 7671 §5.1", "Certificate Usage DANE-EE(3)"),
            entry("RFC 7671 §5.2.2", "Trust Anchor Digests and Server Certificate Chain"),
            entry("RFC 7671 §8.1", "Key Rollover with Fixed TLSA Parameters"));

    private static final Pattern CITATION = Pattern.compile("RFC (\\d{4})|§ ?([0-9A-Z]+(?:\\.[0-9]+)*)");

    /** A numbered line of a table of contents: number (an appendix letter too), title, then leaders and page. */
    private static final Pattern TOC_ENTRY = Pattern.compile(
            "\\s*(?:Appendix\\s+)?((?:\\d+|[A-Z])(?:\\.\\d+)*)\\.\\s+(.*)");
    private static final Pattern LEADERS_AND_PAGE = Pattern.compile("\\s*(?:\\.\\s*){2,}\\d+\\s*$");

    // ---------------------------------------------------------------- the tests

    @Test
    void everyCitationOfTheAdviceIsInTheTable() {
        Map<String, List<String>> cited = citations(advice());

        assertThat(cited.keySet()).as("keys that cite an RFC section").isEqualTo(new TreeSet<>(CITATIONS.keySet()));
        cited.forEach((key, citations) -> assertThat(citations).as(key).isEqualTo(CITATIONS.get(key)));
    }

    @Test
    void everyCitedSectionIsInTheTableOfContentsOfItsRfcWithTheTitleTheTableGives() {
        TreeSet<String> cited = new TreeSet<>();
        citations(advice()).values().forEach(cited::addAll);

        for (String citation : cited) {
            assertThat(sectionTitle(citation)).as(citation + " in the table of contents of its RFC").isNotNull()
                    .isEqualTo(TITLES.get(citation));
        }
        assertThat(cited).as("cited sections and the titles table").isEqualTo(new TreeSet<>(TITLES.keySet()));
    }

    static Stream<Arguments> tablesOfContents() {
        return Stream.of(
                Arguments.of("8460", 45, "4.3.2", "Policy Failures", "B"),
                Arguments.of("8461", 37, "3.4", "Policy Selection for Smart Hosts and Subdomains", "B"),
                Arguments.of("7671", 36, "5.2.3", "Trust Anchor Public Keys", "15.2"),
                Arguments.of("7672", 40, "2.1.1",
                        "DNS Errors, \"Bogus\" Responses, and \"Indeterminate\" Responses", "11.2"),
                Arguments.of("6698", 47, "A.1.1",
                        "Ambiguities and Corner Cases When TLS Clients Build Trust Chains", "C"));
    }

    @ParameterizedTest
    @MethodSource
    void tablesOfContents(String rfc, int sections, String section, String title, String last) {
        Map<String, String> toc = tableOfContents(rfc);

        assertThat(toc).hasSize(sections).containsEntry("1", "Introduction").containsEntry(section, title);
        assertThat(toc.keySet()).contains(last);
    }

    @Test
    void aCitationOfASectionTheRfcDoesNotHaveIsCaught() {
        Properties made = new Properties();
        made.setProperty("type.example.reference", "RFC 8460 §4.3.1, RFC 8461 §4.9, RFC 7672 §3.1.4");

        List<String> missing = new ArrayList<>();
        for (String citation : citations(made).get("type.example.reference")) {
            if (sectionTitle(citation) == null) {
                missing.add(citation);
            }
        }
        assertThat(missing).containsExactly("RFC 8461 §4.9", "RFC 7672 §3.1.4");
    }

    @Test
    void aBareSectionSignBelongsToTheRfcNamedLastBeforeIt() {
        Properties made = new Properties();
        made.setProperty("k", "RFC 8460 §4 lets one session count twice and §4.3.4 lets reporters leave out "
                + "transient failures (RFC 8461 §3.1, §4.1).");

        assertThat(citations(made)).containsExactly(entry("k",
                List.of("RFC 8460 §4", "RFC 8460 §4.3.4", "RFC 8461 §3.1", "RFC 8461 §4.1")));
    }

    // ---------------------------------------------------------------- helpers

    static Properties advice() {
        Properties p = new Properties();
        try (InputStream in = CitationsTest.class.getResourceAsStream("Advice.properties")) {
            assertThat(in).as("Advice.properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Key -> citations in order of appearance, for each key that cites a section; sorted by key. */
    static Map<String, List<String>> citations(Properties texts) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (String key : texts.stringPropertyNames()) {
            String rfc = null;
            List<String> found = new ArrayList<>();
            Matcher m = CITATION.matcher(texts.getProperty(key));
            while (m.find()) {
                if (m.group(1) != null) {
                    rfc = m.group(1);
                } else {
                    assertThat(rfc).as("the RFC of §" + m.group(2) + " in " + key).isNotNull();
                    found.add("RFC " + rfc + " §" + m.group(2));
                }
            }
            if (!found.isEmpty()) {
                byKey.put(key, List.copyOf(found));
            }
        }
        return byKey;
    }

    /** The title of a cited section ("RFC 8461 §4.1") in the RFC's committed table of contents, or null. */
    static @Nullable String sectionTitle(String citation) {
        Matcher m = Pattern.compile("RFC (\\d{4}) §(\\S+)").matcher(citation);
        assertThat(m.matches()).as(citation).isTrue();
        return tableOfContents(m.group(1)).get(m.group(2));
    }

    /**
     * Section number -> title from {@code rfc/rfcNNNN-toc.txt}: comment lines start with #, leaders and page
     * numbers are dropped, and an unnumbered line continues the title of an entry that had no page number yet.
     */
    static Map<String, String> tableOfContents(String rfc) {
        String resource = "rfc/rfc" + rfc + "-toc.txt";
        Map<String, String> toc = new LinkedHashMap<>();
        try (InputStream in = CitationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("table of contents " + resource).isNotNull();
            String open = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                Matcher leaders = LEADERS_AND_PAGE.matcher(line);
                boolean paged = leaders.find();
                String text = paged ? line.substring(0, leaders.start()) : line;
                Matcher entry = TOC_ENTRY.matcher(text);
                if (entry.matches()) {
                    assertThat(toc).as(resource + " numbers each section once").doesNotContainKey(entry.group(1));
                    toc.put(entry.group(1), entry.group(2).strip());
                    open = paged ? null : entry.group(1);
                } else if (open != null) {
                    toc.put(open, toc.get(open) + " " + text.strip());
                    open = paged ? null : open;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return toc;
    }
}
