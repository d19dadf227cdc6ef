/**
 * tlsrpt-core: read, write and diagnose SMTP TLS Reporting (RFC 8460) reports.
 *
 * @since 0.1.0
 */
@SuppressWarnings("module") // the schema module is not on core's module path
module dev.tlsrpt {
    requires tools.jackson.core;
    requires transitive org.jspecify; // the API's @Nullable: a consumer compiles against it (CHANGES.md)

    exports dev.tlsrpt;
    exports dev.tlsrpt.model;
    exports dev.tlsrpt.record;
    exports dev.tlsrpt.diagnose;
    exports dev.tlsrpt.analysis;
    // to our own schema module only, so that its validator reads and counts as the parser does
    exports dev.tlsrpt.internal to dev.tlsrpt.schema;
}
