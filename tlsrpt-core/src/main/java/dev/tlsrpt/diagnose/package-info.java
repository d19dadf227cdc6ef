/**
 * Diagnosis of SMTP TLS reports: {@link dev.tlsrpt.diagnose.Diagnosis} turns each failure into a
 * {@link dev.tlsrpt.diagnose.Finding} that says what broke, where, how badly and what to do.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt.diagnose;

import org.jspecify.annotations.NullMarked;
