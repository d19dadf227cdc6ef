/**
 * tlsrpt-core: read, write and diagnose SMTP TLS Reporting (RFC 8460) reports.
 *
 * @since 0.1.0
 */
module dev.tlsrpt {
    requires tools.jackson.core;
    requires transitive org.jspecify; // the API's @Nullable: a consumer compiles against it (CHANGES.md)

    exports dev.tlsrpt;
    exports dev.tlsrpt.model;
    exports dev.tlsrpt.diagnose;
}
