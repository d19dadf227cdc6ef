package dev.tlsrpt.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One whole process reading one report file, for the whole-process table ({@code whole-process.py} runs it
 * under {@code /usr/bin/time -v} beside Python's {@code json.load}). Prints what it read, so that the runner
 * can check that every reader read the same report:
 *
 * <pre>
 * java -Xmx64m -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.WholeProcessMain stream FILE
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.WholeProcessMain readTree FILE
 * </pre>
 *
 * <p>{@code stream}: {@code TlsRpt.stream} with a visitor that counts (gzip sniffed and inflated by the
 * library, on a second thread past 1 MiB). {@code readTree}: Jackson databind's {@code readTree} over a
 * {@code GZIPInputStream} for a {@code .gz} file, then the tree counted.
 */
public final class WholeProcessMain {

    private WholeProcessMain() {
    }

    /**
     * Reads the report and prints {@code policies=N failureDetails=M}.
     *
     * @param args the reader ({@code stream} or {@code readTree}) and the file
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: WholeProcessMain stream|readTree FILE");
        }
        Path file = Path.of(args[1]);
        long policies;
        long details;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), Readers.BUFFER)) {
            switch (args[0]) {
                case "stream" -> {
                    Readers.CountingVisitor visitor = new Readers.CountingVisitor();
                    dev.tlsrpt.TlsRpt.stream(in, Readers.OPTIONS, visitor);
                    policies = visitor.policies;
                    details = visitor.failureDetails;
                }
                case "readTree" -> {
                    JsonNode tree = Readers.readTree(file.toString().endsWith(".gz") ? Readers.gunzip(in) : in);
                    policies = tree.get("policies").size();
                    long n = 0;
                    for (JsonNode p : tree.get("policies")) {
                        JsonNode d = p.get("failure-details");
                        n += d == null ? 0 : d.size();
                    }
                    details = n;
                }
                default -> throw new IllegalArgumentException("reader must be stream or readTree, got " + args[0]);
            }
        }
        System.out.printf(Locale.ROOT, "policies=%d failureDetails=%d%n", policies, details);
    }
}
