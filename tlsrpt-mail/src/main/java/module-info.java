/**
 * tlsrpt-mail: SMTP TLS reports (RFC 8460) out of e-mail messages, mbox files and HTTPS POST bodies.
 *
 * <p>mime4j core ships no module descriptor and no {@code Automatic-Module-Name}, so its module name
 * {@code apache.mime4j.core} is derived from the jar's file name, as Maven Central names it. As an automatic
 * module it cannot say that it needs commons-io at run time, so this module requires commons-io for it.
 *
 * @since 0.1.0
 */
@SuppressWarnings("requires-automatic") // mime4j core has no module descriptor
module dev.tlsrpt.mail {
    requires transitive dev.tlsrpt;
    requires apache.mime4j.core;
    // mime4j's own dependency (its buffers), which an automatic module cannot declare: without this line
    // commons-io is never resolved on the module path and parsing a message fails with NoClassDefFoundError
    requires org.apache.commons.io;
    requires transitive org.jspecify; // the API's @Nullable: a consumer compiles against it (CHANGES.md)

    exports dev.tlsrpt.mail;
}
