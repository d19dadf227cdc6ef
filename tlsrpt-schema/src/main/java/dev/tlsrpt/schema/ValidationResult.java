package dev.tlsrpt.schema;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one document: valid, or the list of violations in document order.
 *
 * @param violations every violation found, in document order (line, then column); empty when valid; at most
 *     {@link TlsRptSchema#MAX_VIOLATIONS} of them and then one {@value Violation#TRUNCATED} violation when
 *     validation stopped there
 * @since 0.1.0
 */
public record ValidationResult(List<Violation> violations) {

    /**
     * Copies the list.
     *
     * @param violations see {@link #violations()}
     */
    public ValidationResult {
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
    }

    /**
     * Whether the document is valid: no violation.
     *
     * @return true when {@link #violations()} is empty
     */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * {@code valid}, or the number of violations then one violation a line.
     *
     * @return the result as text
     */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
        for (Violation v : violations) {
            sb.append('\n').append("  ").append(v);
        }
        return sb.toString();
    }
}
