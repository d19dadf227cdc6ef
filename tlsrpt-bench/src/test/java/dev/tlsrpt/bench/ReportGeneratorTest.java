package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportGeneratorTest {

    // the patterns of the common brief (strict mode): a generated report must pass them all
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final String V4 = OCTET + "(?:\\." + OCTET + "){3}";
    private static final String H = "[0-9A-Fa-f]{1,4}";
    private static final String LS32 = "(?:" + H + ":" + H + "|" + V4 + ")";
    private static final Pattern IP = Pattern.compile("^(?:" + V4 + "|(?:(?:" + H + ":){6}" + LS32
            + "|::(?:" + H + ":){5}" + LS32 + "|(?:" + H + ")?::(?:" + H + ":){4}" + LS32
            + "|(?:(?:" + H + ":){0,1}" + H + ")?::(?:" + H + ":){3}" + LS32
            + "|(?:(?:" + H + ":){0,2}" + H + ")?::(?:" + H + ":){2}" + LS32
            + "|(?:(?:" + H + ":){0,3}" + H + ")?::" + H + ":" + LS32
            + "|(?:(?:" + H + ":){0,4}" + H + ")?::" + LS32
            + "|(?:(?:" + H + ":){0,5}" + H + ")?::" + H
            + "|(?:(?:" + H + ":){0,6}" + H + ")?::))$");
    private static final Pattern URI =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
            + "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):"
            + "[0-5][0-9])$");

    private static byte[] generate(long target, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportGenerator.Stats stats = ReportGenerator.write(out, target, seed);
        assertThat(stats.bytes()).isEqualTo(out.size());
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        assertThat(generate(50_000, 7)).isEqualTo(generate(50_000, 7));
        assertThat(generate(50_000, 7)).isNotEqualTo(generate(50_000, 8));
    }

    @Test
    void reachesTheTargetSizeOvershootingByLessThanOnePolicy() throws IOException {
        for (long target : new long[] {10_000, 300_000, 2_000_000}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportGenerator.Stats stats = ReportGenerator.write(out, target, 1);
            assertThat(stats.bytes()).isBetween(target, target + target / 5 + 10_000);
        }
    }

    @Test
    void coversEveryResultTypeBothAddressFamiliesAndOptionalMembersPresentAndAbsent() throws IOException {
        byte[] json = generate(10_000, ReportFiles.SEED);
        JsonNode report = JsonMapper.builder().build().readTree(json);
        Set<String> policyTypes = new HashSet<>();
        Set<String> resultTypes = new HashSet<>();
        Set<String> present = new HashSet<>();
        Set<String> absent = new HashSet<>();
        List<String> ips = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        long details = 0;
        for (JsonNode entry : report.get("policies")) {
            JsonNode policy = entry.get("policy");
            policyTypes.add(policy.get("policy-type").asString());
            assertThat(policy.get("policy-domain").isString()).isTrue();
            (policy.has("mx-host") ? present : absent).add("mx-host");
            (policy.has("policy-string") ? present : absent).add("policy-string");
            (entry.has("failure-details") ? present : absent).add("failure-details");
            long sum = 0;
            for (JsonNode d : entry.path("failure-details")) {
                details++;
                resultTypes.add(d.get("result-type").asString());
                ips.add(d.get("sending-mta-ip").asString());
                assertThat(d.get("receiving-mx-hostname").isString()).isTrue();
                for (String optional : List.of("receiving-mx-helo", "receiving-ip", "additional-information",
                        "failure-reason-code")) {
                    (d.has(optional) ? present : absent).add(optional);
                }
                if (d.has("receiving-ip")) {
                    ips.add(d.get("receiving-ip").asString());
                }
                if (d.has("additional-information")) {
                    uris.add(d.get("additional-information").asString());
                }
                sum += d.get("failed-session-count").asLong();
            }
            assertThat(entry.get("summary").get("total-failure-session-count").asLong()).isEqualTo(sum);
        }
        assertThat(policyTypes).containsExactlyInAnyOrder("sts", "tlsa", "no-policy-found");
        assertThat(resultTypes).containsAll(ReportGenerator.RESULT_TYPES);
        assertThat(present).containsAll(absent).contains("mx-host", "receiving-mx-helo", "receiving-ip",
                "additional-information", "failure-reason-code", "failure-details", "policy-string");
        assertThat(absent).contains("mx-host", "receiving-mx-helo", "receiving-ip", "additional-information",
                "failure-reason-code");
        assertThat(ips).allMatch(ip -> IP.matcher(ip).matches(), "matches IP_REGEX");
        assertThat(ips).anyMatch(ip -> ip.contains(":")).anyMatch(ip -> ip.contains("."));
        assertThat(uris).isNotEmpty().allMatch(u -> URI.matcher(u).matches(), "matches URI_REGEX");
        assertThat(report.get("date-range").get("start-datetime").asString()).matches(DATE);
        assertThat(report.get("date-range").get("end-datetime").asString()).matches(DATE);
        assertThat(report.get("contact-info").isString()).isTrue();
        assertThat(details).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aGzipFileHoldsTheSameJsonAsThePlainFile() throws IOException {
        ReportFiles.Report plain = ReportFiles.get("10KB", false);
        ReportFiles.Report gzip = ReportFiles.get("10KB", true);
        assertThat(gzip.stats()).isEqualTo(plain.stats());
        assertThat(gzip.fileBytes()).isLessThan(plain.fileBytes());
        try (InputStream in = Readers.gunzip(Files.newInputStream(gzip.path()))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(plain.path()));
        }
    }

    @Test
    void readsSizesInDecimalUnits() {
        assertThat(ReportFiles.parseSize("10KB")).isEqualTo(10_000);
        assertThat(ReportFiles.parseSize("200MB")).isEqualTo(200_000_000);
        assertThat(ReportFiles.parseSize("1GB")).isEqualTo(1_000_000_000);
        assertThat(ReportFiles.parseSize("123")).isEqualTo(123);
    }

    @Test
    void withRepeatAFewSendingMtasAndOneReceivingIpPerMxHostRecur() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportGenerator.Stats stats = ReportGenerator.write(out, 300_000, ReportFiles.SEED, true);
        JsonNode report = JsonMapper.builder().build().readTree(out.toByteArray());
        Set<String> senders = new HashSet<>();
        java.util.Map<String, Set<String>> receivingByMx = new java.util.HashMap<>();
        for (JsonNode entry : report.get("policies")) {
            for (JsonNode d : entry.path("failure-details")) {
                String ip = d.get("sending-mta-ip").asString();
                assertThat(ip).matches(IP);
                senders.add(ip);
                if (d.has("receiving-ip")) {
                    assertThat(d.get("receiving-ip").asString()).matches(IP);
                    receivingByMx.computeIfAbsent(d.get("receiving-mx-hostname").asString(), k -> new HashSet<>())
                            .add(d.get("receiving-ip").asString());
                }
            }
        }
        assertThat(stats.failureDetails()).isGreaterThan(500);
        assertThat(senders).hasSizeBetween(30, ReportGenerator.SENDING_MTAS);
        assertThat(receivingByMx).isNotEmpty().allSatisfy((mx, ips) -> assertThat(ips).hasSize(1));
        assertThat(ReportFiles.parseSize("10MB" + ReportFiles.REPEAT)).isEqualTo(10_000_000);
    }
}

