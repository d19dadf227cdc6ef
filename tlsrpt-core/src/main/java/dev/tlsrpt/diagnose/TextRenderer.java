package dev.tlsrpt.diagnose;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

    static String render(Diagnosis d, AdviceCatalog catalog, boolean ansi) {
        AdviceCatalog.Formatter advice = catalog.formatter();
        Labels labels = new Labels(advice);
        List<String> out = new ArrayList<>();
        String reportId = d.reportId();
        out.add(reportId == null ? advice.format("text.reportWithoutId")
                : advice.format("text.report", Texts.excerpt(reportId, 200)));
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
                headings.put(key, mx == null ? advice.format("text.groupNoMx", domainText)
                        : advice.format("text.groupMx", domainText, f.mxHostSource() == MxHostSource.RECEIVING_MX_HOSTNAME
                                ? name(mx) : Texts.excerpt(mx, 200)));
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
            out.add(ansi ? BOLD + advice.format("text.groupReport") + RESET : advice.format("text.groupReport"));
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

    /** The labels of a finding's lines, formatted once per rendering. */
    private record Labels(String action, String sendingIps, String receivingIps, String reasonCodes,
            String moreInformation, String reference) {
        Labels(AdviceCatalog.Formatter advice) {
            this(advice.format("text.action"), advice.format("text.sendingIps"), advice.format("text.receivingIps"),
                    advice.format("text.reasonCodes"), advice.format("text.moreInformation"),
                    advice.format("text.reference"));
        }
    }

    private static void finding(List<String> out, Finding f, Labels labels, boolean ansi) {
        String tag = "[" + f.severity().name() + "]";
        List<String> title = Texts.wrap(f.title(), "  " + tag + " ", INDENT, WIDTH);
        if (ansi) {
            title.set(0, title.get(0).replace(tag, colour(f.severity()) + tag + RESET));
        }
        out.addAll(title);
        out.addAll(Texts.wrap(f.explanation(), INDENT, INDENT, WIDTH));
        out.addAll(Texts.wrap(f.action(), INDENT + labels.action() + " ", INDENT + "  ", WIDTH));
        list(out, labels.sendingIps(), f.sendingIps(), false);
        list(out, labels.receivingIps(), f.receivingIps(), false);
        list(out, labels.reasonCodes(), f.failureReasonCodes(), true);
        list(out, labels.moreInformation(), f.additionalInformation(), false);
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
