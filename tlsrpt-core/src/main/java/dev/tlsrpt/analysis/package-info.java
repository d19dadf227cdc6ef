/**
 * Many reports at once: {@link dev.tlsrpt.analysis.ReportAggregate} drops duplicates, adds reports up per
 * policy domain and UTC day, follows each problem across reports and reporters, and merges, saves and
 * resumes in memory bounded by the distinct keys.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tlsrpt.analysis;

import org.jspecify.annotations.NullMarked;
