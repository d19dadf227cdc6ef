package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the hostile tests, the fuzz targets and the thread-safety test hold every parse to: a parse either
 * returns a report or throws {@link MalformedReportException} (or its {@link LimitExceededException}),
 * nothing else; the error is well formed; the whole-report parse and the streaming reader agree; and strict,
 * lenient and tight-limit parses agree with each other.
 */
final class ReportChecks {

    /** The names {@link LimitExceededException#limitName()} may take: the {@link ParseOptions} limits. */
    static final Set<String> LIMIT_NAMES = Set.of("maxCompressedBytes", "maxDecompressedBytes", "maxNestingDepth",
            "maxStringLength", "maxPolicies", "maxFailureDetails", "maxListLength", "maxDeviations");

    /** Small limits, so that the fuzzer reaches every limit with inputs of a few kilobytes. */
    static final ParseOptions TIGHT = ParseOptions.lenient()
            .withMaxCompressedBytes(3000)
            .withMaxDecompressedBytes(6000)
            .withMaxNestingDepth(8)
            .withMaxStringLength(40)
            .withMaxPolicies(3)
            .withMaxFailureDetails(5);

    private ReportChecks() {
    }

    /**
     * The result of one parse: the report and deviations, or the library's own error.
     *
     * @param result the parse result, when it succeeded
     * @param error the error, when it failed
     */
    record Outcome(@Nullable ParseResult result, @Nullable MalformedReportException error) {

        boolean ok() {
            return result != null;
        }

        ParseResult get() {
            return Objects.requireNonNull(result, () -> "expected a report, got " + error);
        }

        MalformedReportException failure() {
            return Objects.requireNonNull(error, () -> "expected an error, got " + result);
        }

        /** What identifies the outcome: the report and deviations, or the error's class and location. */
        Object identity() {
            if (result != null) {
                return result;
            }
            MalformedReportException e = failure();
            return List.of(e.getClass().getName(), e.pointer(), e.line(), e.column(), e.problem(),
                    String.valueOf(e.deviationKind()),
                    e instanceof LimitExceededException l ? l.limitName() + "=" + l.limit() : "");
        }
    }

    /**
     * Parses bytes with the whole-report reader. Any exception other than {@link MalformedReportException}
     * propagates: that is a bug.
     */
    static Outcome parse(byte[] data, ParseOptions options) {
        try {
            return new Outcome(TlsRpt.parseWithDeviations(data, options), null);
        } catch (MalformedReportException e) {
            checkWellFormed(e);
            return new Outcome(null, e);
        }
    }

    /** Parses bytes with the streaming reader and rebuilds the report from what the visitor received. */
    static Outcome stream(byte[] data, ParseOptions options) {
        Collector c = new Collector();
        try {
            TlsRpt.stream(new ByteArrayInputStream(data), options, c);
        } catch (MalformedReportException e) {
            checkWellFormed(e);
            return new Outcome(null, e);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return new Outcome(c.result(), null);
    }

    /**
     * Every check on one input: each mode and the tight limits, parse and stream. Returns the lenient
     * outcome.
     */
    static Outcome checkAll(byte[] data) {
        Outcome lenient = parse(data, ParseOptions.lenient());
        Outcome strict = parse(data, ParseOptions.strict());
        Outcome tight = parse(data, TIGHT);

        assertThat(stream(data, ParseOptions.lenient()).identity()).as("stream = parse (lenient)")
                .isEqualTo(lenient.identity());
        assertThat(stream(data, ParseOptions.strict()).identity()).as("stream = parse (strict)")
                .isEqualTo(strict.identity());
        if (data.length >= 2 && data[0] == (byte) 0x1f && data[1] == (byte) 0x8b) {
            // gzip inflated on a second thread from the first byte: the same report, or the same error
            assertThat(parse(data, ParseOptions.lenient().withParallelInflateThreshold(0)).identity())
                    .as("inflating on a second thread = on the calling thread (lenient)").isEqualTo(lenient.identity());
            assertThat(stream(data, ParseOptions.strict().withParallelInflateThreshold(0)).identity())
                    .as("inflating on a second thread = on the calling thread (strict)").isEqualTo(strict.identity());
        }
        // maxDeviations bounds what parse collects; stream holds no deviation and delivers every one
        boolean deviationLimit = !lenient.ok() && lenient.failure() instanceof LimitExceededException l
                && l.limitName().equals("maxDeviations");
        if (!deviationLimit) {
            assertThat(stream(data, ParseOptions.lenient().withMaxDeviations(1)).identity())
                    .as("stream delivers every deviation whatever maxDeviations").isEqualTo(lenient.identity());
        }
        if (lenient.ok() && lenient.get().deviations().size() >= 2) {
            long d = lenient.get().deviations().size();
            assertThat(parse(data, ParseOptions.lenient().withMaxDeviations(d)).identity())
                    .as("exactly maxDeviations deviations are collected").isEqualTo(lenient.identity());
            assertThat(parse(data, ParseOptions.lenient().withMaxDeviations(d - 1)).error())
                    .as("one deviation more than maxDeviations").isInstanceOfSatisfying(LimitExceededException.class,
                            l -> {
                                assertThat(l.limitName()).isEqualTo("maxDeviations");
                                assertThat(l.pointer()).isEqualTo(lenient.get().deviations().get((int) d - 1).pointer());
                            });
        }

        if (strict.ok()) {
            assertThat(lenient.ok()).as("strict accepted, so lenient must").isTrue();
            assertThat(lenient.get().report()).isEqualTo(strict.get().report());
            assertThat(lenient.get().deviations()).as("strict accepted, so nothing to tolerate").isEmpty();
            assertThat(strict.get().deviations()).isEmpty();
        }
        if (lenient.ok() && lenient.get().deviations().isEmpty()) {
            assertThat(strict.ok()).as("lenient tolerated nothing, so strict must accept: " + strict.error())
                    .isTrue();
        }
        if (!lenient.ok() && lenient.failure().deviationKind() == null) {
            assertThat(strict.ok()).as("lenient failed on " + lenient.error() + ", so strict must").isFalse();
        }
        if (!strict.ok() && strict.failure().deviationKind() != null && lenient.ok()) {
            assertThat(lenient.get().deviations()).as("strict rejected a deviation lenient reports")
                    .contains(new Deviation(strict.failure().deviationKind(), strict.failure().pointer(),
                            strict.failure().line(), strict.failure().column(),
                            lenient.get().deviations().stream()
                                    .filter(d -> d.kind() == strict.failure().deviationKind()
                                            && d.pointer().equals(strict.failure().pointer()))
                                    .map(Deviation::message).findFirst().orElse("(none at that pointer)")));
        }
        if (lenient.ok()) {
            checkWithinLimits(lenient.get(), ParseOptions.lenient());
            for (Deviation d : lenient.get().deviations()) {
                checkPointer(d.pointer());
                assertThat(d.message()).isNotBlank();
                assertThat(d.line() >= 1 || d.line() == -1).as("line of " + d).isTrue();
                assertThat(d.column() >= 1 || d.column() == -1).as("column of " + d).isTrue();
            }
        }
        if (tight.ok()) {
            checkWithinLimits(tight.get(), TIGHT);
            assertThat(tight.identity()).as("tight limits only stop reading").isEqualTo(lenient.identity());
        } else if (!(tight.failure() instanceof LimitExceededException)) {
            assertThat(lenient.identity()).as("the same error before any limit").isEqualTo(tight.identity());
        }
        return lenient;
    }

    /** The error carries a usable location and a short problem. */
    static void checkWellFormed(MalformedReportException e) {
        assertThat(e.problem()).isNotBlank();
        checkPointer(e.pointer());
        assertThat(e.line() >= 1 || e.line() == -1).as("line of " + e).isTrue();
        assertThat(e.column() >= 1 || e.column() == -1).as("column of " + e).isTrue();
        assertThat(e.problem().length()).as("the problem quotes only a short excerpt: " + e.problem())
                .isLessThanOrEqualTo(400);
        if (e instanceof LimitExceededException l) {
            assertThat(l.limitName()).isIn(LIMIT_NAMES);
            assertThat(l.limit()).isPositive();
        }
    }

    static void checkPointer(String pointer) {
        assertThat(pointer.isEmpty() || pointer.startsWith("/")).as("RFC 6901 pointer: " + pointer).isTrue();
        assertThat(pointer).as("~ escaped in " + pointer).doesNotContainPattern("~(?![01])");
    }

    static void checkWithinLimits(ParseResult r, ParseOptions o) {
        TlsReport report = r.report();
        assertThat((long) report.policies().size()).isLessThanOrEqualTo(o.maxPolicies());
        long details = report.policies().stream().mapToLong(p -> p.failureDetails().size()).sum();
        assertThat(details).isLessThanOrEqualTo(o.maxFailureDetails());
        List<String> strings = new ArrayList<>();
        strings.add(report.organizationName());
        strings.add(report.reportId());
        strings.add(report.contactInfo());
        for (PolicyResult p : report.policies()) {
            strings.add(p.policy().policyTypeName());
            strings.add(p.policy().policyDomain());
            strings.addAll(p.policy().policyStrings());
            strings.addAll(p.policy().mxHosts());
            for (FailureDetail d : p.failureDetails()) {
                strings.addAll(java.util.Arrays.asList(d.resultTypeName(), d.sendingMtaIp(),
                        d.receivingMxHostname(), d.receivingMxHelo(), d.receivingIp(), d.additionalInformation(),
                        d.failureReasonCode()));
            }
        }
        for (String s : strings) {
            if (s != null) {
                assertThat(s.length()).as("string within maxStringLength").isLessThanOrEqualTo(o.maxStringLength());
            }
        }
    }

    /** A visitor that keeps everything, to rebuild the report. */
    static final class Collector implements ReportVisitor {
        private @Nullable ReportHeader header;
        private int headers;
        private final List<PolicyResult> policies = new ArrayList<>();
        private @Nullable Policy policy;
        private @Nullable Summary summary;
        private final List<FailureDetail> details = new ArrayList<>();
        private final List<Deviation> deviations = new ArrayList<>();

        @Override
        public void header(ReportHeader header) {
            this.header = header;
            headers++;
        }

        @Override
        public void policy(Policy policy, Summary summary) {
            flush();
            this.policy = policy;
            this.summary = summary;
        }

        @Override
        public void failureDetail(Policy policy, FailureDetail detail) {
            assertThat(policy).as("detail of the policy last delivered").isSameAs(this.policy);
            details.add(detail);
        }

        @Override
        public void deviation(Deviation deviation) {
            deviations.add(deviation);
        }

        private void flush() {
            if (policy != null) {
                policies.add(new PolicyResult(policy, Objects.requireNonNull(summary), details));
                details.clear();
            }
        }

        ParseResult result() {
            flush();
            policy = null;
            assertThat(headers).as("header delivered once").isEqualTo(1);
            ReportHeader h = Objects.requireNonNull(header);
            return new ParseResult(new TlsReport(h.organizationName(), h.dateRange(), h.contactInfo(), h.reportId(),
                    policies), deviations);
        }
    }
}
