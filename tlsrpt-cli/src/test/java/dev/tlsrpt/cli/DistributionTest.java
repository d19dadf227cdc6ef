package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user meets it: {@code tlsrpt-<version>.tar.gz} unpacked into a fresh directory, and
 * {@code bin/tlsrpt} run from there, through a symbolic link, with the java of {@code JAVA_HOME} or of
 * {@code PATH}. The archive is made in {@code package}, so this test runs after it, in {@code integration-test}
 * ({@code mvn verify}; the tag keeps it out of the {@code test} phase, see the pom).
 */
@Tag("distribution")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DistributionTest {

    @TempDir
    static Path tmp;

    static Path home;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                "bin/tlsrpt is a POSIX sh script");
        Path tar = archive("tlsrpt.dist.tar");
        Result untar = run(tmp, Map.of(), null, "tar", "-xzf", tar.toString());
        assertThat(untar.exitCode).as(untar.toString()).isZero();
        home = tmp.resolve("tlsrpt-" + System.getProperty("tlsrpt.version"));
        assertThat(home).isDirectory();
    }

    private static Path archive(String property) {
        String name = System.getProperty(property);
        assertThat(name).as("system property " + property + " (set by the pom; run mvn verify)").isNotNull();
        Path file = Path.of(name);
        assertThat(file).as("made by mvn package").isRegularFile();
        return file;
    }

    @Test
    void theArchivesHoldTheLauncherTheJarAndTheLicenceOnly() throws IOException {
        assertThat(files(tmp)).containsExactly(
                home.getFileName() + "/LICENSE", home.getFileName() + "/bin/tlsrpt", home.getFileName() + "/bin/tlsrpt.bat",
                home.getFileName() + "/lib/tlsrpt.jar");
        assertThat(Files.isExecutable(home.resolve("bin/tlsrpt"))).as("bin/tlsrpt keeps its mode 0755").isTrue();
        assertThat(Files.readString(home.resolve("bin/tlsrpt"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve("bin/tlsrpt.bat"))).startsWith("@echo off\r\n");

        // the zip holds the same files with the same bytes
        Map<String, byte[]> zip = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive("tlsrpt.dist.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    zip.put(e.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(zip.keySet()).containsExactlyElementsOf(files(tmp));
        for (Map.Entry<String, byte[]> e : zip.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readAllBytes(tmp.resolve(e.getKey())));
        }
    }

    @Test
    void theDocsNameTheArchivesThisBuildMakes() throws IOException {
        Pattern named = Pattern.compile("tlsrpt-cli/target/(tlsrpt-[^ /`\"]*?\\.(?:zip|tar\\.gz))");
        List<String> found = new ArrayList<>();
        for (Path readme : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "cli.md"), Path.of("README.md"))) {
            Matcher m = named.matcher(Files.readString(readme, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        assertThat(found).isNotEmpty().allSatisfy(name -> assertThat(name).matches("tlsrpt-(<version>|"
                + Pattern.quote(System.getProperty("tlsrpt.version")) + ")\\.(zip|tar\\.gz)"));
        assertThat(found).contains("tlsrpt-" + System.getProperty("tlsrpt.version") + ".zip");
    }

    @Test
    void versionNamesTheVersionCommitAndBuildDate() throws Exception {
        Result run = launcher(javaOnPath(), null, "--version");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("tlsrpt " + System.getProperty("tlsrpt.version")
                + " (tlsrpt-java, RFC 8460 SMTP TLS Reporting)");
        boolean checkout = Files.exists(Path.of("..", ".git"));
        assertThat(lines.get(1)).matches("commit " + (checkout ? "[0-9a-f]{40}" : "unknown")
                + ", built [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z");
        assertThat(lines.get(1)).isEqualTo("commit " + VersionProvider.commit() + ", built " + VersionProvider.built());
        assertThat(run.err).isEmpty();
    }

    @Test
    void theSampleIsDiagnosed() throws Exception {
        Result run = launcher(javaOnPath(), null, "diagnose", "--sample");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out).startsWith("==> (bundled sample) <==\n")
                .contains("  [WARNING] The certificate of mail.example.com has expired\n").doesNotContain("\u001b[");
    }

    @Test
    void noInputReadsStandardInputWhenItIsNotATerminal() throws Exception {
        Path report = Fixtures.write(tmp.resolve("in/report.json"), Fixtures.sample());

        Result piped = launcher(javaOnPath(), report, "diagnose", "--format", "csv");
        assertThat(piped.exitCode).as(piped.toString()).isEqualTo(1);
        assertThat(piped.out).contains("\r\n(stdin),Example Mail Provider,");

        Result empty = launcher(javaOnPath(), Path.of("/dev/null"), "diagnose");
        assertThat(empty.exitCode).as(empty.toString()).isZero();
        assertThat(empty.out + empty.err).isEmpty();
    }

    @Test
    void standardInputOnATerminalIsAUsageErrorThroughTheLaunchersTerminalFacts() throws Exception {
        // script(1) runs the launcher on a pseudo-terminal: [ -t 0 ] is true there
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script(1) for a pseudo-terminal");
        Map<String, String> env = javaOnPath();
        env.put("NO_COLOR", "1");
        env.put("TLSRPT_JAVA_OPTS", "-XshowSettings:properties"); // java lists its system properties first
        Result run = run(tmp, env, null, "/usr/bin/script", "-qec", home.resolve("bin/tlsrpt") + " diagnose", "/dev/null");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).contains("    tlsrpt.stderr.terminal = true", "    tlsrpt.stdin.terminal = true",
                "    tlsrpt.stdout.terminal = true",
                "\nNo input: name report files or directories, - for standard input, or --sample");
    }

    @Test
    void redirectedStreamsAreNotATerminal() throws Exception {
        Map<String, String> env = javaOnPath();
        env.put("TLSRPT_JAVA_OPTS", "-XshowSettings:properties");
        Result run = launcher(env, null, "--version");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err).contains("    tlsrpt.stderr.terminal = false\n", "    tlsrpt.stdin.terminal = false\n",
                "    tlsrpt.stdout.terminal = false\n");
    }

    @Test
    void theLauncherFindsItsHomeThroughSymbolicLinksAndJavaThroughJavaHome() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("links/usr/local/bin"));
        Path direct = Files.createSymbolicLink(tmp.resolve("links/tlsrpt-real"), home.resolve("bin/tlsrpt"));
        Path chained = Files.createSymbolicLink(links.resolve("tlsrpt"), Path.of("../../../tlsrpt-real")); // relative
        assertThat(Files.readSymbolicLink(chained)).isEqualTo(Path.of("../../../tlsrpt-real"));
        assertThat(direct).exists();

        Map<String, String> env = new HashMap<>();
        env.put("PATH", links + ":/usr/bin:/bin"); // the tlsrpt link is found on PATH; java only via JAVA_HOME
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Result run = run(tmp.resolve("links"), env, null, "/bin/sh", "-c", "tlsrpt --version"); // the shell finds it

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).startsWith("tlsrpt " + System.getProperty("tlsrpt.version") + " ");
    }

    @Test
    void withoutJavaTheLauncherSaysSoAndExits127() throws Exception {
        Map<String, String> none = new HashMap<>();
        none.put("PATH", "/nonexistent");
        Result noJava = run(tmp, none, null, "/bin/sh", home.resolve("bin/tlsrpt").toString(), "--version");
        assertThat(noJava.exitCode).isEqualTo(127);
        assertThat(noJava.err).isEqualTo("tlsrpt: no java found: install Java 17 or later, or set JAVA_HOME\n");

        Map<String, String> badHome = javaOnPath();
        badHome.put("JAVA_HOME", tmp.resolve("no-jdk").toString());
        Result bad = launcher(badHome, null, "--version");
        assertThat(bad.exitCode).isEqualTo(127);
        assertThat(bad.err).startsWith("tlsrpt: JAVA_HOME is " + tmp.resolve("no-jdk") + ", but it has no bin/java");
    }

    @Test
    void completionCompletesTheLaunchersName() throws Exception {
        Result run = launcher(javaOnPath(), null, "generate-completion");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("\ncomplete -F _complete_tlsrpt -o default tlsrpt ");
    }

    @Test
    void theFirstRunMakesAClassDataArchiveThatLaterRunsUse() throws Exception {
        Path cache = tmp.resolve("cds-cache");
        Path archives = cache.resolve("tlsrpt");
        Map<String, String> env = javaOnPath();
        env.put("XDG_CACHE_HOME", cache.toString());

        Result first = launcher(env, null, "diagnose", "--sample");
        assertThat(first.exitCode).as(first.toString()).isEqualTo(1);
        assertThat(first.out).startsWith("==> (bundled sample) <==\n");
        assertThat(first.err).isEmpty();
        List<String> made = names(archives);
        // named after java and tlsrpt.jar (inode, size, day of each) and the kind
        assertThat(made).singleElement().asString().matches(ARCHIVE_KEY + "diagnose\\." + archiveType());

        // later runs use it: the launcher's classes come from the archive, the command does the same
        Path log = tmp.resolve("cds-class-load.log");
        env.put("TLSRPT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result second = launcher(env, null, "diagnose", "--sample");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(log)).contains(" dev.tlsrpt.cli.Main source: shared objects file");
        assertThat(names(archives)).isEqualTo(made);

        // TLSRPT_CDS=off: the same command without it
        env.put("TLSRPT_CDS", "off");
        Result off = launcher(env, null, "diagnose", "--sample");
        assertThat(off).isEqualTo(first);
        assertThat(Files.readString(log)).contains(" dev.tlsrpt.cli.Main source: file:")
                .doesNotContain("source: shared objects file (top)");
        assertThat(names(archives)).isEqualTo(made);

        // every other command line has an archive of its own
        env.remove("TLSRPT_CDS");
        env.remove("TLSRPT_JAVA_OPTS");
        Result validate = launcher(env, null, "validate", "--sample");
        assertThat(validate.exitCode).as(validate.toString()).isZero();
        assertThat(validate.err).isEqualTo("1 of 1 report valid\n");
        assertThat(names(archives)).hasSize(2).contains(made.get(0))
                .anySatisfy(n -> assertThat(n).matches(ARCHIVE_KEY + "all\\." + archiveType()));
    }

    @Test
    void withoutACacheDirectoryItCanWriteTheCommandRunsAsUsual() throws Exception {
        Result usual = launcher(javaOnPath(), null, "diagnose", "--sample"); // no HOME, no XDG_CACHE_HOME
        assertThat(usual.exitCode).as(usual.toString()).isEqualTo(1);

        // the cache directory's parent is a file: it cannot be made
        Path file = Files.writeString(tmp.resolve("cds-not-a-directory"), "x");
        Map<String, String> env = javaOnPath();
        env.put("XDG_CACHE_HOME", file.resolve("cache").toString());
        assertThat(launcher(env, null, "diagnose", "--sample")).isEqualTo(usual);
        assertThat(Files.readString(file)).isEqualTo("x");

        // a read-only directory (root writes into one all the same: then there is nothing to see)
        Path readOnly = Files.createDirectories(tmp.resolve("cds-read-only/tlsrpt"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            env.put("XDG_CACHE_HOME", readOnly.getParent().toString());
            Result run = launcher(env, null, "diagnose", "--sample");
            assertThat(run).isEqualTo(usual);
            if (!Files.isWritable(readOnly)) {
                assertThat(names(readOnly)).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        // a relative XDG_CACHE_HOME is ignored (the XDG base directory rules) and there is no HOME
        env.put("XDG_CACHE_HOME", "relative-cache");
        assertThat(launcher(env, null, "diagnose", "--sample")).isEqualTo(usual);
        assertThat(tmp.resolve("relative-cache")).doesNotExist();
    }

    @Test
    void firstRunsAtTheSameTimeLeaveOneCompleteArchive() throws Exception {
        Path cache = tmp.resolve("cds-race");
        Map<String, String> env = javaOnPath();
        env.put("XDG_CACHE_HOME", cache.toString());
        List<Process> runs = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = tmp.resolve("cds-race-" + i + ".txt");
            outs.add(out);
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/tlsrpt").toString(), "diagnose", "--sample")
                    .directory(tmp.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            runs.add(pb.start());
        }
        for (Process p : runs) {
            assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
        }
        String first = Files.readString(outs.get(0));
        assertThat(first).startsWith("==> (bundled sample) <==\n");
        for (Path out : outs) {
            assertThat(Files.readString(out)).isEqualTo(first);
        }
        // one archive, whichever run renamed it last; nothing half-made, nothing left over
        assertThat(names(cache.resolve("tlsrpt"))).singleElement().asString().endsWith("-diagnose." + archiveType());
        Map<String, String> log = javaOnPath();
        log.putAll(env);
        Path classes = tmp.resolve("cds-race-class-load.log");
        log.put("TLSRPT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        Result later = launcher(log, null, "diagnose", "--sample");
        assertThat(later.out).isEqualTo(first);
        assertThat(Files.readString(classes)).contains(" dev.tlsrpt.cli.Main source: shared objects file");
    }

    @Test
    void whenTheArchiveCannotBeMadeTheCommandStillRunsAndNoLaterRunTriesAgain() throws Exception {
        // a runtime whose java runs the real one but fails to dump an archive, and notes every start
        Path release = Path.of(System.getProperty("java.home"), "release");
        assumeTrue(Files.isReadable(release), "the test's Java runtime has a release file");
        Path jdk = tmp.resolve("cds-failing-jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(release, jdk.resolve("release"));
        Path starts = tmp.resolve("cds-failing-jdk-starts.txt");
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\n"
                + "echo \"$*\" >> '" + starts + "'\n"
                + "for a do case $a in -Xshare:dump | -XX:AOTMode=create) exit 1 ;; esac; done\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = tmp.resolve("cds-failing-cache");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("JAVA_HOME", jdk.toString());
        env.put("XDG_CACHE_HOME", cache.toString());

        Result first = launcher(env, null, "diagnose", "--sample");
        assertThat(first.exitCode).as(first.toString()).isEqualTo(1);
        assertThat(first.out).startsWith("==> (bundled sample) <==\n");
        assertThat(first.err).isEmpty();
        assertThat(names(cache.resolve("tlsrpt"))).singleElement().asString().matches(ARCHIVE_KEY + "diagnose\\.failed");
        // the command, the training run, the dump that failed
        assertThat(Files.readAllLines(starts)).hasSize(3);

        Result second = launcher(env, null, "diagnose", "--sample");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllLines(starts)).as("the command alone").hasSize(4);
        assertThat(names(cache.resolve("tlsrpt"))).hasSize(1);
    }

    @Test
    void anArchiveSomeoneElseOwnsIsNotUsed() throws Exception {
        Path cache = tmp.resolve("cds-foreign");
        Map<String, String> env = javaOnPath();
        env.put("XDG_CACHE_HOME", cache.toString());
        Result first = launcher(env, null, "diagnose", "--sample");
        Path archive = cache.resolve("tlsrpt").resolve(names(cache.resolve("tlsrpt")).get(0));
        // another user's: root can give it away; anyone else cannot, and has nothing to test here
        UserPrincipal nobody;
        try {
            nobody = archive.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(archive, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give a file to another user: " + e);
            return;
        }
        assertThat(Files.getOwner(archive)).isEqualTo(nobody);

        Path log = tmp.resolve("cds-foreign-class-load.log");
        env.put("TLSRPT_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Result run = launcher(env, null, "diagnose", "--sample");
        assertThat(run).isEqualTo(first);
        assertThat(Files.readString(log)).contains(" dev.tlsrpt.cli.Main source: file:")
                .doesNotContain("source: shared objects file (top)");
        assertThat(names(cache.resolve("tlsrpt"))).containsExactly(archive.getFileName().toString());
    }

    /** The start of an archive's name: the inode, size and day of java and of tlsrpt.jar. */
    private static final String ARCHIVE_KEY = "([0-9]+-[0-9]+-[A-Z][a-z]{2}[0-9]{1,2}-){2}";

    /** The archive the test's Java runtime makes: an AOT cache from Java 25 on, a CDS archive before. */
    private static String archiveType() {
        return Runtime.version().feature() >= 25 ? "aot" : "jsa";
    }

    /** The names in a directory, sorted; none when it does not exist. */
    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The environment with the test's java on PATH and no JAVA_HOME. */
    private static Map<String, String> javaOnPath() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        return env;
    }

    private static Result launcher(Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/tlsrpt").toString());
        command.addAll(List.of(args));
        return run(tmp, env, stdin, command.toArray(String[]::new));
    }

    /** Runs a command with exactly the environment given, standard input from a file or none. */
    private static Result run(Path dir, Map<String, String> env, Path stdin, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** The regular files under a directory, relative, sorted. */
    private static List<String> files(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(n -> n.startsWith("tlsrpt-")).sorted().toList();
        }
    }

    record Result(int exitCode, String out, String err) {
    }
}
