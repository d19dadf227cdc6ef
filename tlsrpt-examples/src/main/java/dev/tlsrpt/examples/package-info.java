/**
 * Runnable examples, one small class per use case; the README's code snippets are taken from them.
 */
@NullMarked
package dev.tlsrpt.examples;

import org.jspecify.annotations.NullMarked;
