/**
 * Validates TLS-RPT reports against the published RFC 8460 JSON Schema, with violations that point into the
 * report (JSON pointer, line, column).
 */
@NullMarked
package dev.tlsrpt.schema;

import org.jspecify.annotations.NullMarked;
