package dev.tlsrpt.consumer;

import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.diagnose.Diagnosis;
import dev.tlsrpt.mail.MailReport;
import dev.tlsrpt.mail.TlsRptMail;
import dev.tlsrpt.model.TlsReport;
import dev.tlsrpt.record.RecordCheck;
import dev.tlsrpt.schema.TlsRptSchema;
import dev.tlsrpt.schema.ValidationResult;
import dev.tlsrpt.schema.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the report out of an e-mail message, diagnoses it and validates it, printing one {@code key=value}
 * line per fact, as a user's program on the module path would.
 */
public final class Consumer {
    private Consumer() {}

    /**
     * Runs the consumer.
     *
     * @param args the path of an {@code .eml} message holding one report
     * @throws IOException when the message cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<MailReport> mails = TlsRptMail.parse(Path.of(args[0]));
        MailReport mail = mails.get(0);
        TlsReport report = mail.report();
        System.out.println("reports=" + mails.size());
        System.out.println("fileName=" + mail.fileName());
        System.out.println("organization=" + report.organizationName());
        System.out.println("reportId=" + report.reportId());
        System.out.println("policies=" + report.policies().size());

        Diagnosis diagnosis = TlsRpt.diagnose(report);
        System.out.println("findings=" + diagnosis.findings().size());
        System.out.println("firstFinding=" + diagnosis.findings().get(0).severity() + " "
                + diagnosis.findings().get(0).title());
        System.out.println("textLines=" + diagnosis.toText().lines().count());

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TlsRpt.write(report, json);
        System.out.println("strictValid=" + TlsRptSchema.strict().validate(json.toByteArray()).isValid());
        ValidationResult broken = TlsRptSchema.lenient().validate("{\"policies\": 3}");
        Violation first = broken.violations().get(0);
        System.out.println("brokenValid=" + broken.isValid());
        System.out.println("brokenFirst=" + first.pointer() + " " + first.keyword());

        RecordCheck record = RecordCheck.lenient("v=TLSRPTv1; RUA=mailto:tlsrpt@example.com");
        System.out.println("record=" + TlsRpt.parseRecord(record.record().toString()) + " "
                + record.warnings().get(0).kind());

        // the modules resolved from the module path (the JDK's own left out)
        ModuleLayer layer = Consumer.class.getModule().getLayer();
        System.out.println("modules=" + String.join(",", layer.modules().stream()
                .map(Module::getName)
                .filter(name -> ModuleFinder.ofSystem().find(name).isEmpty())
                .sorted()
                .toList()));
        System.out.println("namedModules=" + TlsRpt.class.getModule().getName() + ","
                + TlsRptSchema.class.getModule().getName() + "," + TlsRptMail.class.getModule().getName());
    }
}
