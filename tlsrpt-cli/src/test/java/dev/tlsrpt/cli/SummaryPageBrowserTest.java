package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML page of {@code tlsrpt summary --format html} in a real browser: headless Chromium from Debian's
 * {@code chromium} and {@code chromium-driver} packages ({@code .ci/run} installs them). A missing browser
 * fails the test; it never skips. The driver and the browser are named, so Selenium Manager is never asked
 * (it would download them). One browser for all the tests.
 */
class SummaryPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The height of a chart's plot area, which no bar may pass. */
    static final double PLOT = SummaryHtml.PLOT_HEIGHT;
    /** How far a bar's rendered height may be from its share of the scale, in CSS pixels. */
    static final double TOLERANCE = 0.5;

    @TempDir
    static Path tmp;

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path page;
    private static Path hostilePage;

    @BeforeAll
    static void startBrowserAndWritePages() throws Exception {
        String install = "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver,"
                + " as .ci/run does): the HTML page is tested in a real browser";
        assertThat(Files.isExecutable(CHROMIUM)).as(CHROMIUM + " missing: " + install).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as(CHROMEDRIVER + " missing: " + install).isTrue();

        Path mailbox = Mailbox.write(tmp.resolve("mailbox"));
        Run run = Run.tlsrpt("summary", "--format", "html", mailbox.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        page = Files.writeString(tmp.resolve("summary.html"), run.out, StandardCharsets.UTF_8);

        Path hostile = Mailbox.write(tmp.resolve("hostile"));
        Files.writeString(hostile.resolve("zz-evil.json"), Mailbox.hostileReport(), StandardCharsets.UTF_8);
        Run evil = Run.tlsrpt("summary", "--format", "html", hostile.toString());
        assertThat(evil.err).as(evil.toString()).isEmpty();
        hostilePage = Files.writeString(tmp.resolve("hostile.html"), evil.out, StandardCharsets.UTF_8);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private static void open(Path file) {
        driver.get(file.toUri().toString());
        assertThat(driver.getTitle()).startsWith("TLS-RPT summary");
    }

    /** The browser's console messages at SEVERE, collected since the last call. */
    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** An element's rendered box in CSS pixels: x, y, width, height. */
    private static double[] box(WebElement e) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height};", e);
        return new double[] {number(r.get("x")), number(r.get("y")), number(r.get("w")), number(r.get("h"))};
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    /**
     * Asserts that the bars' rendered heights are in the proportions of the values: one scale (pixels per
     * unit, fitted to the largest bar) gives every height within {@link #TOLERANCE}, and no bar passes the plot.
     */
    private static void assertProportional(List<double[]> boxes, List<Double> values, String what) {
        assertThat(boxes).as(what).hasSameSizeAs(values);
        int largest = 0;
        for (int i = 0; i < values.size(); i++) {
            largest = values.get(i) > values.get(largest) ? i : largest;
        }
        assertThat(values.get(largest)).as(what + ": some bar is not zero").isPositive();
        double scale = boxes.get(largest)[3] / values.get(largest);
        // the scale's top is at most 2.5 times the largest value (1, 2, 2.5, 5 x 10^n): the largest bar is tall
        assertThat(boxes.get(largest)[3]).as(what + ": the largest bar").isBetween(PLOT / 2.5 - TOLERANCE, PLOT + TOLERANCE);
        for (int i = 0; i < values.size(); i++) {
            assertThat(boxes.get(i)[3]).as(what + ": bar " + i + " of value " + values.get(i))
                    .isCloseTo(values.get(i) * scale, within(TOLERANCE));
        }
    }

    @Test
    void thePageLoadsWithoutConsoleErrorsAndLoadsNothingElse() {
        open(page);

        assertThat(consoleErrors()).isEmpty();
        assertThat(driver.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("section.domain h2")).stream().map(WebElement::getText))
                .containsExactly("example.com", "example.org");
    }

    @Test
    void theSessionsChartHasOneBarPerDayInTheDatasProportions() {
        open(page);
        Map<LocalDate, long[]> days = Mailbox.perDay("example.com");
        List<WebElement> ok = driver.findElements(By.cssSelector("#domain-1 svg.chart.sessions rect.bar.ok"));
        List<WebElement> failed = driver.findElements(By.cssSelector("#domain-1 svg.chart.sessions rect.bar.failed"));

        assertThat(ok).hasSize(days.size()).hasSize(Mailbox.DAYS);
        assertThat(failed).hasSize(days.size());
        List<double[]> okBoxes = new ArrayList<>();
        List<double[]> failedBoxes = new ArrayList<>();
        List<Double> successful = new ArrayList<>();
        List<Double> failures = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>(days.keySet());
        for (int i = 0; i < ok.size(); i++) {
            assertThat(ok.get(i).getAttribute("data-date")).isEqualTo(dates.get(i).toString());
            assertThat(failed.get(i).getAttribute("data-date")).isEqualTo(dates.get(i).toString());
            okBoxes.add(box(ok.get(i)));
            failedBoxes.add(box(failed.get(i)));
            successful.add((double) days.get(dates.get(i))[0]);
            failures.add((double) days.get(dates.get(i))[1]);
        }
        assertProportional(okBoxes, successful, "successful sessions");
        double scale = okBoxes.get(0)[3] / successful.get(0);
        for (int i = 0; i < ok.size(); i++) {
            // the failed part stands on the successful part, on the same scale, one day's slot to the right
            assertThat(failedBoxes.get(i)[3]).isCloseTo(failures.get(i) * scale, within(TOLERANCE));
            assertThat(failedBoxes.get(i)[1] + failedBoxes.get(i)[3]).isCloseTo(okBoxes.get(i)[1], within(TOLERANCE));
            assertThat(okBoxes.get(i)[1] + okBoxes.get(i)[3]).isCloseTo(okBoxes.get(0)[1] + okBoxes.get(0)[3],
                    within(TOLERANCE));
            if (i > 0) {
                assertThat(okBoxes.get(i)[0]).isGreaterThan(okBoxes.get(i - 1)[0] + okBoxes.get(i - 1)[2]);
            }
        }
        // 2026-11-06 has the most failed sessions (445): its red part is the tallest
        assertThat(failedBoxes.get(5)[3]).isEqualTo(failedBoxes.stream().mapToDouble(b -> b[3]).max().orElseThrow());
    }

    @Test
    void theShareChartShowsEachDaysFailureShare() {
        open(page);
        for (String domain : List.of("example.com", "example.org")) {
            String section = domain.equals("example.com") ? "#domain-1" : "#domain-2";
            Map<LocalDate, long[]> days = Mailbox.perDay(domain);
            List<WebElement> bars = driver.findElements(By.cssSelector(section + " svg.chart.share rect.bar.share"));
            List<double[]> boxes = new ArrayList<>();
            List<Double> shares = new ArrayList<>();
            for (WebElement bar : bars) {
                long[] v = days.get(LocalDate.parse(bar.getAttribute("data-date")));
                boxes.add(box(bar));
                shares.add((double) v[1] / (v[0] + v[1]));
            }
            assertThat(bars).hasSize(days.size());
            assertProportional(boxes, shares, domain + " failure share");
        }
    }

    @Test
    void failuresByResultTypeAndMxHostAreBarsInProportion() {
        open(page);
        List<WebElement> types = driver.findElements(By.cssSelector("#domain-1 table.result-types tr"));
        assertThat(types.stream().map(WebElement::getText)).containsExactly(
                "Result type Failed sessions Reports", "certificate-expired 1,108 12", "starttls-not-supported 155 4");
        List<WebElement> bars = driver.findElements(By.cssSelector("#domain-1 table.mx-hosts rect.tally"));
        assertThat(bars).hasSize(2);
        assertThat(box(bars.get(1))[2] / box(bars.get(0))[2]).isCloseTo(155.0 / 1108, within(0.01));
        assertThat(box(bars.get(0))[2]).isCloseTo(SummaryHtml.TALLY_BAR, within(TOLERANCE));
    }

    @Test
    void findingsShowSeverityStatusDaysReportersAndWhatToDo() {
        open(page);
        List<WebElement> rows = driver.findElements(By.cssSelector("#domain-1 table.findings tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).getText()).startsWith("CRITICAL ongoing starttls-not-supported at mx1.example.com 155 4"
                + " 2026-11-11 2026-11-14 Mailer Two mx1.example.com does not offer STARTTLS")
                .contains("Only Mailer Two reports this problem");
        assertThat(rows.get(2).getText()).startsWith("CRITICAL resolved certificate-expired at mx2.example.com 1,108 12"
                + " 2026-11-04 2026-11-07 Example Mail, Mailer Two, Northwind ISP");
        List<WebElement> reporters = driver.findElements(By.cssSelector("#domain-1 table.domain-reporters tr"));
        assertThat(reporters.get(3).getText()).isEqualTo("Northwind ISP 9 4,725 63 1.32% 2026-11-09 silent");
        assertThat(reporters.get(3).getAttribute("class")).isEqualTo("is-silent");
        assertThat(driver.findElements(By.cssSelector("table.all-reporters tr.is-silent")).stream().map(WebElement::getText))
                .containsExactly("Northwind ISP 9 2026-11-01 2026-11-09 silent: nothing since 2026-11-09");
    }

    @Test
    void aSendersMarkupIsShownAsTextAndNeverRuns() {
        open(hostilePage);

        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(consoleErrors()).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).isEmpty();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.executeScript("return document.querySelectorAll('[onload], [onerror]').length")).isEqualTo(0L);
        assertThat(driver.findElements(By.xpath("//table[@class='all-reporters']//td[text()='" + Mailbox.SCRIPT_ORG + "']")))
                .hasSize(1);
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(text).contains("<svg onload=alert(3)> at \"><img src=x onerror=alert(2)>",
                "mx\\u202e\\u001b[2j.example.com").doesNotContain("\u202e", "\u001b");
    }

    @Test
    void aScreenshotOfThePage() throws Exception {
        open(page);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        // docs/images/summary.png is this screenshot, copied by hand when the page changes
        Path shot = Files.write(Path.of("target", "summary-page.png"), png);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
