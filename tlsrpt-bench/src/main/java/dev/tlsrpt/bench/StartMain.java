package dev.tlsrpt.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * How long {@code tlsrpt diagnose} of one 10 KB report takes as the distribution's launcher runs it, against
 * {@code java Hello} on the same machine and the same Java runtime (the start-up goal: at most 3×). It unpacks
 * the distribution ({@code tlsrpt-cli/target/tlsrpt-<version>.zip}) into a temporary directory, writes the
 * generated 10 KB report ({@link ReportFiles}, plain JSON) and {@link Hello} next to it, and for each Java
 * runtime named:
 * <ol>
 *   <li>times the first runs, each with an empty cache directory, which make the class-data archive after the
 *       command (the process ends when the archive is made);</li>
 *   <li>makes the archive once in the cache directory of the later runs, and checks that every variant below
 *       prints what {@code java -jar lib/tlsrpt.jar diagnose report.json} prints, with its exit code;</li>
 *   <li>times N rounds, each running every variant once, in turn: {@code java Hello}, {@code bin/tlsrpt}
 *       with its archive (the target), then the launcher with one of its choices undone or one more option
 *       through {@code TLSRPT_CDS=off} or {@code TLSRPT_JAVA_OPTS} (which come after the launcher's options,
 *       so they win), or through a copy of the launcher with {@code -XX:+UseSerialGC} in its
 *       {@code START_OPTS} and a cache directory of its own (the collector changes what the archive holds),
 *       then {@code java -jar} without any of them. Interleaving keeps the ratios fair on a machine that
 *       other work shares: a load that comes and goes falls on every variant alike.</li>
 * </ol>
 * A distribution from before the launcher made archives ({@code --dist}) is measured with the variants it
 * has: {@code java Hello}, its launcher, {@code java -jar}.
 * Each run is timed by bash's {@code time} (wall clock, and user + system CPU of the process and its
 * children, in milliseconds), with standard input, output and error redirected from and to
 * {@code /dev/null}. The table gives medians and their ratio to {@code java Hello}'s, and the load average
 * before and after; it is printed and written to {@code tlsrpt-bench/target/start-results.md}.
 *
 * <pre>
 * mvn -B -ntp -pl tlsrpt-cli,tlsrpt-bench -am package -DskipTests
 * java -cp tlsrpt-bench/target/benchmarks.jar dev.tlsrpt.bench.StartMain \
 *     --jdk /usr/lib/jvm/java-17-openjdk-amd64 --jdk /usr/lib/jvm/temurin-25-jdk-amd64
 * </pre>
 *
 * <p>Options: {@code --jdk HOME} (repeatable; default: the runtime running this class), {@code --runs N}
 * (rounds, default 21), {@code --first N} (first runs, default 3), {@code --dist FILE} (the distribution's
 * zip; default: the one under {@code tlsrpt-cli/target}), {@code --out FILE}. Needs a POSIX system with bash.
 */
public final class StartMain {

    private StartMain() {
    }

    /** One way of running the command, timed in every round. */
    record Variant(String label, List<String> command, Map<String, String> env) {
    }

    /** One timed run: wall clock and CPU, in milliseconds. */
    record Timing(double wallMs, double cpuMs) {
    }

    /**
     * Runs the measurement.
     *
     * @param args the options
     * @throws IOException when the distribution cannot be unpacked or a run cannot be started
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<Path> jdks = new ArrayList<>();
        int runs = 21;
        int first = 3;
        Path dist = null;
        Path out = Path.of("tlsrpt-bench/target/start-results.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdk" -> jdks.add(Path.of(args[++i]));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--first" -> first = Integer.parseInt(args[++i]);
                case "--dist" -> dist = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--jdk HOME, --runs N, --first N, --dist FILE, --out FILE)");
            }
        }
        if (jdks.isEmpty()) {
            jdks.add(Path.of(System.getProperty("java.home")));
        }
        if (dist == null) {
            dist = findDistribution(Path.of("tlsrpt-cli/target"));
        }

        Path work = Files.createTempDirectory("tlsrpt-start");
        Path home = unzip(dist, work);
        Path launcher = home.resolve("bin/tlsrpt");
        Path jar = home.resolve("lib/tlsrpt.jar");
        Path report = Files.copy(ReportFiles.get("10KB", false).path(), work.resolve("report.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path helloDir = work.resolve("hello");
        writeHello(helloDir);

        StringBuilder md = new StringBuilder();
        String loadBefore = BenchMain.loadAverage();
        md.append(String.format(Locale.ROOT, "Machine: %s%n", BenchMain.machine()));
        md.append(String.format(Locale.ROOT, "Distribution: %s; report: %s (%,d bytes); %d rounds, %d first runs%n",
                dist.getFileName(), report.getFileName(), Files.size(report), runs, first));
        md.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before: %s%n", loadBefore));
        for (Path jdk : jdks) {
            Path java = jdk.resolve("bin/java");
            if (!Files.isExecutable(java)) {
                throw new IllegalArgumentException(jdk + " has no bin/java");
            }
            System.out.println("measuring with " + jdk + " ...");
            md.append(measure(jdk, java, work, launcher, jar, report, helloDir, runs, first));
        }
        md.append(String.format(Locale.ROOT, "%nLoad average after: %s%n", BenchMain.loadAverage()));
        System.out.println();
        System.out.print(md);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        deleteTree(work);
    }

    private static String measure(Path jdk, Path java, Path work, Path launcher, Path jar, Path report, Path helloDir,
            int runs, int first) throws IOException, InterruptedException {
        String name = jdk.getFileName().toString();
        Map<String, String> base = new HashMap<>();
        base.put("PATH", "/usr/bin:/bin");
        base.put("JAVA_HOME", jdk.toString());
        base.put("HOME", Files.createDirectories(work.resolve("home-" + name)).toString());
        for (String keep : List.of("LANG", "LC_ALL", "TZ")) {
            String v = System.getenv(keep);
            if (v != null) {
                base.put(keep, v);
            }
        }
        List<String> diagnose = List.of(launcher.toString(), "diagnose", report.toString());

        // the first runs: an empty cache directory each, the archive made after the command
        List<Timing> firstRuns = new ArrayList<>();
        for (int i = 0; i < first; i++) {
            Map<String, String> env = new HashMap<>(base);
            env.put("XDG_CACHE_HOME", work.resolve("cache-" + name + "-first-" + i).toString());
            firstRuns.add(time(diagnose, env));
        }

        // the later runs: one cache directory, its archive made by a first run now
        Map<String, String> later = new HashMap<>(base);
        later.put("XDG_CACHE_HOME", work.resolve("cache-" + name).toString());
        time(diagnose, later);
        Path archiveDir = work.resolve("cache-" + name).resolve("tlsrpt");
        List<String> archives = list(archiveDir);
        // a distribution from before the launcher made archives (--dist) is measured all the same
        boolean archived = archives.stream().anyMatch(f -> f.endsWith(".jsa") || f.endsWith(".aot"));
        boolean startOpts = Files.readString(launcher, StandardCharsets.UTF_8).contains("\nSTART_OPTS=\"");

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("`java Hello`", List.of(java.toString(), "-cp", helloDir.toString(),
                Hello.class.getName()), base));
        variants.add(new Variant(archived ? "`bin/tlsrpt diagnose`, archive made (later runs)"
                : "`bin/tlsrpt diagnose` (this launcher makes no archive)", diagnose, later));
        if (archived) {
            variants.add(new Variant("… `TLSRPT_CDS=off` (no archive)", diagnose, with(later, "TLSRPT_CDS", "off")));
        }
        if (startOpts) {
            variants.add(new Variant("… C2 too (`-XX:TieredStopAtLevel=4`)", diagnose,
                    with(later, "TLSRPT_JAVA_OPTS", "-XX:TieredStopAtLevel=4")));
            variants.add(new Variant("… usual compile thresholds (`-XX:CompileThresholdScaling=1`)", diagnose,
                    with(later, "TLSRPT_JAVA_OPTS", "-XX:CompileThresholdScaling=1")));
            // the serial collector changes what the archive holds (Java 17 maps archived objects into G1's
            // heap only): a copy of the launcher with it in START_OPTS, and a cache directory of its own
            Path serial = serialLauncher(launcher);
            Map<String, String> serialEnv = with(base, "XDG_CACHE_HOME",
                    work.resolve("cache-" + name + "-serial").toString());
            List<String> serialDiagnose = List.of(serial.toString(), "diagnose", report.toString());
            time(serialDiagnose, serialEnv);
            variants.add(new Variant("… and `-XX:+UseSerialGC` (its own archive)", serialDiagnose, serialEnv));
            variants.add(new Variant("… and `-XX:-UsePerfData`", diagnose,
                    with(later, "TLSRPT_JAVA_OPTS", "-XX:-UsePerfData")));
        }
        variants.add(new Variant("`java -jar lib/tlsrpt.jar diagnose` (no options, no archive)",
                List.of(java.toString(), "-jar", jar.toString(), "diagnose", report.toString()), base));

        // every variant of the command does the same work: the same output and exit code
        Output expected = output(variants.get(variants.size() - 1));
        for (Variant v : variants.subList(1, variants.size() - 1)) {
            Output o = output(v);
            if (!o.equals(expected)) {
                throw new IllegalStateException(v.label() + " printed something else: " + o + "\nexpected: " + expected);
            }
        }

        List<List<Timing>> timings = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            timings.add(new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < variants.size(); i++) {
                timings.get(i).add(time(variants.get(i).command(), variants.get(i).env()));
            }
        }

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n### %s (%s)%n%n", name, version(jdk)));
        s.append("| run | wall, median | × `java Hello` | CPU (user+sys), median | × `java Hello` |\n");
        s.append("|---|---:|---:|---:|---:|\n");
        double helloWall = median(timings.get(0), true);
        double helloCpu = median(timings.get(0), false);
        for (int i = 0; i < variants.size(); i++) {
            row(s, variants.get(i).label(), timings.get(i), helloWall, helloCpu);
        }
        if (archived) {
            row(s, "first run: the command, then the archive made", firstRuns, helloWall, helloCpu);
        }
        s.append(String.format(Locale.ROOT, "%nArchive: %s (%,d bytes). Goal (`bin/tlsrpt diagnose` ≤ 3× `java Hello`):"
                + " **%s** (%.2f×).%n", archived ? String.join(", ", archives) : "none", archiveBytes(archiveDir),
                median(timings.get(1), true) <= 3 * helloWall ? "met" : "not met",
                median(timings.get(1), true) / helloWall));
        return s.toString();
    }

    private static void row(StringBuilder s, String label, List<Timing> t, double helloWall, double helloCpu) {
        double wall = median(t, true);
        double cpu = median(t, false);
        s.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.2f | %.0f ms | %.2f |%n", label, wall, wall / helloWall,
                cpu, cpu / helloCpu));
    }

    /** A copy of bin/tlsrpt beside it with {@code -XX:+UseSerialGC} added to its START_OPTS. */
    static Path serialLauncher(Path launcher) throws IOException {
        Path copy = launcher.resolveSibling("tlsrpt-serialgc");
        if (!Files.exists(copy)) {
            String script = Files.readString(launcher, StandardCharsets.UTF_8);
            String edited = script.replaceFirst("(?m)^START_OPTS=\"", "START_OPTS=\"-XX:+UseSerialGC ");
            if (edited.equals(script)) {
                throw new IllegalStateException(launcher + " has no START_OPTS=\" line");
            }
            Files.writeString(copy, edited, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return copy;
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> m = new HashMap<>(env);
        m.put(key, value);
        return m;
    }

    /**
     * Times one run with bash's {@code time}: its real, user and system seconds to the millisecond, for the
     * command and every process it starts.
     */
    static Timing time(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        List<String> bash = new ArrayList<>(List.of("bash", "-c",
                "TIMEFORMAT='%3R %3U %3S'; time \"$@\" </dev/null >/dev/null 2>/dev/null", "bash"));
        bash.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(bash);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err;
        try (InputStream in = p.getErrorStream()) {
            err = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String[] f = err.substring(err.lastIndexOf('\n') + 1).split(" ");
        if (f.length != 3) {
            throw new IllegalStateException("no timing from bash for " + command + ": " + err);
        }
        return new Timing(Double.parseDouble(f[0]) * 1000,
                (Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000);
    }

    /** What a run printed, and its exit code. */
    record Output(int exitCode, String out, String err) {
    }

    private static Output output(Variant v) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(v.command());
        pb.environment().clear();
        pb.environment().putAll(v.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Path errFile = Files.createTempFile("tlsrpt-start", ".err");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        Files.delete(errFile);
        return new Output(code, out, err);
    }

    static double median(List<Timing> t, boolean wall) {
        double[] v = t.stream().mapToDouble(x -> wall ? x.wallMs() : x.cpuMs()).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String version(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (Files.isReadable(release)) {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    return line.substring(line.indexOf('=') + 1).replace("\"", "");
                }
            }
        }
        return "unknown version";
    }

    private static Path findDistribution(Path target) throws IOException {
        List<String> zips = list(target).stream().filter(f -> f.startsWith("tlsrpt-") && f.endsWith(".zip")).toList();
        if (zips.size() != 1) {
            throw new IllegalStateException("expected one tlsrpt-<version>.zip in " + target.toAbsolutePath()
                    + " (mvn -pl tlsrpt-cli -am package), found " + zips + "; or name one with --dist");
        }
        return target.resolve(zips.get(0));
    }

    /** Unpacks the distribution's zip; bin/tlsrpt becomes executable. Returns its one top directory. */
    private static Path unzip(Path zip, Path into) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the archive's directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                if (top == null) {
                    top = into.resolve(into.relativize(target).getName(0));
                }
            }
        }
        if (top == null) {
            throw new IOException(zip + " is empty");
        }
        Files.setPosixFilePermissions(top.resolve("bin/tlsrpt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return top;
    }

    private static void writeHello(Path dir) throws IOException {
        String resource = Hello.class.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        try (InputStream in = Hello.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Files.copy(in, file);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        names.sort(null);
        return names;
    }

    private static long archiveBytes(Path dir) throws IOException {
        long total = 0;
        for (String f : list(dir)) {
            if (f.endsWith(".jsa") || f.endsWith(".aot")) {
                total += Files.size(dir.resolve(f));
            }
        }
        return total;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
