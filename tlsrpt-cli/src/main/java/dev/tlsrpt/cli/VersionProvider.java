package dev.tlsrpt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The {@code --version} text: the tlsrpt-java version the build wrote into {@code version.properties}. */
final class VersionProvider implements IVersionProvider {

    /**
     * The version of this build.
     *
     * @return for example {@code 0.1.0}
     */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "tlsrpt " + version() + " (tlsrpt-java, RFC 8460 SMTP TLS Reporting)",
            "Java " + System.getProperty("java.version") + " " + System.getProperty("java.vendor", ""),
        };
    }
}
