package dev.tlsrpt.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * The generated report files, made on demand into {@code tlsrpt-bench/target/reports/} (never committed) and
 * reused while the seed and size stay the same. Each file has a {@code .properties} sidecar with its
 * {@link ReportGenerator.Stats}.
 *
 * <p>Run as a main class to generate files ahead of a benchmark:
 * {@code java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.ReportFiles 1GB gzip}.
 */
public final class ReportFiles {

    /** The seed of every generated report. */
    public static final long SEED = 8460;

    /**
     * The suffix of a size ({@code 10MB-repeat}) for a report whose addresses repeat as in a real large report
     * (see {@link ReportGenerator}); without it, every address is drawn at random.
     */
    public static final String REPEAT = "-repeat";

    /** The system property naming the directory of the generated reports. */
    public static final String DIR_PROPERTY = "tlsrpt.bench.dir";

    private ReportFiles() {
    }

    /**
     * One generated report file.
     *
     * @param path the file
     * @param gzip whether the file is gzip
     * @param stats what the report holds; {@code stats.bytes()} is the decompressed size
     */
    public record Report(Path path, boolean gzip, ReportGenerator.Stats stats) {

        /**
         * The size on disk: compressed for gzip.
         *
         * @return bytes
         * @throws UncheckedIOException when the file is gone
         */
        public long fileBytes() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The directory of the generated reports: the {@value #DIR_PROPERTY} system property, else
     * {@code tlsrpt-bench/target/reports} when run from the repository root, else {@code target/reports}.
     *
     * @return an absolute path
     */
    public static Path directory() {
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        Path module = Path.of("tlsrpt-bench");
        return (Files.isDirectory(module) ? module.resolve("target/reports") : Path.of("target/reports"))
                .toAbsolutePath();
    }

    /**
     * Reads a size such as {@code 10KB}, {@code 200MB} or {@code 1GB} (decimal units: 1 MB = 10^6 bytes),
     * with or without the suffix {@value #REPEAT}.
     *
     * @param size the size
     * @return bytes
     * @throws IllegalArgumentException when the size cannot be read
     */
    public static long parseSize(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith(REPEAT.toUpperCase(Locale.ROOT))) {
            s = s.substring(0, s.length() - REPEAT.length());
        }
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1_000;
        } else if (s.endsWith("MB")) {
            unit = 1_000_000;
        } else if (s.endsWith("GB")) {
            unit = 1_000_000_000;
        }
        String digits = unit == 1 ? s.replaceAll("B$", "") : s.substring(0, s.length() - 2);
        try {
            return Long.parseLong(digits.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + size, e);
        }
    }

    /**
     * The report of this size, generated now unless a previous run left it in {@link #directory()}.
     *
     * @param size a size for {@link #parseSize(String)}; the suffix {@value #REPEAT} makes addresses repeat
     * @param gzip true for a {@code .json.gz} file
     * @return the report file and what it holds
     * @throws IOException when the file cannot be written
     */
    public static Report get(String size, boolean gzip) throws IOException {
        long target = parseSize(size);
        Path dir = directory();
        String name = "report-" + size.strip() + "-seed" + SEED + (gzip ? ".json.gz" : ".json");
        Path file = dir.resolve(name);
        Path sidecar = dir.resolve(name + ".properties");
        if (Files.isRegularFile(file) && Files.isRegularFile(sidecar)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(sidecar)) {
                p.load(in);
            }
            if (String.valueOf(target).equals(p.getProperty("target"))) {
                return new Report(file, gzip, new ReportGenerator.Stats(Long.parseLong(p.getProperty("bytes")),
                        Long.parseLong(p.getProperty("policies")), Long.parseLong(p.getProperty("failureDetails"))));
            }
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        ReportGenerator.Stats stats;
        try {
            try (OutputStream file0 = Files.newOutputStream(tmp);
                    OutputStream out = gzip ? new GZIPOutputStream(file0, 1 << 16)
                            : new BufferedOutputStream(file0, 1 << 16)) {
                stats = ReportGenerator.write(out, target, SEED,
                        size.strip().toLowerCase(Locale.ROOT).endsWith(REPEAT));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Properties p = new Properties();
        p.setProperty("target", String.valueOf(target));
        p.setProperty("bytes", String.valueOf(stats.bytes()));
        p.setProperty("policies", String.valueOf(stats.policies()));
        p.setProperty("failureDetails", String.valueOf(stats.failureDetails()));
        try (OutputStream out = Files.newOutputStream(sidecar)) {
            p.store(out, "tlsrpt-bench generated report " + name);
        }
        return new Report(file, gzip, stats);
    }

    /**
     * Generates report files ahead of a run and prints their sizes.
     *
     * @param args sizes ({@code 10KB}, {@code 1GB}...), optionally followed by {@code plain} and/or
     *     {@code gzip} (both when neither is named)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        boolean plain = false;
        boolean gzip = false;
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "plain" -> plain = true;
                case "gzip" -> gzip = true;
                default -> sizes.add(a);
            }
        }
        if (!plain && !gzip) {
            plain = true;
            gzip = true;
        }
        if (sizes.isEmpty()) {
            sizes = java.util.List.of("10KB", "10MB", "200MB");
        }
        for (String size : sizes) {
            for (boolean z : new boolean[] {false, true}) {
                if (z ? gzip : plain) {
                    long start = System.nanoTime();
                    Report r = get(size, z);
                    System.out.printf(Locale.ROOT, "%s: %,d bytes on disk, %,d bytes of JSON, %,d policies, "
                            + "%,d failure details (%.1f s)%n", r.path(), r.fileBytes(), r.stats().bytes(),
                            r.stats().policies(), r.stats().failureDetails(), (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }
}
