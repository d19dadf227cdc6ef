/**
 * tlsrpt-core: read, write and diagnose SMTP TLS Reporting (RFC 8460) reports.
 *
 * @since 0.1.0
 */
@SuppressWarnings("module") // the schema and mail modules are not on core's module path
module dev.tlsrpt {
    requires tools.jackson.core;
    requires transitive org.jspecify; // the API's @Nullable: a consumer compiles against it (CHANGES.md)

    exports dev.tlsrpt;
    exports dev.tlsrpt.model;
    exports dev.tlsrpt.record;
    exports dev.tlsrpt.diagnose;
    exports dev.tlsrpt.analysis;
    // to our own modules only: the schema validator reads and counts as the parser does, and the mail module's
    // messages quote sender text by the one rule (SenderText)
    exports dev.tlsrpt.internal to dev.tlsrpt.schema, dev.tlsrpt.mail;
}
