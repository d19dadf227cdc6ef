package dev.tlsrpt.internal;

import dev.tlsrpt.Deviation;
import dev.tlsrpt.ParseResult;
import dev.tlsrpt.ReportVisitor;
import dev.tlsrpt.model.FailureDetail;
import dev.tlsrpt.model.Policy;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.ReportHeader;
import dev.tlsrpt.model.Summary;
import dev.tlsrpt.model.TlsReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The visitor that {@code TlsRpt.parse} streams into: builds the whole report. */
final class Collector implements ReportVisitor {
    private @Nullable ReportHeader header;
    private final List<PolicyResult> policies = new ArrayList<>();
    private final List<Deviation> deviations = new ArrayList<>();
    private @Nullable Policy policy;
    private @Nullable Summary summary;
    private List<FailureDetail> details = new ArrayList<>();

    @Override
    public void header(ReportHeader header) {
        this.header = header;
    }

    @Override
    public void policy(Policy policy, Summary summary) {
        finishPolicy();
        this.policy = policy;
        this.summary = summary;
        this.details = new ArrayList<>();
    }

    @Override
    public void failureDetail(Policy policy, FailureDetail detail) {
        details.add(detail);
    }

    @Override
    public void deviation(Deviation deviation) {
        deviations.add(deviation);
    }

    private void finishPolicy() {
        Policy p = policy;
        Summary s = summary;
        if (p != null && s != null) {
            policies.add(new PolicyResult(p, s, details));
            policy = null;
            summary = null;
        }
    }

    ParseResult result() {
        finishPolicy();
        ReportHeader h = header;
        if (h == null) {
            throw new IllegalStateException("the reader delivers the header before it returns");
        }
        return new ParseResult(new TlsReport(h.organizationName(), h.dateRange(), h.contactInfo(), h.reportId(),
                policies), deviations);
    }
}
