/**
 * tlsrpt-core: read, write and diagnose SMTP TLS Reporting (RFC 8460) reports.
 *
 * @since 0.1.0
 */
module dev.tlsrpt {
    requires tools.jackson.core;
    requires static transitive org.jspecify;

    exports dev.tlsrpt;
    exports dev.tlsrpt.model;
    exports dev.tlsrpt.diagnose;
    exports dev.tlsrpt.analysis;
}
