/**
 * Implementation: the Jackson streaming reader and writer, gzip sniffing and limits. Not exported; it
 * promises nothing.
 */
@NullMarked
package dev.tlsrpt.internal;

import org.jspecify.annotations.NullMarked;
