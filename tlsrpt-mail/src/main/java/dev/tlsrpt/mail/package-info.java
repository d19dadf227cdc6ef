/**
 * Reports as they arrive: {@link dev.tlsrpt.mail.TlsRptMail} reads RFC 8460 reports out of e-mail messages,
 * mbox files and HTTPS POST bodies, with the envelope facts and the consistency checks of the mail layer.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt.mail;

import org.jspecify.annotations.NullMarked;
