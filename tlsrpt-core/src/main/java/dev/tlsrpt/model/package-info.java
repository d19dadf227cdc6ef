/**
 * Immutable records and wire enums for every object and member of an RFC 8460 report.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt.model;

import org.jspecify.annotations.NullMarked;
