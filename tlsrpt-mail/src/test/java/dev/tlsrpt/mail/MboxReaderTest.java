package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MboxReaderTest {

    static List<String> split(String mbox) throws IOException {
        MboxReader reader = new MboxReader(TestMessages.stream(mbox), 1000);
        List<String> messages = new ArrayList<>();
        for (InputStream m = reader.next(); m != null; m = reader.next()) {
            messages.add(new String(m.readAllBytes(), StandardCharsets.UTF_8));
        }
        return messages;
    }

    @Test
    void splitsAtFromLinesAndDropsThem() throws IOException {
        String mbox = """
                From a@example.com Sat Nov 28 10:00:00 2026
                Subject: one

                body one

                From b@example.com Sat Nov 28 11:00:00 2026
                Subject: two

                body two
                """;
        assertThat(split(mbox)).containsExactly("Subject: one\n\nbody one\n\n", "Subject: two\n\nbody two\n");
    }

    @Test
    void unquotesOneLevelOfFromQuoting() throws IOException {
        String mbox = """
                From a@example.com Sat Nov 28 10:00:00 2026
                Subject: quoted

                >From the start
                >>From deeper
                > From not quoting
                From b@example.com Sat Nov 28 11:00:00 2026
                Subject: next

                """;
        assertThat(split(mbox)).containsExactly(
                "Subject: quoted\n\nFrom the start\n>From deeper\n> From not quoting\n", "Subject: next\n\n");
    }

    @Test
    void readsAFileWithoutFromLineAsOneMessage() throws IOException {
        assertThat(split("Subject: alone\n\nFrom here on the body\n")).containsExactly("Subject: alone\n\n");
        assertThat(split("Subject: alone\n\nbody\n")).containsExactly("Subject: alone\n\nbody\n");
    }

    @Test
    void anEmptyFileHasNoMessages() throws IOException {
        assertThat(split("")).isEmpty();
    }

    @Test
    void keepsLongLinesWhole() throws IOException {
        String line = "x".repeat(100_000);
        assertThat(split("From a Sat\n" + line + "\nFrom b Sat\n" + line))
                .containsExactly(line + "\n", line);
    }

    @Test
    void readsByteByByteTheSame() throws IOException {
        MboxReader reader = new MboxReader(TestMessages.stream("From a\n>From b\nc\nFrom d\ne"), 100);
        InputStream first = reader.next();
        StringBuilder b = new StringBuilder();
        for (int c = first.read(); c >= 0; c = first.read()) {
            b.append((char) c);
        }
        assertThat(b).hasToString("From b\nc\n");
        assertThat(new String(reader.next().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("e");
        assertThat(reader.next()).isNull();
    }
}
