package dev.tlsrpt;

import dev.tlsrpt.model.TlsRptRecord;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code _smtp._tls} TXT record with the warnings found while reading it.
 *
 * @param record the record
 * @param warnings legal but suspicious things, and the forms lenient reading accepted, in record order
 * @since 0.1.0
 */
public record RecordCheck(TlsRptRecord record, List<RecordWarning> warnings) {

    /**
     * Checks the components and copies the list.
     *
     * @param record see {@link #record()}
     * @param warnings see {@link #warnings()}
     */
    public RecordCheck {
        Objects.requireNonNull(record, "record");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * Whether the record gave no warnings.
     *
     * @return true when {@link #warnings()} is empty
     */
    public boolean isClean() {
        return warnings.isEmpty();
    }
}
