package dev.tlsrpt.analysis;

import dev.tlsrpt.ReportBuilder;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.TlsReport;
import java.time.LocalDate;

/** Small reports for the analysis tests, built in a line each. */
final class Fixtures {
    private Fixtures() {
    }

    /** A report of {@code org} with id {@code id} for the UTC day {@code day} (YYYY-MM-DD). */
    static Builder report(String org, String id, String day) {
        return new Builder(org, id, day);
    }

    static final class Builder {
        private final ReportBuilder b;

        Builder(String org, String id, String day) {
            b = new ReportBuilder().organization(org).contact("tlsrpt@" + org.toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '-') + ".example").reportId(id).day(LocalDate.parse(day));
        }

        /** An sts policy for the domain in the given mode, with an mx line for mx.&lt;domain&gt;. */
        Builder sts(String domain, String mode) {
            b.stsPolicy(domain, "version: STSv1", "mode: " + mode, "mx: mx." + domain, "max_age: 86400");
            return this;
        }

        Builder tlsa(String domain) {
            b.tlsaPolicy(domain, "3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            return this;
        }

        Builder ok(long sessions) {
            b.success(sessions);
            return this;
        }

        Builder fail(ResultType type, String mx, long sessions) {
            b.failure(type, "192.0.2.1", mx, sessions);
            return this;
        }

        Builder totalFailures(long sessions) {
            b.totalFailures(sessions);
            return this;
        }

        TlsReport build() {
            return b.build();
        }
    }
}
