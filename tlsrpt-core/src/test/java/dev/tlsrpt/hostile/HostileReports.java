package dev.tlsrpt.hostile;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hostile reports as JSON text, for the diagnosis tests here and in the command line tool's tests (through
 * core's test-jar).
 */
public final class HostileReports {

    private HostileReports() {
    }

    /**
     * An sts report built from its parts. The policy has no {@code mx-host} member, so its mx patterns are
     * the {@code mx:} lines of the policy-string (as Microsoft sends them).
     *
     * @param organization the {@code organization-name}, as JSON string content (escapes allowed)
     * @param domain the {@code policy-domain}, as JSON string content
     * @param policyStrings the policy-string lines, as JSON string content
     * @param details the failure details, each a JSON object
     * @return the report's JSON
     */
    public static String stsReport(String organization, String domain, List<String> policyStrings,
            List<String> details) {
        StringBuilder b = new StringBuilder(64 * (policyStrings.size() + details.size()) + 512);
        b.append("{\"organization-name\":\"").append(organization).append("\",")
                .append("\"date-range\":{\"start-datetime\":\"2026-11-26T00:00:00Z\",")
                .append("\"end-datetime\":\"2026-11-26T23:59:59Z\"},")
                .append("\"contact-info\":\"tlsrpt@sender.example\",\"report-id\":\"r1\",")
                .append("\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[");
        for (int i = 0; i < policyStrings.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(policyStrings.get(i)).append('"');
        }
        long failed = details.size();
        b.append("],\"policy-domain\":\"").append(domain).append("\"},")
                .append("\"summary\":{\"total-successful-session-count\":1000,\"total-failure-session-count\":")
                .append(failed).append("},\"failure-details\":[");
        for (int i = 0; i < details.size(); i++) {
            b.append(i == 0 ? "" : ",").append(details.get(i));
        }
        return b.append("]}]}").toString();
    }

    /**
     * A failure detail with one failed session.
     *
     * @param resultType the {@code result-type}, as JSON string content
     * @param mx the {@code receiving-mx-hostname} as JSON string content, null to leave it out
     * @param reasonCode the {@code failure-reason-code} as JSON string content, null to leave it out
     * @return the detail's JSON
     */
    public static String detail(String resultType, @Nullable String mx,
            @Nullable String reasonCode) {
        return "{\"result-type\":\"" + resultType + "\",\"sending-mta-ip\":\"192.0.2.1\""
                + (mx == null ? "" : ",\"receiving-mx-hostname\":\"" + mx + "\"")
                + ",\"failed-session-count\":1"
                + (reasonCode == null ? "" : ",\"failure-reason-code\":\"" + reasonCode + "\"") + "}";
    }

    /**
     * The diagnosis amplifier of issue 13: a policy-string of {@code patterns} {@code mx:} lines
     * ({@code mx<i>.example.net}, the mode line after them) and {@code details} failure details, each with
     * its own result type RFC 8460 does not define (so each is a finding and a deviation of its own): the
     * even ones name no receiving MX host (the finding is about the policy's patterns), the odd ones a host
     * outside the policy.
     *
     * @param patterns the number of mx lines
     * @param details the number of failure details
     * @return the report's JSON
     */
    public static String manyPatternsAndDetails(int patterns, int details) {
        List<String> lines = new ArrayList<>(patterns + 3);
        lines.add("version: STSv1");
        for (int i = 1; i <= patterns; i++) {
            lines.add("mx: mx" + i + ".example.net");
        }
        lines.add("mode: enforce");
        lines.add("max_age: 604800");
        List<String> ds = new ArrayList<>(details);
        for (int i = 0; i < details; i++) {
            ds.add(detail("x-unknown-" + i, i % 2 == 0 ? null : "outside" + i + ".example.org", "code " + i));
        }
        return stsReport("Sender", "example.net", lines, ds);
    }

    /**
     * Terminal escapes as JSON string content: clear the screen (ESC [2J), set the window title (an OSC
     * sequence ending in BEL), a C1 CSI, bidirectional overrides and isolates, a line separator, and a line
     * feed followed by {@code INJECTED}, which must never start a line of a rendering.
     */
    public static final String ESCAPES = "\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u007f\\u202e\\u2066"
            + "\\u2028\\nINJECTED";

    /**
     * A report with {@link #ESCAPES} in every member a sender controls that a rendering shows: organization,
     * report-id, contact-info, policy domains and types, mx patterns, MX hosts, result types, IP addresses
     * (invalid ones are kept as sent), reason codes, additional information and a member name (an unknown
     * member, so a deviation's pointer). Read leniently it has an sts policy in enforce with three failure
     * details (a known result type, an unknown one without MX host, one on a host outside the policy) and a
     * policy of an unknown type.
     *
     * @return the report's JSON
     */
    public static String escapes() {
        String e = ESCAPES;
        return "{\"organization-name\":\"Org" + e + "\","
                + "\"date-range\":{\"start-datetime\":\"2026-11-26T00:00:00Z\",\"end-datetime\":\"2026-11-26T23:59:59Z\"},"
                + "\"contact-info\":\"c@example.org" + e + "\",\"report-id\":\"r1" + e + "\","
                + "\"x" + e + "\":1,"
                + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\","
                + "\"mode: enforce\",\"mx: mx.example.com" + e + "\"],\"policy-domain\":\"example.com" + e + "\"},"
                + "\"summary\":{\"total-successful-session-count\":100,\"total-failure-session-count\":3},"
                + "\"failure-details\":[{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.2.1" + e
                + "\",\"receiving-mx-hostname\":\"mx.example.com" + e + "\",\"receiving-mx-helo\":\"helo" + e
                + "\",\"receiving-ip\":\"192.0.2.2" + e + "\",\"failed-session-count\":1,"
                + "\"additional-information\":\"no uri" + e + "\",\"failure-reason-code\":\"code" + e + "\"},"
                + "{\"result-type\":\"x-result" + e + "\",\"sending-mta-ip\":\"192.0.2.1\",\"failed-session-count\":1,"
                + "\"failure-reason-code\":\"bad https response code: 404" + e + "\"},"
                + "{\"result-type\":\"starttls-not-supported\",\"sending-mta-ip\":\"192.0.2.1\","
                + "\"receiving-mx-hostname\":\"other" + e + ".example.org\",\"failed-session-count\":1}]},"
                + "{\"policy\":{\"policy-type\":\"x-type" + e + "\",\"policy-domain\":\"other.example" + e + "\"},"
                + "\"summary\":{\"total-successful-session-count\":5,\"total-failure-session-count\":1},"
                + "\"failure-details\":[{\"result-type\":\"validation-failure\",\"sending-mta-ip\":\"192.0.2.1\","
                + "\"receiving-mx-hostname\":\"mx.other.example\",\"failed-session-count\":1}]}]}";
    }

    /**
     * A strict-valid report of two no-policy-found policies whose every count is 2^63-1: summary counts and
     * two failure details each, so every sum over it passes the largest long.
     *
     * @return the report's JSON
     */
    public static String maxCounts() {
        String max = "9223372036854775807";
        String detail = "{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"192.0.2.1\","
                + "\"receiving-mx-hostname\":\"mx.example.com\",\"failed-session-count\":" + max + "}";
        String policy = "{\"policy\":{\"policy-type\":\"no-policy-found\",\"policy-domain\":\"example.com\"},"
                + "\"summary\":{\"total-successful-session-count\":" + max + ",\"total-failure-session-count\":"
                + max + "},\"failure-details\":[" + detail + "," + detail + "]}";
        return "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":\"2026-11-26T00:00:00Z\","
                + "\"end-datetime\":\"2026-11-26T23:59:59Z\"},\"contact-info\":\"c@example.org\","
                + "\"report-id\":\"r1\",\"policies\":[" + policy + "," + policy + "]}";
    }
}
