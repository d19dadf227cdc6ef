/** JMH benchmarks of tlsrpt-java against the Jackson baselines, and the synthetic report generator. */
@NullMarked
package dev.tlsrpt.bench;

import org.jspecify.annotations.NullMarked;
