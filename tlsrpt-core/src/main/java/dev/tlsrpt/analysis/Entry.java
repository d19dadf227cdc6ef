package dev.tlsrpt.analysis;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One kept report of an aggregate: the SHA-256 digest of the kept copy's canonical JSON, how many copies
 * arrived, and its contribution.
 *
 * @param digest the digest in lower-case hex (64 characters)
 * @param copies the copies that arrived: for a report with a report-id, the kept one and its duplicates; for
 *     a report without one (never deduplicated), the identical reports that arrived
 * @param contribution what the kept copy adds up to
 */
record Entry(String digest, long copies, Contribution contribution) {

    Entry {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(contribution, "contribution");
        if (copies < 1) {
            throw new IllegalArgumentException("copies < 1");
        }
    }

    /**
     * Two entries under the same key, merged: the copies added up, and the kept copy chosen by content
     * alone (the smaller digest; for equal digests, which only differing library versions can give, the
     * smaller contribution text), so that merging is commutative and associative.
     */
    Entry plus(Entry other) {
        int c = digest.compareTo(other.digest);
        if (c == 0) {
            c = contribution.toString().compareTo(other.contribution.toString());
        }
        Entry kept = c <= 0 ? this : other;
        return new Entry(kept.digest, Sums.add(copies, other.copies), kept.contribution);
    }

    /**
     * The identity under which reports are deduplicated: organization-name and report-id; a report without a
     * report-id is kept under its organization-name and digest instead, so that only identical copies share
     * an entry (and each still counts as a report).
     *
     * @param organization the {@code organization-name}
     * @param reportId the {@code report-id}, null when the report has none (or a blank one)
     * @param digest {@code ""} when there is a report-id, else the report's digest
     */
    record Key(String organization, @Nullable String reportId, String digest) implements Comparable<Key> {

        Key {
            Objects.requireNonNull(organization, "organization");
            Objects.requireNonNull(digest, "digest");
        }

        boolean anonymous() {
            return reportId == null;
        }

        @Override
        public int compareTo(Key other) {
            // organization, then report-id (null first), then digest; written out, as the aggregate's map
            // compares keys on every add
            int c = organization.compareTo(other.organization);
            if (c != 0) {
                return c;
            }
            if (reportId != other.reportId) {
                if (reportId == null) {
                    return -1;
                }
                if (other.reportId == null) {
                    return 1;
                }
                c = reportId.compareTo(other.reportId);
                if (c != 0) {
                    return c;
                }
            }
            return digest.compareTo(other.digest);
        }
    }
}
