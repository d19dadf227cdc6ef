package dev.tlsrpt.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.FailFastAssertionException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.tlsrpt.MalformedReportException;
import dev.tlsrpt.ParseOptions;
import dev.tlsrpt.internal.JsonInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates TLS-RPT reports (RFC 8460) against the published JSON Schema, in your tests or before you store
 * what you received.
 *
 * <pre>{@code
 * TlsRptSchema.strict().assertValid(json);                 // throws AssertionError listing every violation
 * ValidationResult result = TlsRptSchema.lenient().validate(Path.of("report.json.gz"));
 * }</pre>
 *
 * <p>Two schemas ship in this jar, JSON Schema draft 2020-12: {@value #STRICT_SCHEMA_RESOURCE} (RFC 8460
 * sections 4.4 and 4.5 as written, with erratum 6241; unknown members and values rejected) and
 * {@value #LENIENT_SCHEMA_RESOURCE} (what tlsrpt-core's lenient parser accepts). The strict schema accepts a
 * document exactly when {@code TlsRpt.parse(document, ParseOptions.strict())} does, and the lenient one exactly
 * when the lenient parser does; a test in this module holds them together.
 *
 * <p>Beyond the schema, {@code validate} checks what JSON Schema cannot express and the parser checks: input
 * is plain JSON or gzip (told apart by its first bytes), UTF-8 only (a byte order mark is skipped), exactly one
 * JSON value with nothing after it, no unpaired surrogate escapes, the limits of {@link ParseOptions}, and, in
 * strict mode, no member name twice in one report object (lenient mode keeps the first, like the parser).
 * Input that cannot be read at all is not an exception: the result holds one violation with keyword
 * {@value Violation#JSON}, {@value Violation#GZIP} or {@value Violation#LIMIT} and pointer {@code ""} (or the
 * pointer where reading stopped). Only a failing caller's stream or file is an {@link IOException}. A result
 * lists at most {@link #MAX_VIOLATIONS} violations: past them validation stops, and one last violation with
 * keyword {@value Violation#TRUNCATED} says so.
 *
 * <p>Instances are immutable and thread-safe; each schema is loaded once, on first use.
 *
 * @since 0.1.0
 */
public final class TlsRptSchema {

    /** Class-path resource of the strict schema: RFC 8460 as written. */
    public static final String STRICT_SCHEMA_RESOURCE = "/dev/tlsrpt/schema/tlsrpt-rfc8460.schema.json";
    /** Class-path resource of the lenient schema: RFC 8460 plus the deviations lenient parsing tolerates. */
    public static final String LENIENT_SCHEMA_RESOURCE = "/dev/tlsrpt/schema/tlsrpt-rfc8460-lenient.schema.json";

    /**
     * The most violations one result lists. Past it, validation stops and the result ends with one
     * {@value Violation#TRUNCATED} violation: memory stays bounded by the document's tree, not by its faults.
     */
    public static final int MAX_VIOLATIONS = 1000;

    private static final TlsRptSchema STRICT = new TlsRptSchema(ParseOptions.strict());
    private static final TlsRptSchema LENIENT = new TlsRptSchema(ParseOptions.lenient());

    /** One loaded schema: its text, its tree (for titles) and the compiled validator. */
    private static final class Loaded {
        final String resource;
        final String id;
        final String text;
        final JsonNode tree;
        final Schema schema;

        Loaded(String resource) {
            this.resource = resource;
            try (InputStream in = TlsRptSchema.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource missing from the class path: " + resource);
                }
                this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema resource " + resource, e);
            }
            this.tree = JsonMapper.builder().build().readTree(text);
            this.id = tree.path("$id").asString();
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH)
                    .formatAssertionsEnabled(false)
                    .build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config).schemas(Map.of(id, text)));
            this.schema = registry.getSchema(SchemaLocation.of(id));
            this.schema.initializeValidators();
        }
    }

    /** Loads each schema on first use, once. */
    private static final class StrictHolder {
        static final Loaded SCHEMA = new Loaded(STRICT_SCHEMA_RESOURCE);
    }

    /** Loads each schema on first use, once. */
    private static final class LenientHolder {
        static final Loaded SCHEMA = new Loaded(LENIENT_SCHEMA_RESOURCE);
    }

    private final ParseOptions options;

    private TlsRptSchema(ParseOptions options) {
        this.options = options;
    }

    /**
     * The strict schema with the default limits: RFC 8460 as written. Agrees with
     * {@code TlsRpt.parse(document, ParseOptions.strict())}.
     *
     * @return the strict validator
     */
    public static TlsRptSchema strict() {
        return STRICT;
    }

    /**
     * The lenient schema with the default limits: what real senders send and tlsrpt-core reads by default.
     * Agrees with {@code TlsRpt.parse(document)}.
     *
     * @return the lenient validator
     */
    public static TlsRptSchema lenient() {
        return LENIENT;
    }

    /**
     * The validator that agrees with parsing under {@code options}: strict or lenient, and its limits.
     *
     * @param options the parse options to agree with
     * @return the validator
     */
    public static TlsRptSchema of(ParseOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.equals(STRICT.options)) {
            return STRICT;
        }
        return options.equals(LENIENT.options) ? LENIENT : new TlsRptSchema(options);
    }

    /**
     * Whether this is the strict schema.
     *
     * @return true for the strict schema
     */
    public boolean isStrict() {
        return options.isStrict();
    }

    /**
     * The parse options this validator agrees with (mode and limits).
     *
     * @return the options
     */
    public ParseOptions options() {
        return options;
    }

    /**
     * The schema's {@code $id}, e.g. {@code https://tlsrpt.dev/schema/tlsrpt-rfc8460.schema.json}.
     *
     * @return the schema's id
     */
    public String schemaId() {
        return loaded().id;
    }

    /**
     * The class-path resource holding the schema: {@link #STRICT_SCHEMA_RESOURCE} or
     * {@link #LENIENT_SCHEMA_RESOURCE}.
     *
     * @return the resource name, starting with {@code /}
     */
    public String schemaResource() {
        return loaded().resource;
    }

    /**
     * The schema itself, JSON Schema draft 2020-12, for tools outside Java.
     *
     * @return the schema as JSON text
     */
    public String schemaText() {
        return loaded().text;
    }

    /**
     * Validates one report, plain JSON or gzip (seen from its first bytes). Leaves {@code in} open.
     *
     * @param in the report bytes
     * @return the result; unreadable input gives one violation, not an exception
     * @throws IOException when reading {@code in} fails
     */
    public ValidationResult validate(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        DocumentReader.Document doc;
        try {
            doc = new DocumentReader(options).read(in);
        } catch (DocumentReader.SourceFailure e) {
            throw (IOException) e.getCause();
        }
        return check(doc);
    }

    /**
     * Validates one report file, plain JSON or gzip whatever its name.
     *
     * @param file the report file
     * @return the result
     * @throws IOException when the file cannot be read
     */
    public ValidationResult validate(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in);
        }
    }

    /**
     * Validates one report held in bytes, plain JSON or gzip.
     *
     * @param data the report bytes
     * @return the result
     */
    public ValidationResult validate(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            return validate(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Validates one report given as JSON text, as its UTF-8 bytes would be validated. An unpaired surrogate,
     * which has no UTF-8 form, is one violation with keyword {@value Violation#JSON}, as invalid UTF-8 bytes
     * are, naming its char index, line and column.
     *
     * @param json the report
     * @return the result
     */
    public ValidationResult validate(String json) {
        Objects.requireNonNull(json, "json");
        byte[] data;
        try {
            data = JsonInput.utf8(json);
        } catch (MalformedReportException e) {
            return new ValidationResult(List.of(new Violation(e.pointer(), e.line(), e.column(), Violation.JSON,
                    "not UTF-8: " + e.problem())));
        }
        return validate(data);
    }

    /**
     * Asserts that a report is valid, for tests.
     *
     * @param json the report as JSON text
     * @throws AssertionError listing every violation, one a line, when it is not
     */
    public void assertValid(String json) {
        assertValid(validate(json));
    }

    /**
     * Asserts that a report is valid, for tests.
     *
     * @param data the report bytes, plain JSON or gzip
     * @throws AssertionError listing every violation, one a line, when it is not
     */
    public void assertValid(byte[] data) {
        assertValid(validate(data));
    }

    /**
     * Asserts that a report file is valid, for tests.
     *
     * @param file the report file, plain JSON or gzip
     * @throws AssertionError listing every violation, one a line, when it is not
     * @throws IOException when the file cannot be read
     */
    public void assertValid(Path file) throws IOException {
        assertValid(validate(file));
    }

    /**
     * Asserts that a report is valid, for tests. Leaves {@code in} open.
     *
     * @param in the report bytes, plain JSON or gzip
     * @throws AssertionError listing every violation, one a line, when it is not
     * @throws IOException when reading {@code in} fails
     */
    public void assertValid(InputStream in) throws IOException {
        assertValid(validate(in));
    }

    private void assertValid(ValidationResult result) {
        if (!result.isValid()) {
            String name = schemaResource().substring(schemaResource().lastIndexOf('/') + 1);
            throw new AssertionError("not a valid RFC 8460 report (" + name + "): " + result);
        }
    }

    @Override
    public String toString() {
        return "TlsRptSchema[" + (isStrict() ? "strict" : "lenient") + "]";
    }

    private Loaded loaded() {
        return options.isStrict() ? StrictHolder.SCHEMA : LenientHolder.SCHEMA;
    }

    private ValidationResult check(DocumentReader.Document doc) {
        JsonNode tree = doc.tree();
        if (tree == null) {
            return new ValidationResult(doc.problems());
        }
        Loaded loaded = loaded();
        List<Violation> violations = new ArrayList<>(doc.problems());
        CappedErrors errors = new CappedErrors(MAX_VIOLATIONS - Math.min(violations.size(), MAX_VIOLATIONS));
        ExecutionContext context = loaded.schema.createExecutionContext();
        context.setErrors(errors);
        boolean cut = doc.problemsCut();
        try {
            loaded.schema.validate(context, tree);
        } catch (CappedErrors.Full e) {
            cut = true;
        }
        for (com.networknt.schema.Error error : errors) {
            violations.add(Messages.violation(error, doc, loaded.tree));
        }
        violations.sort(Comparator.comparingInt((Violation v) -> v.line() < 0 ? Integer.MAX_VALUE : v.line())
                .thenComparingInt(v -> v.column() < 0 ? Integer.MAX_VALUE : v.column()));
        if (cut) {
            violations.add(new Violation("", -1, -1, Violation.TRUNCATED, "more than " + MAX_VIOLATIONS
                    + " violations: validation stopped at the next one, the first found are listed"));
        }
        return new ValidationResult(violations);
    }

    /**
     * The list networknt adds its errors to, holding at most {@code room}: the next one stops the validation
     * (through the exception networknt lets pass for its own fail-fast mode), so that a document of many small
     * faults costs the memory of its tree, not of a million errors.
     */
    private static final class CappedErrors extends ArrayList<com.networknt.schema.Error> {
        private static final long serialVersionUID = 1L;
        private final int room;

        /** Stops the validation at the error one past the cap. */
        static final class Full extends FailFastAssertionException {
            private static final long serialVersionUID = 1L;

            Full(com.networknt.schema.Error error) {
                super(error);
            }
        }

        CappedErrors(int room) {
            this.room = room;
        }

        @Override
        public boolean add(com.networknt.schema.Error error) {
            if (size() >= room) {
                throw new Full(error);
            }
            return super.add(error);
        }

        @Override
        public void add(int index, com.networknt.schema.Error error) {
            if (size() >= room) {
                throw new Full(error);
            }
            super.add(index, error);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends com.networknt.schema.Error> more) {
            for (com.networknt.schema.Error error : more) {
                add(error);
            }
            return !more.isEmpty();
        }

        @Override
        public boolean addAll(int index, java.util.Collection<? extends com.networknt.schema.Error> more) {
            int i = index;
            for (com.networknt.schema.Error error : more) {
                add(i++, error);
            }
            return !more.isEmpty();
        }
    }
}
