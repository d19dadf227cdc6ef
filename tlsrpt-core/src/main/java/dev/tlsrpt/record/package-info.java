/**
 * The {@code _smtp._tls} TXT record of RFC 8460 section 3: reading it strictly or leniently with warnings,
 * picking it out of a TXT RRset, and writing it canonically.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt.record;

import org.jspecify.annotations.NullMarked;
