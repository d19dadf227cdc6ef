package dev.tlsrpt.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.hostile.HostileReports;
import org.junit.jupiter.api.Test;

/**
 * Sums over a report's counts (issue 13): every count may be 2^63-1 in a strict-valid report, so sums of
 * them must not throw; they saturate at {@link Long#MAX_VALUE}, and shares are computed without overflow.
 */
class CountSumsTest {

    @Test
    void sumsOfAStrictValidReportSaturateInsteadOfThrowing() {
        TlsReport report = TlsRpt.parse(HostileReports.maxCounts(), ParseOptions.strict());
        PolicyResult policy = report.policies().get(0);

        assertThat(policy.summary().totalSessionCount()).isEqualTo(Long.MAX_VALUE);
        assertThat(policy.summary().failureShare()).isEqualTo(0.5);
        assertThat(policy.failedSessionSum()).isEqualTo(Long.MAX_VALUE);
        assertThat(report.totalSuccessfulSessions()).isEqualTo(Long.MAX_VALUE);
        assertThat(report.totalFailureSessions()).isEqualTo(Long.MAX_VALUE);
        assertThat(TlsRpt.diagnose(report).totalSessions()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sumsBelowTheLimitAreExact() {
        assertThat(new Summary(Long.MAX_VALUE - 5, 5).totalSessionCount()).isEqualTo(Long.MAX_VALUE);
        assertThat(new Summary(Long.MAX_VALUE - 5, 6).totalSessionCount()).isEqualTo(Long.MAX_VALUE);
        assertThat(new Summary(4821, 3).totalSessionCount()).isEqualTo(4824);
        assertThat(new Summary(1, 3).failureShare()).isEqualTo(0.75);
        assertThat(new Summary(0, 0).failureShare()).isZero();
        assertThat(new Summary(Long.MAX_VALUE, 1).failureShare()).isPositive().isLessThan(1e-18);
        assertThat(new Summary(1, Long.MAX_VALUE).failureShare()).isEqualTo(1.0);
    }
}
