package dev.tlsrpt.analysis;

import dev.tlsrpt.ParseResult;
import dev.tlsrpt.TlsRpt;
import dev.tlsrpt.TlsRptException;
import dev.tlsrpt.internal.SenderText;
import dev.tlsrpt.model.TlsReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Many reports added up, one at a time: duplicates dropped, sessions per policy domain and UTC day, problems
 * followed across reports and reporters, and the reporters' activity. {@link #summary(LocalDate, LocalDate)}
 * gives what it says about a period, rendered as JSON or CSV.
 *
 * <pre>{@code
 * ReportAggregate aggregate = ReportAggregate.load(state);       // what an earlier run kept
 * for (Path file : todaysReports) {
 *     aggregate.add(TlsRpt.parse(file));
 * }
 * aggregate.save(state);
 * AggregateSummary lastWeek = aggregate.summary(LocalDate.now(ZoneOffset.UTC).minusDays(7), null);
 * System.out.print(lastWeek.toJson());
 * }</pre>
 *
 * <p><b>Duplicates.</b> A report is identified by its {@code organization-name} and {@code report-id}: a report
 * saved as {@code .json}, as {@code .json.gz} and inside an e-mail counts once, and the further copies are
 * counted as {@linkplain #duplicates() duplicates}. When two copies differ, the one kept is chosen by content,
 * never by arrival order: the one whose canonical JSON ({@link TlsRpt#write(TlsReport, OutputStream)}) has the
 * smaller SHA-256 digest. A report without a {@code report-id} (or with a blank one) is never deduplicated.
 *
 * <p><b>What is kept.</b> Per distinct report, one small entry: the digest, the number of copies, the
 * reporter, the UTC day of {@code start-datetime}, per policy domain the summed session counts, and per
 * problem (policy domain, result type, MX host) the failed sessions, severity, title and action of the
 * {@link dev.tlsrpt.diagnose.FindingKind#FAILURE} findings of {@link TlsRpt#diagnose(TlsReport)}. Failure
 * details, IP addresses and policy strings are not kept. The totals, day series, findings and reporters are
 * computed from the entries by {@link #summary(LocalDate, LocalDate)}, so replacing a kept copy by a
 * differing one changes no total twice. Memory is bounded by the number of keys: each kept report counts
 * one, plus one per policy domain and one per problem it holds; {@link #maxKeys()} caps them (keys come from
 * the reports' senders), and an {@link AggregateLimitException} says when a report or merge would pass the
 * cap. Sums saturate at {@link Long#MAX_VALUE}.
 *
 * <p><b>Merging.</b> {@link #merge(ReportAggregate)} adds another aggregate's reports: merging is
 * associative and commutative, and merging aggregates of parts of a set of reports gives what one aggregate
 * fed the whole set gives. So one aggregate can run per thread ({@link #collector()}), or as the combine step
 * of Spark, Flink or Beam: an aggregate is {@link Serializable}, its serial form being the saved state below.
 *
 * <p><b>Saving.</b> {@link #save(Path)} writes the entries as compact JSON (UTF-8) and
 * {@link #load(Path)} reads them back, so a daily job adds each day's reports to what it kept; the same
 * reports give the same bytes, whatever order they came in. The form (version 1):
 * {@code {"format": "tlsrpt-aggregate", "version": 1, "reports": [...]}}, the reports sorted by
 * organization-name, report-id and digest, each an object with {@code organization-name},
 * {@code report-id} (null when the report has none), {@code digest} (64 lower-case hex digits),
 * {@code copies}, {@code date} ({@code YYYY-MM-DD}), {@code domains} (objects with {@code policy-domain}
 * (null for none), {@code successful-sessions}, {@code failed-sessions}) and {@code failures} (objects with
 * {@code policy-domain}, {@code result-type}, {@code mx-host} (null for none), {@code failed-sessions},
 * {@code severity}, {@code title}, {@code action}). Loading checks every member and says where a file is
 * wrong ({@link MalformedStateException}).
 *
 * <p>Not thread-safe: use one aggregate per thread and merge them.
 *
 * @since 0.1.0
 */
public final class ReportAggregate implements Serializable {

    /** The default of {@link #maxKeys()}: one million keys (a few hundred megabytes at most). */
    public static final long DEFAULT_MAX_KEYS = 1_000_000;

    private static final long serialVersionUID = 1L;

    private final long maxKeys;
    private final transient TreeMap<Entry.Key, Entry> entries = new TreeMap<>();
    private transient long keys;
    /** The SHA-256 of {@link #add(TlsReport)}, made once per aggregate (an aggregate is used by one thread). */
    private transient @Nullable MessageDigest sha;

    private ReportAggregate(long maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    /**
     * An empty aggregate holding at most {@link #DEFAULT_MAX_KEYS} keys.
     *
     * @return the aggregate
     */
    public static ReportAggregate create() {
        return new ReportAggregate(DEFAULT_MAX_KEYS);
    }

    /**
     * An empty aggregate holding at most {@code maxKeys} keys.
     *
     * @param maxKeys the limit of {@link #maxKeys()}, at least 1
     * @return the aggregate
     * @throws IllegalArgumentException when {@code maxKeys} is below 1
     */
    public static ReportAggregate create(long maxKeys) {
        return new ReportAggregate(maxKeys);
    }

    /**
     * A collector that adds a stream's reports to a new aggregate (with the default limit), merging the
     * partial aggregates of a parallel stream.
     *
     * @return the collector, unordered
     */
    public static Collector<TlsReport, ?, ReportAggregate> collector() {
        return Collector.of(ReportAggregate::create, ReportAggregate::add, ReportAggregate::merge,
                Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * Adds a report, or counts it as a duplicate of one already added (see the class description). A copy
     * that replaces the kept one by content replaces its counts.
     *
     * @param report the report
     * @throws AggregateLimitException when keeping the report would pass {@link #maxKeys()}; the aggregate is
     *     unchanged
     * @throws IllegalArgumentException when the report cannot be written as RFC 8460 JSON (a date outside the
     *     years 0000 to 9999, or a string with an unpaired surrogate), which a parsed report never is
     */
    public void add(TlsReport report) {
        Objects.requireNonNull(report, "report");
        MessageDigest md = sha;
        if (md == null) {
            md = sha256();
            sha = md;
        }
        String digest = digest(report, md);
        String id = report.reportId(); // null when lenient parsing met a report without one
        boolean anonymous = id == null || id.isBlank();
        Entry.Key key = new Entry.Key(report.organizationName(), anonymous ? null : id, anonymous ? digest : "");
        Entry old = entries.get(key);
        if (old != null && old.digest().compareTo(digest) <= 0) {
            // the same report again, or a differing copy that the kept one wins against: count it only
            entries.put(key, new Entry(old.digest(), Sums.add(old.copies(), 1), old.contribution()));
            return;
        }
        Entry incoming = new Entry(digest, 1, Contribution.of(report));
        Entry merged = old == null ? incoming : old.plus(incoming);
        long after = keys - (old == null ? 0 : old.contribution().keys()) + merged.contribution().keys();
        if (after > maxKeys) {
            throw new AggregateLimitException(maxKeys, "keeping report " + SenderText.quote(id) + " of "
                    + SenderText.quote(report.organizationName()) + " needs " + merged.contribution().keys()
                    + " keys, and the aggregate holds " + keys + " of at most " + maxKeys + " (limit maxKeys)");
        }
        entries.put(key, merged);
        keys = after;
    }

    /**
     * Adds the report of a parse result; the deviations play no part.
     *
     * @param result the parse result
     * @throws AggregateLimitException as {@link #add(TlsReport)}
     */
    public void add(ParseResult result) {
        add(Objects.requireNonNull(result, "result").report());
    }

    /**
     * Adds every report of another aggregate to this one, as if they had been added here: copies add up, and
     * of two differing copies of a report the one chosen by content is kept. The other aggregate is not
     * changed; merging an aggregate with itself counts each of its reports twice. {@code a.merge(b)} and
     * {@code b.merge(a)} hold the same reports and render the same, and so do {@code a.merge(b).merge(c)} and
     * {@code a.merge(b.merge(c))}. This aggregate's {@link #maxKeys()} applies.
     *
     * @param other the aggregate to add
     * @return this aggregate
     * @throws AggregateLimitException when the merged aggregate would pass {@link #maxKeys()}; this aggregate
     *     is unchanged
     */
    public ReportAggregate merge(ReportAggregate other) {
        Objects.requireNonNull(other, "other");
        List<Entry.Key> newKeys = new ArrayList<>(other.entries.size());
        List<Entry> merged = new ArrayList<>(other.entries.size());
        long after = keys;
        for (Map.Entry<Entry.Key, Entry> e : other.entries.entrySet()) {
            Entry old = entries.get(e.getKey());
            Entry m = old == null ? e.getValue() : old.plus(e.getValue());
            after += m.contribution().keys() - (old == null ? 0 : old.contribution().keys());
            newKeys.add(e.getKey());
            merged.add(m);
        }
        if (after > maxKeys) {
            throw new AggregateLimitException(maxKeys, "the merged aggregate would hold " + after
                    + " keys, more than " + maxKeys + " (limit maxKeys)");
        }
        for (int i = 0; i < newKeys.size(); i++) {
            entries.put(newKeys.get(i), merged.get(i));
        }
        keys = after;
        return this;
    }

    /**
     * The distinct reports added: one per {@code organization-name} and {@code report-id}, and each report
     * without a report-id.
     *
     * @return the number of reports, saturating at {@link Long#MAX_VALUE}
     */
    public long reports() {
        long n = 0;
        for (Map.Entry<Entry.Key, Entry> e : entries.entrySet()) {
            n = Sums.add(n, e.getKey().anonymous() ? e.getValue().copies() : 1);
        }
        return n;
    }

    /**
     * The copies dropped as duplicates of a report already added.
     *
     * @return the number of duplicates, saturating at {@link Long#MAX_VALUE}
     */
    public long duplicates() {
        long n = 0;
        for (Map.Entry<Entry.Key, Entry> e : entries.entrySet()) {
            n = Sums.add(n, e.getKey().anonymous() ? 0 : e.getValue().copies() - 1);
        }
        return n;
    }

    /**
     * The keys held now: one per distinct report, plus one per policy domain and one per problem of each.
     *
     * @return the number of keys, at most {@link #maxKeys()}
     */
    public long keys() {
        return keys;
    }

    /**
     * The most keys this aggregate holds.
     *
     * @return the limit
     */
    public long maxKeys() {
        return maxKeys;
    }

    /**
     * What the aggregate says about all its reports: {@code summary(null, null)}.
     *
     * @return the summary
     */
    public AggregateSummary summary() {
        return summary(null, null);
    }

    /**
     * What the aggregate says about the reports whose {@code start-datetime} falls on a UTC day from
     * {@code since} to {@code until}, both inclusive. Only those reports count, also for a problem's status and
     * a reporter's silence; {@code until}, when given, is the end of the period a reporter's silence is
     * measured against.
     *
     * @param since the first day, or null for no lower bound
     * @param until the last day, or null for no upper bound (the period then ends on the latest report's day)
     * @return the summary
     * @throws IllegalArgumentException when {@code since} is after {@code until}
     */
    public AggregateSummary summary(@Nullable LocalDate since, @Nullable LocalDate until) {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
        return Summarizer.summarize(entries, since, until);
    }

    /**
     * Saves the aggregate to a file in its JSON form (see the class description), replacing the file: the
     * JSON is written to a temporary file in the same directory that is then moved over it (atomically where
     * the file system can), so a crash leaves the old file or the new one.
     *
     * @param file the file
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                save(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the aggregate's JSON form (see the class description) to a stream, which is left open.
     *
     * @param out where to write
     * @throws IOException when {@code out} fails
     */
    public void save(OutputStream out) throws IOException {
        StateJson.write(entries, Objects.requireNonNull(out, "out"));
    }

    /**
     * Loads an aggregate saved by {@link #save(Path)}, with the default limit.
     *
     * @param file the file
     * @return the aggregate
     * @throws IOException when the file cannot be read
     * @throws MalformedStateException when the file is not a saved aggregate
     * @throws AggregateLimitException when it holds more than {@link #DEFAULT_MAX_KEYS} keys
     */
    public static ReportAggregate load(Path file) throws IOException {
        return load(file, DEFAULT_MAX_KEYS);
    }

    /**
     * Loads an aggregate saved by {@link #save(Path)}.
     *
     * @param file the file
     * @param maxKeys the limit of the loaded aggregate's {@link #maxKeys()}
     * @return the aggregate
     * @throws IOException when the file cannot be read
     * @throws MalformedStateException when the file is not a saved aggregate
     * @throws AggregateLimitException when it holds more than {@code maxKeys} keys
     */
    public static ReportAggregate load(Path file, long maxKeys) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, maxKeys);
        }
    }

    /**
     * Reads an aggregate written by {@link #save(OutputStream)}; the stream is left open.
     *
     * @param in the JSON form
     * @param maxKeys the limit of the loaded aggregate's {@link #maxKeys()}
     * @return the aggregate
     * @throws IOException when {@code in} fails
     * @throws MalformedStateException when the stream does not hold a saved aggregate
     * @throws AggregateLimitException when it holds more than {@code maxKeys} keys
     */
    public static ReportAggregate load(InputStream in, long maxKeys) throws IOException {
        Objects.requireNonNull(in, "in");
        ReportAggregate aggregate = new ReportAggregate(maxKeys);
        StateJson.read(in, aggregate);
        return aggregate;
    }

    // ---------------------------------------------------------------- for the package

    /** The entries, sorted by key; read-only. */
    NavigableMap<Entry.Key, Entry> entries() {
        return Collections.unmodifiableNavigableMap(entries);
    }

    /** Whether adding an entry of this many keys would pass the limit. */
    boolean wouldPassLimit(long entryKeys) {
        return Sums.add(keys, entryKeys) > maxKeys;
    }

    /** Puts an entry under a key not yet held, within the limit (the loader checks both first). */
    void putNew(Entry.Key key, Entry entry) {
        if (entries.putIfAbsent(key, entry) != null) {
            throw new IllegalStateException("key already held");
        }
        keys = Sums.add(keys, entry.contribution().keys());
    }

    static String digest(TlsReport report) {
        return digest(report, sha256());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The digest of a report's canonical JSON, with {@code sha} (reset first: a failed write may leave input). */
    static String digest(TlsReport report, MessageDigest sha) {
        sha.reset();
        TlsReport written = report;
        if (report.reportId() == null) {
            // writing needs a report-id: digest the report with an empty one, apart from a report that has one
            sha.update((byte) 0);
            written = new TlsReport(report.organizationName(), report.dateRange(), report.contactInfo(), "",
                    report.policies());
        }
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            TlsRpt.write(written, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a null output stream failed", e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // ---------------------------------------------------------------- serialisation: the saved state

    private Object writeReplace() {
        return new SerialForm(this);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a ReportAggregate is read from its serial form");
    }

    /** The serial form of an aggregate: its limit and its saved JSON, loaded (and checked) on reading. */
    private static final class SerialForm implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long maxKeys;
        private final byte[] state;

        SerialForm(ReportAggregate aggregate) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                aggregate.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array stream failed", e);
            }
            this.maxKeys = aggregate.maxKeys;
            this.state = out.toByteArray();
        }

        private Object readResolve() throws InvalidObjectException {
            try {
                if (state == null) {
                    throw new InvalidObjectException("no state");
                }
                return load(new ByteArrayInputStream(state), maxKeys);
            } catch (TlsRptException | IOException | IllegalArgumentException e) {
                InvalidObjectException x = new InvalidObjectException("not a ReportAggregate: " + e.getMessage());
                x.initCause(e);
                throw x;
            }
        }
    }
}
