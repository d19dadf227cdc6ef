package dev.tlsrpt.mail;

import dev.tlsrpt.ReportFileName;
import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.model.DomainNames;
import dev.tlsrpt.model.PolicyResult;
import dev.tlsrpt.model.TlsReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The consistency checks of the mail layer (RFC 8460 section 5), as values. */
final class MailChecks {
    private MailChecks() {
    }

    static final String GZIP_TYPE = "application/tlsrpt+gzip";
    static final String JSON_TYPE = "application/tlsrpt+json";

    /** RFC 8460 section 5.3 {@code tlsrpt-subject}, unfolded (FWS is one or more white space). */
    private static final Pattern SUBJECT = Pattern.compile(
            "Report\\s+Domain:\\s+(\\S+)\\s+Submitter:\\s+(\\S+)\\s+Report-ID:\\s+<[^<>@\\s]+@[^<>@\\s]+>\\s*"
                    + "(?:\\([^()]*\\)\\s*)?");

    /**
     * The same, read loosely, to name what is off; matched against the Subject without its trailing white
     * space. Possessive quantifiers and a trim in code instead of a lazy {@code (\S.*?)\s*} keep it linear
     * on sender text (the lazy form rescanned a run of spaces once per character it extended over).
     */
    private static final Pattern LOOSE_SUBJECT = Pattern.compile(
            "(?is).*?Report\\s++Domain:\\s*+(\\S++)\\s++Submitter:\\s*+(\\S++)(?:\\s++Report-ID:\\s*+(\\S.*+))?");

    /** The checks on a report that came in a message. */
    static List<MailCheck> forMessage(MessageWalker.Part part, TlsReport report) {
        List<MailCheck> out = new ArrayList<>();
        Envelope env = part.envelope();
        Headers.Structured type = part.messageType();
        if (!type.value().equals("multipart/report")) {
            out.add(new MailCheck(MailCheckKind.NOT_MULTIPART_REPORT, "the message is " + SenderText.quote(type.value())
                    + ", not multipart/report; report-type=tlsrpt (RFC 8460 section 5.3)"));
        } else {
            String reportType = type.param("report-type");
            if (reportType == null || !reportType.equalsIgnoreCase("tlsrpt")) {
                out.add(new MailCheck(MailCheckKind.NOT_MULTIPART_REPORT, "the message is multipart/report with "
                        + (reportType == null ? "no report-type" : "report-type " + SenderText.quote(reportType))
                        + ", not report-type=tlsrpt (RFC 8460 section 5.3)"));
            }
        }
        mediaType(part.mediaType(), part.content(), out);
        if (env.tlsReportDomain() == null) {
            out.add(new MailCheck(MailCheckKind.MISSING_REPORT_HEADER,
                    "the message has no TLS-Report-Domain header, which RFC 8460 section 5.3 requires"));
        } else {
            policyDomains(env.tlsReportDomain(), report, out);
        }
        if (env.tlsReportSubmitter() == null) {
            out.add(new MailCheck(MailCheckKind.MISSING_REPORT_HEADER,
                    "the message has no TLS-Report-Submitter header, which RFC 8460 section 5.3 requires"));
        } else {
            submitter(env.tlsReportSubmitter(), report.contactInfo(), out);
        }
        if (part.fileName() != null) {
            fileName(part.fileName(), report, env, part.content(), out);
        }
        subject(env, out);
        if (env.date() != null && env.dateTime() == null) {
            out.add(new MailCheck(MailCheckKind.DATE_UNREADABLE, "the Date header " + SenderText.quote(env.date())
                    + " is not an RFC 5322 date-time"));
        }
        return out;
    }

    /** The media type against the content. */
    static void mediaType(@Nullable String mediaType, ContentKind content, List<MailCheck> out) {
        String seen = switch (content) {
            case GZIP -> "gzip";
            case ZIP -> "a zip archive";
            case JSON -> "plain JSON";
            case OTHER -> "neither gzip nor JSON";
        };
        if (mediaType == null || mediaType.isEmpty()) {
            out.add(new MailCheck(MailCheckKind.MEDIA_TYPE_NOT_RFC,
                    "the report has no media type; its content is " + seen));
        } else if (mediaType.equals(GZIP_TYPE) || mediaType.equals(JSON_TYPE)) {
            boolean gzip = mediaType.equals(GZIP_TYPE);
            if (gzip && content != ContentKind.GZIP || !gzip && content != ContentKind.JSON) {
                out.add(new MailCheck(MailCheckKind.MEDIA_TYPE_MISMATCH, "the report is typed " + mediaType
                        + " but its content is " + seen));
            }
        } else {
            out.add(new MailCheck(MailCheckKind.MEDIA_TYPE_NOT_RFC, "the report is typed " + SenderText.quote(mediaType)
                    + ", not " + GZIP_TYPE + " or " + JSON_TYPE + "; its content is " + seen));
        }
    }

    private static void policyDomains(String headerDomain, TlsReport report, List<MailCheck> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (PolicyResult p : report.policies()) {
            String domain = p.policy().policyDomain();
            if (domain == null || !seen.add(DomainNames.normalize(domain))) {
                continue;
            }
            switch (relation(domain, headerDomain)) {
                case SAME -> {
                    // consistent
                }
                case SUBDOMAIN -> out.add(new MailCheck(MailCheckKind.POLICY_DOMAIN_SUBDOMAIN,
                        "policy-domain " + SenderText.quote(domain) + " is a subdomain of TLS-Report-Domain "
                                + SenderText.quote(headerDomain)));
                case PARENT -> out.add(new MailCheck(MailCheckKind.POLICY_DOMAIN_SUBDOMAIN,
                        "TLS-Report-Domain " + SenderText.quote(headerDomain) + " is a subdomain of policy-domain "
                                + SenderText.quote(domain)));
                case UNRELATED -> out.add(new MailCheck(MailCheckKind.POLICY_DOMAIN_MISMATCH,
                        "policy-domain " + SenderText.quote(domain) + " is not TLS-Report-Domain "
                                + SenderText.quote(headerDomain)));
            }
        }
    }

    private static void submitter(String submitter, @Nullable String contactInfo, List<MailCheck> out) {
        if (contactInfo == null) {
            return; // the core reports MISSING_CONTACT_INFO
        }
        int at = contactInfo.lastIndexOf('@');
        if (at < 0) {
            return; // not an address: nothing to compare
        }
        String contactDomain = stripEnd(contactInfo.substring(at + 1), ">");
        switch (relation(contactDomain, submitter)) {
            case SAME -> {
                // consistent
            }
            case SUBDOMAIN, PARENT -> out.add(new MailCheck(MailCheckKind.SUBMITTER_SUBDOMAIN,
                    "TLS-Report-Submitter " + SenderText.quote(submitter) + " and the contact-info domain "
                            + SenderText.quote(contactDomain) + " are not the same domain, one is a subdomain of the"
                            + " other; RFC 8460 section 5.3 says they MUST match"));
            case UNRELATED -> out.add(new MailCheck(MailCheckKind.SUBMITTER_MISMATCH,
                    "TLS-Report-Submitter " + SenderText.quote(submitter) + " does not match the contact-info domain "
                            + SenderText.quote(contactDomain) + " (RFC 8460 section 5.3)"));
        }
    }

    /** The file name against section 5.1 (core's {@link ReportFileName}), the report's date range and the headers. */
    static void fileName(String name, TlsReport report, Envelope env, ContentKind content, List<MailCheck> out) {
        ReportFileName parsed;
        try {
            parsed = ReportFileName.parse(name);
        } catch (IllegalArgumentException e) {
            out.add(new MailCheck(MailCheckKind.FILE_NAME_NOT_RFC, "the file name " + SenderText.quote(name)
                    + " does not follow sender!policy-domain!begin!end[!unique-id].json[.gz] (RFC 8460 section 5.1)"));
            return;
        }
        String sender = parsed.sender();
        String policyDomain = parsed.policyDomain();
        if (env.tlsReportSubmitter() != null && relation(sender, env.tlsReportSubmitter()) != Relation.SAME) {
            out.add(new MailCheck(MailCheckKind.FILE_NAME_MISMATCH, "the file name's sender " + SenderText.quote(sender)
                    + " is not TLS-Report-Submitter " + SenderText.quote(env.tlsReportSubmitter())));
        }
        if (env.tlsReportDomain() != null) {
            if (relation(policyDomain, env.tlsReportDomain()) != Relation.SAME) {
                out.add(new MailCheck(MailCheckKind.FILE_NAME_MISMATCH, "the file name's policy domain "
                        + SenderText.quote(policyDomain) + " is not TLS-Report-Domain "
                        + SenderText.quote(env.tlsReportDomain())));
            }
        } else if (report.policies().stream().map(p -> p.policy().policyDomain())
                .noneMatch(d -> d != null && relation(d, policyDomain) == Relation.SAME)
                && !report.policies().isEmpty()) {
            out.add(new MailCheck(MailCheckKind.FILE_NAME_MISMATCH, "the file name's policy domain "
                    + SenderText.quote(policyDomain) + " is no policy-domain of the report"));
        }
        timestamp("begin", parsed.begin(), "start-datetime", report.dateRange().start(), out);
        timestamp("end", parsed.end(), "end-datetime", report.dateRange().end(), out);
        boolean gz = parsed.extension() == ReportFileName.Extension.JSON_GZ;
        if (gz && content == ContentKind.JSON || !gz && content == ContentKind.GZIP) {
            out.add(new MailCheck(MailCheckKind.FILE_NAME_MISMATCH, "the file name ends ." + parsed.extension().wireName()
                    + " but the content is " + (gz ? "plain JSON" : "gzip")));
        }
    }

    private static void timestamp(String which, long seconds, String member, Instant expected, List<MailCheck> out) {
        if (seconds != expected.getEpochSecond()) {
            String when = seconds > Instant.MAX.getEpochSecond() ? String.valueOf(seconds)
                    : seconds + " (" + Instant.ofEpochSecond(seconds) + ")";
            out.add(new MailCheck(MailCheckKind.FILE_NAME_MISMATCH, "the file name's " + which + " timestamp " + when
                    + " is not the report's " + member + " " + expected + " (" + expected.getEpochSecond() + ")"));
        }
    }

    /** The Subject against the section 5.3 form and the TLS-Report-* headers. */
    static void subject(Envelope env, List<MailCheck> out) {
        String subject = env.subject();
        if (subject == null) {
            out.add(new MailCheck(MailCheckKind.SUBJECT_NOT_RFC, "the message has no Subject"));
            return;
        }
        Matcher strict = SUBJECT.matcher(subject);
        Matcher loose = LOOSE_SUBJECT.matcher(stripEnd(subject, ""));
        if (strict.matches()) {
            compareSubject(strict.group(1), strict.group(2), env, out);
            return;
        }
        if (!loose.matches()) {
            out.add(new MailCheck(MailCheckKind.SUBJECT_NOT_RFC, "the Subject " + SenderText.quote(subject)
                    + " is not 'Report Domain: <domain> Submitter: <domain> Report-ID: <id-left@id-right>'"
                    + " (RFC 8460 section 5.3)"));
            return;
        }
        String id = loose.group(3);
        String why;
        if (id == null) {
            why = "has no Report-ID";
        } else if (!id.startsWith("<") || !id.contains(">")) {
            why = "has Report-ID " + SenderText.quote(id) + " without angle brackets and '@' (<id-left@id-right>)";
        } else if (!id.contains("@")) {
            why = "has Report-ID " + SenderText.quote(id) + " without '@' (<id-left@id-right>)";
        } else {
            why = "does not follow 'Report Domain: <domain> Submitter: <domain> Report-ID: <id-left@id-right>'";
        }
        out.add(new MailCheck(MailCheckKind.SUBJECT_NOT_RFC, "the Subject " + why + " (RFC 8460 section 5.3)"));
        compareSubject(loose.group(1), loose.group(2), env, out);
    }

    private static void compareSubject(String domain, String submitter, Envelope env, List<MailCheck> out) {
        if (env.tlsReportDomain() != null && relation(domain, env.tlsReportDomain()) != Relation.SAME) {
            out.add(new MailCheck(MailCheckKind.SUBJECT_MISMATCH, "the Subject's domain " + SenderText.quote(domain)
                    + " is not TLS-Report-Domain " + SenderText.quote(env.tlsReportDomain())));
        }
        if (env.tlsReportSubmitter() != null && relation(submitter, env.tlsReportSubmitter()) != Relation.SAME) {
            out.add(new MailCheck(MailCheckKind.SUBJECT_MISMATCH, "the Subject's submitter "
                    + SenderText.quote(submitter) + " is not TLS-Report-Submitter "
                    + SenderText.quote(env.tlsReportSubmitter())));
        }
    }

    /**
     * {@code s} without the white space ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage
     * return) and the characters of {@code also} at its end; one scan from the end, where a regular expression
     * such as {@code [>\s]+$} is quadratic on a run of spaces that does not end the text.
     */
    static String stripEnd(String s, String also) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c != ' ' && (c < '\t' || c > '\r') && also.indexOf(c) < 0) {
                break;
            }
            end--;
        }
        return s.substring(0, end);
    }

    enum Relation { SAME, SUBDOMAIN, PARENT, UNRELATED }

    /** How domain {@code a} relates to domain {@code b}: case-insensitive, a trailing dot ignored. */
    static Relation relation(String a, String b) {
        String x = DomainNames.normalize(a);
        String y = DomainNames.normalize(b);
        if (x.equals(y)) {
            return Relation.SAME;
        }
        if (x.endsWith("." + y)) {
            return Relation.SUBDOMAIN;
        }
        if (y.endsWith("." + x)) {
            return Relation.PARENT;
        }
        return Relation.UNRELATED;
    }
}
