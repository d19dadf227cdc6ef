/**
 * The {@code tlsrpt} command line tool: diagnose, validate and summarise TLS reports, check TLSRPT records.
 */
@NullMarked
package dev.tlsrpt.cli;

import org.jspecify.annotations.NullMarked;
