package dev.tlsrpt.diagnose;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plain-text rendering of a {@link Diagnosis}; see {@link Diagnosis#toText()}. */
final class TextRenderer {

    static final int WIDTH = 100;
    private static final String INDENT = "    ";

    private TextRenderer() {
    }

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";

    static String render(Diagnosis d, AdviceCatalog advice, boolean ansi) {
        Labels labels = new Labels(advice);
        List<String> out = new ArrayList<>();
        String reportId = d.reportId();
        String contact = d.contactInfo();
        Args a = new Args(Args.Group.TEXT)
                .put("reportId", reportId == null ? advice.format("placeholder.reportId") : Texts.excerpt(reportId, 200))
                .put("organization", Texts.excerpt(d.organizationName(), 200))
                .put("contact", contact == null ? "" : Texts.excerpt(contact, 200))
                .put("start", Texts.isoInstant(d.dateRange().start()))
                .put("end", Texts.isoInstant(d.dateRange().end()))
                .put("domain", "").put("mx", "");
        out.add(advice.format("text.report", a));
        out.add(advice.format(contact == null ? "text.from" : "text.fromContact", a));
        out.add(advice.format("text.period", a));
        List<String> verdict = Texts.wrap(d.verdict(), advice.format("text.verdict", a) + " ", INDENT, WIDTH);
        if (ansi) {
            verdict.set(0, BOLD + colour(d.severity()) + verdict.get(0) + RESET);
        }
        out.addAll(verdict);

        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        List<Finding> reportLevel = new ArrayList<>();
        // findings of one policy share its domain string, so each distinct string is lower-cased once
        Map<String, String> lowerCase = new IdentityHashMap<>();
        String placeholderDomain = advice.format("placeholder.domain");
        for (Finding f : d.findings()) {
            if (f.policyIndex() < 0 || f.kind() == FindingKind.PARSE_DEVIATION) {
                reportLevel.add(f);
                continue;
            }
            String domain = f.policyDomain() == null ? placeholderDomain : f.policyDomain();
            String mx = f.mxHost();
            String key = lowerCase.computeIfAbsent(domain, s -> s.toLowerCase(Locale.ROOT)) + "\u0000"
                    + (mx == null ? "" : lowerCase.computeIfAbsent(mx, s -> s.toLowerCase(Locale.ROOT)));
            if (!headings.containsKey(key)) {
                String domainText = f.policyDomain() == null ? domain : name(domain);
                a.put("domain", domainText).put("mx", mx == null ? ""
                        : f.mxHostSource() == MxHostSource.RECEIVING_MX_HOSTNAME ? name(mx) : Texts.excerpt(mx, 200));
                headings.put(key, advice.format(mx == null ? "text.groupNoMx" : "text.groupMx", a));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> g : groups.entrySet()) {
            out.add("");
            out.add(ansi ? BOLD + headings.get(g.getKey()) + RESET : headings.get(g.getKey()));
            for (Finding f : g.getValue()) {
                finding(out, f, labels, ansi);
            }
        }
        if (!reportLevel.isEmpty()) {
            out.add("");
            String heading = advice.format("text.groupReport", a);
            out.add(ansi ? BOLD + heading + RESET : heading);
            for (Finding f : reportLevel) {
                finding(out, f, labels, ansi);
            }
        }
        int length = 0;
        for (String line : out) {
            length += line.length() + 1;
        }
        StringBuilder b = new StringBuilder(length);
        for (String line : out) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The labels of a finding's lines and the impact names, formatted once per rendering. */
    private record Labels(String impact, String action, String sendingIps, String receivingIps, String helos,
            String reasonCodes, String moreInformation, String policyStrings, String tlsaRecords, String reference,
            Map<Impact, String> impacts) {
        Labels(AdviceCatalog advice) {
            this(label(advice, "text.impact"), label(advice, "text.action"), label(advice, "text.sendingIps"),
                    label(advice, "text.receivingIps"), label(advice, "text.helos"), label(advice, "text.reasonCodes"),
                    label(advice, "text.moreInformation"), label(advice, "text.policyStrings"),
                    label(advice, "text.tlsaRecords"), label(advice, "text.reference"), impacts(advice));
        }

        private static String label(AdviceCatalog advice, String key) {
            return advice.format(key, new Args(Args.Group.TEXT).put("reportId", "").put("organization", "")
                    .put("contact", "").put("start", "").put("end", "").put("domain", "").put("mx", ""));
        }

        private static Map<Impact, String> impacts(AdviceCatalog advice) {
            Map<Impact, String> names = new EnumMap<>(Impact.class);
            for (Impact i : Impact.values()) {
                names.put(i, advice.format("impact." + i.wireName()));
            }
            return names;
        }
    }

    private static void finding(List<String> out, Finding f, Labels labels, boolean ansi) {
        String tag = "[" + f.severity().name() + "]";
        List<String> title = Texts.wrap(f.title(), "  " + tag + " ", INDENT, WIDTH);
        if (ansi) {
            title.set(0, title.get(0).replace(tag, colour(f.severity()) + tag + RESET));
        }
        out.addAll(title);
        if (f.impact() != Impact.NO_EFFECT) {
            out.add(INDENT + labels.impact() + " " + labels.impacts().get(f.impact()));
        }
        out.addAll(Texts.wrap(f.explanation(), INDENT, INDENT, WIDTH));
        out.addAll(Texts.wrap(f.action(), INDENT + labels.action() + " ", INDENT + "  ", WIDTH));
        list(out, labels.sendingIps(), f.sendingIps(), false);
        list(out, labels.receivingIps(), f.receivingIps(), false);
        list(out, labels.helos(), f.receivingMxHelos(), true);
        list(out, labels.reasonCodes(), f.failureReasonCodes(), true);
        list(out, labels.moreInformation(), f.additionalInformation(), false);
        list(out, f.policyType() == dev.tlsrpt.model.PolicyType.TLSA ? labels.tlsaRecords() : labels.policyStrings(),
                f.policyStrings(), true);
        out.addAll(Texts.wrap(f.reference(), INDENT + labels.reference() + " ", INDENT + "  ", WIDTH));
    }

    /** A host or domain name from a report: an excerpt when it is a valid name, else a quoted one. */
    private static String name(String sent) {
        return Diagnoser.dnsName(sent) == null ? Texts.quote(sent) : Texts.excerpt(sent, 200);
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
            case OK -> "\u001b[32m";
        };
    }

    private static void list(List<String> out, String label, List<String> values, boolean quote) {
        if (values.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String v : values) {
            shown.add(quote ? Texts.quote(v) : Texts.excerpt(v));
        }
        out.addAll(Texts.wrap(String.join(", ", shown), INDENT + label + " ", INDENT + "  ", WIDTH));
    }
}
