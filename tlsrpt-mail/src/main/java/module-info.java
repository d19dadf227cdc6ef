/**
 * tlsrpt-mail: SMTP TLS reports (RFC 8460) out of e-mail messages, mbox files and HTTPS POST bodies.
 *
 * <p>mime4j core ships no module descriptor and no {@code Automatic-Module-Name}, so its module name
 * {@code apache.mime4j.core} is derived from the jar's file name.
 *
 * @since 0.1.0
 */
@SuppressWarnings("requires-automatic") // mime4j core has no module descriptor
module dev.tlsrpt.mail {
    requires transitive dev.tlsrpt;
    requires apache.mime4j.core;
    requires static transitive org.jspecify;

    exports dev.tlsrpt.mail;
}
