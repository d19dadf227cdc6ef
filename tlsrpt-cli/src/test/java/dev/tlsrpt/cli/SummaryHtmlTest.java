package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.analysis.AggregateSummary;
import dev.tlsrpt.analysis.ReportAggregate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's HTML as text: self-contained, escaped, deterministic; the browser test shows how it renders. */
class SummaryHtmlTest {

    static AggregateSummary mailboxWithHostileReport() {
        ReportAggregate a = ReportAggregate.create();
        Mailbox.days().forEach(d -> a.add(Mailbox.report(d)));
        a.add(TlsRpt.parse(Mailbox.hostileReport().getBytes(StandardCharsets.UTF_8), ParseOptions.lenient()));
        return a.summary();
    }

    @Test
    void escapeMakesSenderTextTextInContentAndInDoubleQuotedAttributes() {
        assertThat(SummaryHtml.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(SummaryHtml.escape("\"><img src=x onerror='alert(2)'> & more"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt; &amp; more");
        assertThat(SummaryHtml.escape("mx\u202e\u2066\u001b[2J\u0085.example")).isEqualTo("mx\\u202e\\u2066\\u001b[2J\\u0085.example");
        assertThat(SummaryHtml.escape("m\u00fcller.example \u65e5\u672c")).isEqualTo("m\u00fcller.example \u65e5\u672c");
        assertThat(SummaryHtml.escape(null)).isEmpty();
    }

    @Test
    void thePageLoadsNothingAndHasNoScript() {
        String page = SummaryHtml.render(mailboxWithHostileReport(), List.of("a <b>.json: broken"), List.of("x\".txt"));

        // escaped text holds no '<': every '<' begins markup of ours, from short lists of elements and attributes
        Matcher tags = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[a-zA-Z0-9-]+(?:=\"[^\"]*\")?)*)\\s*/?>").matcher(page);
        java.util.Set<String> elements = new java.util.TreeSet<>();
        java.util.Set<String> attributes = new java.util.TreeSet<>();
        int end = 0;
        StringBuilder outside = new StringBuilder();
        while (tags.find()) {
            outside.append(page, end, tags.start());
            end = tags.end();
            elements.add(tags.group(2).toLowerCase(java.util.Locale.ROOT));
            Matcher a = Pattern.compile("([a-zA-Z0-9-]+)(?:=\"[^\"]*\")?").matcher(tags.group(3));
            while (a.find()) {
                attributes.add(a.group(1));
            }
        }
        outside.append(page.substring(end));
        assertThat(outside.toString().replace("<!DOCTYPE html>", "")).doesNotContain("<", ">");
        assertThat(elements).isSubsetOf("html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                "h3", "p", "div", "b", "span", "details", "summary", "ul", "li", "code", "nav", "a", "main",
                "section", "svg", "g", "line", "text", "rect", "table", "tr", "th", "td", "strong", "em", "footer");
        assertThat(attributes).isSubsetOf("class", "id", "href", "lang", "charset", "http-equiv", "content", "name",
                "xmlns", "width", "height", "viewBox", "role", "x", "y", "x1", "y1", "x2", "y2", "text-anchor",
                "data-date");
        assertThat(page).doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import")
                .doesNotContain("\u202e", "\u001b");
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'\">");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        int links = 0;
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).matches("#domain-[0-9]+");
            links++;
        }
        assertThat(links).isEqualTo(2);
        // the only URL is the SVG namespace name, which is never fetched
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "//");
    }

    @Test
    void senderMarkupIsShownAsText() {
        String page = SummaryHtml.render(mailboxWithHostileReport(), List.of("a <b>.json: broken"), List.of("x\".txt"));

        assertThat(page).contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>",
                "<code>&lt;svg onload=alert(3)&gt;</code> at <code>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</code>",
                "mx\\u202e\\u001b[2j.example.com", // host names are compared and shown in lower case
                "<code>a &lt;b&gt;.json: broken</code>", "<code>x&quot;.txt</code>");
    }

    @Test
    void theSameSummaryGivesTheSameBytes() {
        assertThat(SummaryHtml.render(mailboxWithHostileReport(), List.of(), List.of()))
                .isEqualTo(SummaryHtml.render(mailboxWithHostileReport(), List.of(), List.of()));
    }

    @Test
    void barHeightsAreInProportionToTheDataOnANiceScale() {
        String page = SummaryHtml.render(SummaryHtmlTest.mailbox(), List.of(), List.of());
        // example.com's largest day has 6,470 sessions: the scale's top is 10,000 (160 px)
        Matcher ok = Pattern.compile("<rect class=\"bar ok\" data-date=\"2026-11-04\" x=\"[0-9.]+\" y=\"([0-9.]+)\""
                + " width=\"[0-9.]+\" height=\"([0-9.]+)\">").matcher(page);
        assertThat(ok.find()).isTrue();
        assertThat(Double.parseDouble(ok.group(2))).isCloseTo(6300 / 10_000.0 * 160, within(0.01));
        assertThat(Double.parseDouble(ok.group(1)) + Double.parseDouble(ok.group(2))).isCloseTo(12 + 160, within(0.01));
        assertThat(page).contains("<text class=\"axis\" x=\"64\" y=\"16\" text-anchor=\"end\">10,000</text>",
                "text-anchor=\"end\">2.5%</text>", "text-anchor=\"end\">1.25%</text>");
    }

    static AggregateSummary mailbox() {
        ReportAggregate a = ReportAggregate.create();
        Mailbox.days().forEach(d -> a.add(Mailbox.report(d)));
        return a.summary();
    }

    @Test
    void theScaleIsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(SummaryHtml.nice(6470)).isEqualTo(10_000);
        assertThat(SummaryHtml.nice(691)).isEqualTo(1_000);
        assertThat(SummaryHtml.nice(2.08)).isEqualTo(2.5);
        assertThat(SummaryHtml.nice(7.65)).isEqualTo(10);
        assertThat(SummaryHtml.nice(1000)).isEqualTo(1000);
        assertThat(SummaryHtml.nice(1001)).isEqualTo(2000);
        assertThat(SummaryHtml.nice(0.0031)).isCloseTo(0.005, within(1e-12));
        assertThat(SummaryHtml.nice(0)).isEqualTo(1);
        assertThat(SummaryHtml.nice(Long.MAX_VALUE)).isEqualTo(1e19);
        assertThat(SummaryHtml.percent(1.25)).isEqualTo("1.25%");
        assertThat(SummaryHtml.percent(10)).isEqualTo("10%");
        assertThat(SummaryHtml.percent(0.005)).isEqualTo("0.005%");
    }

    @Test
    void aSummaryWithoutReportsIsAPageToo() {
        String page = SummaryHtml.render(ReportAggregate.create().summary(), List.of(), List.of());
        assertThat(page).contains("<title>TLS-RPT summary, no reports</title>", "0 reports from 0 reporters")
                .doesNotContain("<svg").endsWith("</html>\n");
    }
}
