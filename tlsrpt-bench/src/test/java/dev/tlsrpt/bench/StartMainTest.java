package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@link StartMain} a wrong figure could come from; the measurement itself is never a test. */
class StartMainTest {

    @TempDir
    Path tmp;

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwo() {
        List<StartMain.Timing> odd = List.of(new StartMain.Timing(30, 3), new StartMain.Timing(10, 1),
                new StartMain.Timing(20, 200));
        assertThat(StartMain.median(odd, true)).isEqualTo(20);
        assertThat(StartMain.median(odd, false)).isEqualTo(3);
        List<StartMain.Timing> even = List.of(new StartMain.Timing(40, 0), new StartMain.Timing(10, 0),
                new StartMain.Timing(30, 0), new StartMain.Timing(20, 0));
        assertThat(StartMain.median(even, true)).isEqualTo(25);
    }

    @Test
    void bashTimesARunInMilliseconds() throws Exception {
        StartMain.Timing t = StartMain.time(List.of("sleep", "0.2"), Map.of("PATH", "/usr/bin:/bin"));
        assertThat(t.wallMs()).isBetween(190.0, 5000.0);
        assertThat(t.cpuMs()).isBetween(0.0, 190.0);
    }

    @Test
    void theSerialCopyOfTheLauncherAddsTheCollectorToItsOptionsAndNothingElse() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = Files.copy(Path.of("../tlsrpt-cli/src/dist/bin/tlsrpt"), bin.resolve("tlsrpt"));

        Path copy = StartMain.serialLauncher(launcher);

        assertThat(copy).isEqualTo(bin.resolve("tlsrpt-serialgc")).isExecutable();
        List<String> original = Files.readAllLines(launcher);
        List<String> edited = Files.readAllLines(copy);
        assertThat(edited).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            if (original.get(i).startsWith("START_OPTS=\"")) {
                assertThat(edited.get(i)).isEqualTo("START_OPTS=\"-XX:+UseSerialGC " + original.get(i).substring(12));
            } else {
                assertThat(edited.get(i)).isEqualTo(original.get(i));
            }
        }
        assertThat(original).filteredOn(l -> l.startsWith("START_OPTS=\"")).hasSize(1);
    }
}
