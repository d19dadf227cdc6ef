package dev.tlsrpt.diagnose;

import dev.tlsrpt.model.DateRange;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.PolicyType;
import dev.tlsrpt.model.ResultType;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reports built in code with the model constructors, for the diagnosis tests. */
final class Reports {

    static final DateRange ONE_DAY = new DateRange(Instant.parse("2026-11-26T00:00:00Z"),
            Instant.parse("2026-11-26T23:59:59Z"));

    private Reports() {
    }

    static TlsReport report(PolicyResult... policies) {
        return new TlsReport("Example Mail Provider", ONE_DAY, "smtp-tls-reporting@mail-provider.example",
                "2026-11-26T00:00:00Z_example.com", List.of(policies));
    }

    /** An sts policy for example.com with mx lines for each host; mode null leaves the mode line out. */
    static Policy stsPolicy(@Nullable String mode, String... mx) {
        List<String> lines = new ArrayList<>();
        lines.add("version: STSv1");
        if (mode != null) {
            lines.add("mode: " + mode);
        }
        for (String m : mx) {
            lines.add("mx: " + m);
        }
        lines.add("max_age: 604800");
        return Policy.of(PolicyType.STS, lines, "example.com", List.of(mx));
    }

    static Policy tlsaPolicy() {
        return Policy.of(PolicyType.TLSA, List.of("3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"),
                "example.com", List.of());
    }

    static PolicyResult result(Policy policy, long successful, long failed, FailureDetail... details) {
        return new PolicyResult(policy, new Summary(successful, failed), List.of(details));
    }

    static FailureDetail failure(ResultType type, @Nullable String mx, long count) {
        return failure(type, mx, count, null, "198.51.100.23", "192.0.2.25");
    }

    static FailureDetail failure(ResultType type, @Nullable String mx, long count, @Nullable String code) {
        return failure(type, mx, count, code, "198.51.100.23", "192.0.2.25");
    }

    static FailureDetail failure(ResultType type, @Nullable String mx, long count, @Nullable String code,
            @Nullable String sendingIp, @Nullable String receivingIp) {
        return new FailureDetail(type, type.wireName(), sendingIp, mx, null, receivingIp, count, null, code);
    }

    /** The seed sample reports/valid/sample.json, built in code. */
    static TlsReport sample() {
        return report(result(stsPolicy("enforce", "mail.example.com", "backup.example.com"), 4821, 3,
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 2, "X509_V_ERR_CERT_HAS_EXPIRED",
                        "198.51.100.23", "192.0.2.25"),
                failure(ResultType.CERTIFICATE_EXPIRED, "mail.example.com", 1, "X509_V_ERR_CERT_HAS_EXPIRED",
                        "2001:db8:100::17", "2001:db8:25::25")));
    }
}
