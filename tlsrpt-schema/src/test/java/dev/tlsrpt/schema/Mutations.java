package dev.tlsrpt.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates mutated reports from valid ones, deterministically from a seed: members removed, nulls, wrong
 * types, counts and dates and addresses and URIs out of their grammar, unknown members and values, draft
 * names, duplicates, and a few changes to the raw text. Each mutation is named so a disagreement can be read.
 */
final class Mutations {

    /** One generated document and the mutations that made it. */
    record Mutant(String description, String json) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final List<String> COUNTS = List.of("0", "5", "5.0", "1e2", "1E2", "-0", "-0.0", "0.0", "1.5", "-1",
            "-5.0", "9223372036854775807", "9223372036854775808", "9223372036854775807.0", "1e19", "1e18",
            "1e999999999", "1e-999999999", "-1e999999999", "\"5\"", "true", "null", "[1]", "{}", "0.5e1", "12.50",
            "100000000000000000000000000000000000000000000000000");
    static final List<String> DATES = List.of("2024-02-30T00:00:00Z", "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z", "2026-11-26T00:00:00", "2026-11-26 00:00:00Z", "2026-11-26T24:00:00Z",
            "2026-11-26T23:59:60Z", "2026-11-26t00:00:00z", "2026-11-26T00:00:00.123456789+05:30",
            "2026-11-26T00:00:00.1234567890Z", "2026-13-01T00:00:00Z", "2026-11-26T00:00:00+24:00", "",
            "2026-11-26", "2026-04-31T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
            "0000-02-29T00:00:00Z", "2026-11-26T00:00:00Z\n", "+2026-11-26T00:00:00Z", "2026-11-26T00:00Z",
            "2026-11-26T00:00:00.Z", "2026-11-26T00:00:00-00:00", "2026-11-26T00:00:00.5", "9999-12-31T23:59:59-23:59",
            "2026-11-26T00:00:00+0100", "2026-06-31T12:00:00Z", "2026-11-26T00:00:00ZZ", " 2026-11-26T00:00:00Z",
            "2026-11-26T00:00:00Z ", "2026-11-26T00:00:00\u0000Z", "２026-11-26T00:00:00Z");
    static final List<String> IPS = List.of("1.2.3.4", "01.2.3.4", "256.0.0.1", "::1", "fe80::1%eth0",
            "2001:db8::", "1.2.3", "::ffff:1.2.3.4", "", "2001:0db8:0000:0000:0000:0000:0000:0001",
            "1:2:3:4:5:6:7:8:9", "[::1]", "1.2.3.4\n", " 1.2.3.4", "gggg::1", "::", "1::2::3", "0.0.0.0",
            "255.255.255.255", "1.2.3.4.5", "2001:DB8::A", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "localhost",
            "1.2.3.04", "٣.2.3.4");
    static final List<String> URIS = List.of("https://x.example/a?b=c#d", "mailto:a@b.example", "no-scheme",
            "http://x/ y", "http://x/%zz", "http://x/%41", "urn:x", "1http://x", "", "http://[::1]/",
            "https://x/\u00e9", "a:", "http://x/\n", "https://reports.company-x.example/\n report_info ? id = 5",
            "HTTPS://X", "x+y-z.w:/p", "http://x/{a}", "http://x/`", "http://x/\"", "https://x/a|b",
            "https:", ":x", "http://x/%4");
    static final List<String> RESULT_TYPES = List.of("starttls-not-supported", "certificate-host-mismatch",
            "certificate-expired", "tlsa-invalid", "dnssec-invalid", "dane-required", "certificate-not-trusted",
            "sts-policy-invalid", "sts-webpki-invalid", "validation-failure", "sts-policy-fetch-error",
            "other", "STARTTLS-NOT-SUPPORTED", "", "certificate-expired ", "dane_required");
    static final List<String> POLICY_TYPES = List.of("tlsa", "sts", "no-policy-found", "dane", "STS", "",
            "no-policy-found ", "mta-sts");
    static final List<String> OTHER_VALUES = List.of("5", "\"s\"", "\"\"", "true", "false", "null", "{}", "[]",
            "[\"x\"]", "[1]", "1.5", "{\"a\": [1, {\"b\": null}]}", "{\"a\": 1, \"a\": 2}", "[[[[[[1]]]]]]",
            "\"\\ud800\"", "\"\\ud83d\\ude00\"", "-0", "1e2");
    static final List<String> POLICY_STRINGS = List.of("[]", "[\"v\"]", "[\"3 1 1 AA\", \"3 1 1 BB\"]",
            "[\"[\\\"3 1 1 AA\\\",\\\"3 1 1 BB\\\"]\"]", "[\"  [x\"]", "[\"\\u2003[x\"]", "[\"\\u00a0[x\"]",
            "[\"\\n\\t[\"]", "[\"x[\"]", "[\"\\u001c[\"]", "[\"\\u0085[\"]", "[1]", "[null]", "\"v\"", "null",
            "[\"\\u3000[\"]", "[\"\\u200b[\"]", "[\"\\u2007[\"]");
    static final List<String> MX_HOSTS = List.of("[]", "[\"mx.example\"]", "\"mx.example\"", "null", "[1]",
            "[null]", "5", "{}", "[\"*.a.example\", \"b.example\"]");

    static final Map<String, List<String>> MEMBERS = Map.of(
            "report", List.of("organization-name", "date-range", "contact-info", "report-id", "policies"),
            "date-range", List.of("start-datetime", "end-datetime"),
            "policy-result", List.of("policy", "summary", "failure-details"),
            "policy", List.of("policy-type", "policy-string", "policy-domain", "mx-host"),
            "summary", List.of("total-successful-session-count", "total-failure-session-count"),
            "failure-detail", List.of("result-type", "sending-mta-ip", "receiving-mx-hostname", "receiving-mx-helo",
                    "receiving-ip", "failed-session-count", "additional-information", "failure-reason-code"));

    private final Random random;
    private final List<JsonNode> bases;
    private int raw;
    private final List<String[]> replacements = new ArrayList<>();

    Mutations(long seed, List<String> validReports) {
        this.random = new Random(seed);
        this.bases = new ArrayList<>();
        for (String report : validReports) {
            bases.add(MAPPER.readTree(report));
        }
    }

    List<Mutant> generate(int count) {
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private Mutant next() {
        raw = 0;
        replacements.clear();
        ObjectNode doc = (ObjectNode) bases.get(random.nextInt(bases.size())).deepCopy();
        int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 2);
        List<String> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(mutate(doc));
        }
        String json = random.nextBoolean() ? MAPPER.writeValueAsString(doc)
                : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        for (String[] r : replacements) {
            json = json.replace(r[0], r[1]);
        }
        if (random.nextInt(25) == 0) {
            String[] text = textMutation(json);
            done.add(text[0]);
            json = text[1];
        }
        return new Mutant(String.join("; ", done), json);
    }

    /** A JSON text to put where a placeholder string is. */
    private JsonNode rawValue(String text) {
        String key = "@@RAW" + raw++ + "@@";
        replacements.add(new String[] {"\"" + key + "\"", text});
        return NODES.stringNode(key);
    }

    /** A member name to write where a placeholder name is (for duplicates). */
    private String rawName(String name) {
        String key = "@@NAME" + raw++ + "@@";
        replacements.add(new String[] {"\"" + key + "\"", MAPPER.writeValueAsString(NODES.stringNode(name))});
        return key;
    }

    private String mutate(ObjectNode doc) {
        List<Object[]> objects = objects(doc);
        Object[] target = objects.get(random.nextInt(objects.size()));
        String kind = (String) target[0];
        ObjectNode obj = (ObjectNode) target[1];
        String where = (String) target[2];
        List<String> names = MEMBERS.get(kind);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(14)) {
            case 0:
                obj.remove(name);
                return "remove " + where + "/" + name;
            case 1:
                obj.set(name, NODES.nullNode());
                return "null " + where + "/" + name;
            case 2: {
                String v = pick(OTHER_VALUES);
                obj.set(name, rawValue(v));
                return where + "/" + name + " = " + v;
            }
            case 3: {
                ObjectNode counts = pickKind(objects, "summary", "failure-detail");
                if (counts == null) {
                    return "no count";
                }
                String member = counts.has("failed-session-count") || !counts.has("total-failure-session-count")
                        && random.nextBoolean() ? "failed-session-count"
                        : random.nextBoolean() ? "total-failure-session-count" : "total-successful-session-count";
                String v = pick(COUNTS);
                counts.set(member, rawValue(v));
                return member + " = " + v;
            }
            case 4: {
                if (!(doc.get("date-range") instanceof ObjectNode range)) {
                    return "no date-range";
                }
                String v = pick(DATES);
                String member = random.nextBoolean() ? "start-datetime" : "end-datetime";
                range.put(member, v);
                return member + " = " + MAPPER.writeValueAsString(NODES.stringNode(v));
            }
            case 5: {
                ObjectNode detail = pickKind(objects, "failure-detail");
                if (detail == null) {
                    return "no failure detail";
                }
                String member = random.nextBoolean() ? "sending-mta-ip" : "receiving-ip";
                String v = pick(IPS);
                detail.put(member, v);
                return member + " = " + MAPPER.writeValueAsString(NODES.stringNode(v));
            }
            case 6: {
                ObjectNode detail = pickKind(objects, "failure-detail");
                if (detail == null) {
                    return "no failure detail";
                }
                String v = pick(URIS);
                String member = random.nextInt(4) == 0 ? "additional-info-uri" : "additional-information";
                detail.put(member, v);
                return member + " = " + MAPPER.writeValueAsString(NODES.stringNode(v));
            }
            case 7: {
                String member = pick(List.of("x-unknown", "extra", "success-aggregate", "session-count",
                        "mx-host-pattern", "additional-info-uri", "failure-error-code", "policy", "summary", ""));
                String v = pick(OTHER_VALUES);
                obj.set(member, rawValue(v));
                return "add " + where + "/" + member + " = " + v;
            }
            case 8: {
                ObjectNode detail = pickKind(objects, "failure-detail");
                ObjectNode policy = pickKind(objects, "policy");
                if (random.nextBoolean() && detail != null) {
                    String v = pick(RESULT_TYPES);
                    detail.put("result-type", v);
                    return "result-type = \"" + v + "\"";
                }
                if (policy == null) {
                    return "no policy";
                }
                String v = pick(POLICY_TYPES);
                policy.put("policy-type", v);
                return "policy-type = \"" + v + "\"";
            }
            case 9: {
                ObjectNode policy = pickKind(objects, "policy");
                ObjectNode detail = pickKind(objects, "failure-detail");
                String[][] drafts = {{"mx-host", "mx-host-pattern"}, {"additional-information", "additional-info-uri"},
                        {"failure-reason-code", "failure-error-code"}};
                int d = random.nextInt(3);
                ObjectNode in = d == 0 ? policy : detail;
                if (in == null) {
                    return "no object for draft name";
                }
                JsonNode value = in.remove(drafts[d][0]);
                if (value == null) {
                    value = d == 0 ? MAPPER.readTree(pick(MX_HOSTS)) : NODES.stringNode("x:y");
                }
                if (random.nextBoolean()) {
                    in.set(drafts[d][1], value);
                    return "rename " + drafts[d][0] + " to " + drafts[d][1];
                }
                in.set(drafts[d][0], value);
                in.set(drafts[d][1], rawValue(pick(OTHER_VALUES)));
                return "add draft " + drafts[d][1] + " after " + drafts[d][0];
            }
            case 10: {
                if (!obj.has(name) && obj.size() > 0) {
                    name = obj.propertyNames().iterator().next();
                }
                String v = random.nextBoolean() && obj.has(name) ? MAPPER.writeValueAsString(obj.get(name))
                        : pick(OTHER_VALUES);
                obj.set(rawName(name), rawValue(v));
                return "duplicate " + where + "/" + name + " = " + v;
            }
            case 11: {
                ObjectNode policy = pickKind(objects, "policy");
                if (policy == null) {
                    return "no policy";
                }
                if (random.nextBoolean()) {
                    String v = pick(POLICY_STRINGS);
                    policy.set("policy-string", rawValue(v));
                    if (random.nextBoolean()) {
                        policy.put("policy-type", "tlsa");
                    }
                    return "policy-string = " + v + " (" + policy.path("policy-type") + ")";
                }
                String v = pick(MX_HOSTS);
                policy.set(random.nextInt(4) == 0 ? "mx-host-pattern" : "mx-host", rawValue(v));
                return "mx-host = " + v;
            }
            case 12: {
                JsonNode results = doc.get("policies");
                if (results == null || !results.isArray() || results.isEmpty()) {
                    return "no policies";
                }
                int index = random.nextInt(results.size());
                String v = pick(List.of("null", "[]", "{}", "[1]", "[null]", "[{}]", "\"x\""));
                if (random.nextBoolean() && results.get(index) instanceof ObjectNode result) {
                    result.set("failure-details", rawValue(v));
                    return "failure-details = " + v;
                }
                ((ArrayNode) results).set(index, rawValue(v));
                return "policies entry = " + v;
            }
            default: {
                String v = pick(List.of("\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "\"\\udc00\"",
                        "\"" + "a".repeat(300) + "\""));
                obj.set(name, rawValue(v));
                return where + "/" + name + " = " + v;
            }
        }
    }

    private String[] textMutation(String json) {
        switch (random.nextInt(8)) {
            case 0:
                return new String[] {"trailing {}", json + "{}"};
            case 1:
                return new String[] {"trailing white space", json + " \n\t\r\n"};
            case 2:
                return new String[] {"byte order mark", "\uFEFF" + json};
            case 3:
                return new String[] {"trailing comma", json.substring(0, json.lastIndexOf('}')) + ",}"};
            case 4:
                return new String[] {"comment", "/* c */" + json};
            case 5:
                return new String[] {"trailing x", json + "x"};
            case 6:
                return new String[] {"document is an array", "[" + json + "]"};
            default:
                return new String[] {"truncated", json.substring(0, json.length() / 2)};
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private ObjectNode pickKind(List<Object[]> objects, String... kinds) {
        List<ObjectNode> found = new ArrayList<>();
        for (Object[] o : objects) {
            for (String k : kinds) {
                if (o[0].equals(k)) {
                    found.add((ObjectNode) o[1]);
                }
            }
        }
        return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
    }

    /** Every RFC object of the document: kind, node, pointer. */
    private static List<Object[]> objects(ObjectNode doc) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"report", doc, ""});
        if (doc.get("date-range") instanceof ObjectNode range) {
            out.add(new Object[] {"date-range", range, "/date-range"});
        }
        if (doc.get("policies") instanceof ArrayNode policies) {
            for (int i = 0; i < policies.size(); i++) {
                if (!(policies.get(i) instanceof ObjectNode result)) {
                    continue;
                }
                String p = "/policies/" + i;
                out.add(new Object[] {"policy-result", result, p});
                if (result.get("policy") instanceof ObjectNode policy) {
                    out.add(new Object[] {"policy", policy, p + "/policy"});
                }
                if (result.get("summary") instanceof ObjectNode summary) {
                    out.add(new Object[] {"summary", summary, p + "/summary"});
                }
                if (result.get("failure-details") instanceof ArrayNode details) {
                    for (int j = 0; j < details.size(); j++) {
                        if (details.get(j) instanceof ObjectNode detail) {
                            out.add(new Object[] {"failure-detail", detail, p + "/failure-details/" + j});
                        }
                    }
                }
            }
        }
        return out;
    }
}
