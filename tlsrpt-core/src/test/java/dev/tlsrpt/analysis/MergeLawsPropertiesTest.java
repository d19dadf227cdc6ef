package dev.tlsrpt.analysis;

import static dev.tlsrpt.analysis.ReportAggregateTest.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ReportBuilder;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

/**
 * The merge laws, on generated sets of reports drawn from small pools of reporters, report-ids (one of them
 * blank: never deduplicated), days, domains (differing in case), MX hosts and result types, so that identical
 * copies, differing copies of one report and shared keys are common. Whatever the order of the reports and
 * however they are split into aggregates and merged back, the saved state and the summary are the very same
 * bytes as those of one aggregate fed everything; a Java serialisation round trip changes nothing.
 */
class MergeLawsPropertiesTest {

    private static final List<String> DOMAINS = List.of("a.example", "A.Example.", "b.example");
    private static final List<ResultType> TYPES = List.of(ResultType.CERTIFICATE_EXPIRED,
            ResultType.STARTTLS_NOT_SUPPORTED, ResultType.DANE_REQUIRED);

    @Property(tries = 300, seed = "1601", edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReportMode.OFF) // the coverage checks below still fail the property; no table printed
    void mergingInAnyOrderAndGroupingGivesWhatOneAggregateFedEverythingGives(
            @ForAll("reportSets") List<TlsReport> reports, @ForAll long shuffleSeed) throws Exception {
        coverage(reports);
        ReportAggregate all = fed(reports);
        String state = state(all);
        String json = all.summary().toJson();
        assertThat(all.reports() + all.duplicates()).isEqualTo(reports.size());

        Random random = new Random(shuffleSeed);
        List<TlsReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, random);
        assertThat(state(fed(shuffled))).isEqualTo(state);

        int i = random.nextInt(shuffled.size() + 1);
        int j = i + random.nextInt(shuffled.size() - i + 1);
        List<TlsReport> p1 = shuffled.subList(0, i);
        List<TlsReport> p2 = shuffled.subList(i, j);
        List<TlsReport> p3 = shuffled.subList(j, shuffled.size());

        ReportAggregate ab = fed(p1).merge(fed(p2));
        ReportAggregate ba = fed(p2).merge(fed(p1));
        assertThat(state(ab)).isEqualTo(state(ba));
        assertThat(ab.summary().toJson()).isEqualTo(ba.summary().toJson());

        ReportAggregate left = fed(p1).merge(fed(p2)).merge(fed(p3));
        ReportAggregate right = fed(p1).merge(fed(p2).merge(fed(p3)));
        ReportAggregate rotated = fed(p3).merge(fed(p1)).merge(fed(p2));
        for (ReportAggregate m : List.of(left, right, rotated)) {
            assertThat(state(m)).isEqualTo(state);
            assertThat(m.summary().toJson()).isEqualTo(json);
            assertThat(m.keys()).isEqualTo(all.keys());
        }

        LocalDate since = LocalDate.of(2026, 11, 1 + random.nextInt(4));
        LocalDate until = since.plusDays(random.nextInt(3));
        assertThat(left.summary(since, until).toJson()).isEqualTo(all.summary(since, until).toJson());
        assertThat(left.summary(since, until).toCsv()).isEqualTo(all.summary(since, until).toCsv());

        ReportAggregate copy = roundTrip(left);
        assertThat(state(copy)).isEqualTo(state);
        assertThat(copy.summary().toJson()).isEqualTo(json);
        assertThat(copy.maxKeys()).isEqualTo(left.maxKeys());

        assertThat(state(shuffled.parallelStream().collect(ReportAggregate.collector()))).isEqualTo(state);
    }

    /** The generator must give what the laws are about often: identical and differing copies, blank ids. */
    private static void coverage(List<TlsReport> reports) {
        Map<List<String>, Set<TlsReport>> byId = new HashMap<>();
        Set<TlsReport> seen = new HashSet<>();
        boolean identical = false;
        for (TlsReport r : reports) {
            identical |= !seen.add(r) && !r.reportId().isBlank();
            if (!r.reportId().isBlank()) {
                byId.computeIfAbsent(List.of(r.organizationName(), r.reportId()), k -> new HashSet<>()).add(r);
            }
        }
        boolean differing = byId.values().stream().anyMatch(copies -> copies.size() > 1);
        boolean blank = reports.stream().anyMatch(r -> r.reportId().isBlank());
        Statistics.label("identical copies").collect(identical);
        Statistics.label("identical copies").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("differing copies").collect(differing);
        Statistics.label("differing copies").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("blank report-id").collect(blank);
        Statistics.label("blank report-id").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    static ReportAggregate fed(List<TlsReport> reports) {
        ReportAggregate a = ReportAggregate.create();
        reports.forEach(a::add);
        return a;
    }

    static ReportAggregate roundTrip(ReportAggregate a) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ReportAggregate) in.readObject();
        }
    }

    @Provide
    Arbitrary<List<TlsReport>> reportSets() {
        Arbitrary<List<TlsReport>> pool = report().list().ofMinSize(2).ofMaxSize(6);
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(14);
        return Combinators.combine(pool, picks).as((p, idx) -> {
            List<TlsReport> out = new ArrayList<>();
            for (int i : idx) {
                out.add(p.get(i % p.size()));
            }
            return out;
        });
    }

    private Arbitrary<TlsReport> report() {
        Arbitrary<String> org = Arbitraries.of("Alpha", "Beta");
        Arbitrary<String> id = Arbitraries.of("1", "2", "");
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 6);
        Arbitrary<List<List<Integer>>> policies = Arbitraries.integers().between(0, 20).list().ofSize(7).list()
                .ofMinSize(0).ofMaxSize(2);
        return Combinators.combine(org, id, day, policies).as((o, i, d, ps) -> {
            ReportBuilder b = new ReportBuilder().organization(o).contact("tls@" + o + ".example").reportId(i)
                    .day(LocalDate.of(2026, 11, d));
            for (List<Integer> p : ps) {
                String domain = DOMAINS.get(p.get(0) % DOMAINS.size());
                switch (p.get(1) % 3) {
                    case 0 -> b.stsPolicy(domain, "version: STSv1", "mode: enforce", "mx: mx1.a.example");
                    case 1 -> b.stsPolicy(domain, "version: STSv1", "mode: testing", "mx: mx1.a.example");
                    default -> b.tlsaPolicy(domain, "3 1 1 00ff");
                }
                b.success(p.get(2));
                for (int f = 0; f < p.get(3) % 3; f++) {
                    ResultType type = TYPES.get((p.get(4) + f) % TYPES.size());
                    String mx = (p.get(5) + f) % 3 == 0 ? "mx1.a.example" : (p.get(5) + f) % 3 == 1 ? "MX1.a.example."
                            : "mx2.b.example";
                    b.failure(type, "192.0.2." + (p.get(6) % 4 + 1), mx, f + p.get(6) % 5);
                }
            }
            return b.build();
        });
    }
}
