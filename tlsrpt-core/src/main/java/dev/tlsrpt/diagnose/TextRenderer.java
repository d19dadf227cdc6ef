package dev.tlsrpt.diagnose;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
        List<String> out = new ArrayList<>();
        out.add(advice.format("text.report", Texts.excerpt(d.reportId(), 200)));
        String contact = d.contactInfo();
        out.add(advice.format(contact == null ? "text.from" : "text.fromContact",
                Texts.excerpt(d.organizationName(), 200), contact == null ? "" : Texts.excerpt(contact, 200)));
        out.add(advice.format("text.period", DateTimeFormatter.ISO_INSTANT.format(d.dateRange().start()),
                DateTimeFormatter.ISO_INSTANT.format(d.dateRange().end())));
        List<String> verdict = Texts.wrap(d.verdict(), advice.format("text.verdict") + " ", INDENT, WIDTH);
        if (ansi) {
            verdict.set(0, BOLD + colour(d.severity()) + verdict.get(0) + RESET);
        }
        out.addAll(verdict);

        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        List<Finding> reportLevel = new ArrayList<>();
        for (Finding f : d.findings()) {
            if (f.policyIndex() < 0 || f.kind() == FindingKind.PARSE_DEVIATION) {
                reportLevel.add(f);
                continue;
            }
            String domain = f.policyDomain() == null ? advice.format("placeholder.domain") : f.policyDomain();
            String mx = f.mxHost();
            String key = domain.toLowerCase(Locale.ROOT) + "\u0000" + (mx == null ? "" : mx.toLowerCase(Locale.ROOT));
            headings.putIfAbsent(key, mx == null
                    ? advice.format("text.groupNoMx", Texts.excerpt(domain, 200))
                    : advice.format("text.groupMx", Texts.excerpt(domain, 200), Texts.excerpt(mx, 200)));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> g : groups.entrySet()) {
            out.add("");
            out.add(ansi ? BOLD + headings.get(g.getKey()) + RESET : headings.get(g.getKey()));
            for (Finding f : g.getValue()) {
                finding(out, f, advice, ansi);
            }
        }
        if (!reportLevel.isEmpty()) {
            out.add("");
            out.add(ansi ? BOLD + advice.format("text.groupReport") + RESET : advice.format("text.groupReport"));
            for (Finding f : reportLevel) {
                finding(out, f, advice, ansi);
            }
        }
        StringBuilder b = new StringBuilder();
        for (String line : out) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static void finding(List<String> out, Finding f, AdviceCatalog advice, boolean ansi) {
        String tag = "[" + f.severity().name() + "]";
        List<String> title = Texts.wrap(f.title(), "  " + tag + " ", INDENT, WIDTH);
        if (ansi) {
            title.set(0, title.get(0).replace(tag, colour(f.severity()) + tag + RESET));
        }
        out.addAll(title);
        out.addAll(Texts.wrap(f.explanation(), INDENT, INDENT, WIDTH));
        out.addAll(Texts.wrap(f.action(), INDENT + advice.format("text.action") + " ", INDENT + "  ", WIDTH));
        list(out, advice.format("text.sendingIps"), f.sendingIps(), false);
        list(out, advice.format("text.receivingIps"), f.receivingIps(), false);
        list(out, advice.format("text.reasonCodes"), f.failureReasonCodes(), true);
        list(out, advice.format("text.moreInformation"), f.additionalInformation(), false);
        out.addAll(Texts.wrap(f.reference(), INDENT + advice.format("text.reference") + " ", INDENT + "  ", WIDTH));
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
