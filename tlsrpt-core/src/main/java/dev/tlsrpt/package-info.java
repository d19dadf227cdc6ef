/**
 * The front door {@link dev.tlsrpt.TlsRpt}, its options, the streaming visitor and the exceptions.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt;

import org.jspecify.annotations.NullMarked;
