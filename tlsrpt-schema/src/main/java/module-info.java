/**
 * tlsrpt-schema: the JSON Schema (draft 2020-12) of RFC 8460 reports, strict and lenient, and a validator
 * that agrees with tlsrpt-core's parser.
 *
 * @since 0.1.0
 */
module dev.tlsrpt.schema {
    requires transitive dev.tlsrpt;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires com.networknt.schema;
    requires transitive org.jspecify; // the API's @Nullable: a consumer compiles against it (CHANGES.md)

    exports dev.tlsrpt.schema;

    // the schema files, for tools that load them with Class.getResourceAsStream
    opens dev.tlsrpt.schema;
}
