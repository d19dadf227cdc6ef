package dev.tlsrpt.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Severity;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The many-reports guide, docs/many-reports.md, names every JSON member; and a daily run (load or create, add,
 * save, print the ongoing critical findings) gives what the guide promises.
 */
class ReadmeManyReportsTest {

    private static String section() throws IOException {
        return Files.readString(Path.of("..", "docs", "many-reports.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theExampleRunsAsWrittenOnTwoDaysOfReports(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("tlsrpt-state.json");
        TlsReport expired = Fixtures.report("Google", "g1", "2026-11-01").sts("example.com", "enforce").ok(100)
                .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 3).build();
        TlsReport still = Fixtures.report("Google", "g2", "2026-11-02").sts("example.com", "enforce").ok(90)
                .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 2).build();
        TlsReport old = Fixtures.report("Google", "g0", "2026-10-31").sts("example.com", "enforce").ok(80).build();

        String day1 = run(state, List.of(write(dir, "a.json", expired), write(dir, "b.json", old)));
        String day2 = run(state, List.of(write(dir, "c.json", still), write(dir, "a-copy.json", expired)));

        assertThat(day1).isEqualTo("example.com: The certificate of mx.example.com has expired, since 2026-11-01\n");
        assertThat(day2).isEqualTo(day1);
        ReportAggregate saved = ReportAggregate.load(state);
        assertThat(saved.reports()).isEqualTo(3);
        assertThat(saved.duplicates()).isEqualTo(1);
        AggregateSummary s = saved.summary(LocalDate.of(2026, 11, 1), null);
        assertThat(s.reports()).isEqualTo(2);
        assertThat(s.domains().get(0).failedSessions()).isEqualTo(5);
    }

    private static Path write(Path dir, String name, TlsReport report) throws IOException {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            TlsRpt.write(report, out);
        }
        return file;
    }

    /** The example, between the markers; returns what it printed to standard error. */
    private static String run(Path state, List<Path> newReports) throws IOException {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // ---- example
            ReportAggregate aggregate = Files.exists(state) ? ReportAggregate.load(state) : ReportAggregate.create();
            for (Path file : newReports) {
                aggregate.add(TlsRpt.parse(file));      // a copy of a report already added counts as a duplicate
            }
            aggregate.save(state);                      // the next run starts from here
            AggregateSummary summary = aggregate.summary(LocalDate.of(2026, 11, 1), null);   // since, until (inclusive)
            for (DomainSummary domain : summary.domains()) {
                for (AggregateFinding f : domain.findings()) {
                    if (f.status() == FindingStatus.ONGOING && f.severity() == Severity.CRITICAL) {
                        System.err.println(domain.policyDomain() + ": " + f.title() + ", since " + f.firstSeen());
                    }
                }
            }
            System.out.print(summary.toJson());         // toCsv(): one row per domain and day
            // ---- end
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(summary.toJson());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmeListsEveryJsonMemberName() throws IOException {
        String section = section();
        ReportAggregate a = ReportAggregateTest.of(
                Fixtures.report("Google", "g1", "2026-11-01").sts("example.com", "enforce").ok(100)
                        .fail(ResultType.CERTIFICATE_EXPIRED, "mx.example.com", 3).build());
        Map<String, Object> top = JsonMapper.builder().build().readValue(a.summary().toJson(), Map.class);
        List<Map<String, Object>> objects = new ArrayList<>();
        collect(top, objects);

        assertThat(objects).hasSizeGreaterThan(7);
        for (Map<String, Object> o : objects) {
            assertThat(o.keySet()).allSatisfy(name -> assertThat(section).contains("`" + name + "`"));
        }
        for (FindingStatus s : FindingStatus.values()) {
            assertThat(section).contains("`" + s.wireName() + "`");
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> map) {
            into.add((Map<String, Object>) map);
            map.values().forEach(v -> collect(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }
}
