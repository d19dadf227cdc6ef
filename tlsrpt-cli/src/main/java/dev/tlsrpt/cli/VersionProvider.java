package dev.tlsrpt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} text: the tlsrpt-java version, the git commit and the build date the build wrote into
 * {@code version.properties} (the commit is {@code unknown} when the build did not run in a git checkout).
 */
final class VersionProvider implements IVersionProvider {

    private static final Properties BUILD = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // every value reads as unknown
        }
        return p;
    }

    /** One value of {@code version.properties}: {@code unknown} when it is missing or was never filled in. */
    private static String value(String key) {
        String v = BUILD.getProperty(key, "").trim();
        return v.isEmpty() || v.contains("${") ? "unknown" : v;
    }

    /**
     * The version of this build.
     *
     * @return for example {@code 0.1.0}
     */
    static String version() {
        return value("version");
    }

    /**
     * The git commit this build was made from.
     *
     * @return the full hash, or {@code unknown}
     */
    static String commit() {
        return value("commit");
    }

    /**
     * When this build was made: {@code project.build.outputTimestamp}, so that two builds of one commit are
     * identical.
     *
     * @return an ISO-8601 instant such as {@code 2026-11-28T00:00:00Z}, or {@code unknown}
     */
    static String built() {
        return value("built");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "tlsrpt " + version() + " (tlsrpt-java, RFC 8460 SMTP TLS Reporting)",
            "commit " + commit() + ", built " + built(),
            "Java " + System.getProperty("java.version") + " " + System.getProperty("java.vendor", ""),
        };
    }
}
