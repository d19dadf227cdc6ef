package dev.tlsrpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsrpt.testing.TestClasses;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every class of this module with test methods is one surefire runs (see {@link TestClasses}). */
class EveryTestClassRunsTest {

    @Test
    void surefireRunsEveryTestClass() throws IOException {
        TestClasses.Scan scan = TestClasses.scan(EveryTestClassRunsTest.class);

        assertThat(scan.testClasses()).as("the scan finds this class").contains(EveryTestClassRunsTest.class.getName());
        assertThat(scan.notRun()).as("test classes surefire leaves out").isEmpty();
    }
}
