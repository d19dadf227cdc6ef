package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The MIME side alone: the bytes and envelope each corpus message yields, before any report parsing. */
class MessageWalkerTest {

    record Extracted(MessageWalker.Part part, byte[] bytes) {
    }

    static List<Corpus.Message> messages() {
        return Corpus.messages();
    }

    static MessageWalker.Result<Extracted> walk(InputStream in) throws IOException {
        return MessageWalker.walk(in, MailOptions.lenient(), (part, content) -> new Extracted(part,
                content.readAllBytes()));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void extractsTheAttachmentBytesAndTheEnvelope(Corpus.Message m) throws IOException {
        MessageWalker.Result<Extracted> result;
        try (InputStream in = Corpus.open(m.message())) {
            result = walk(in);
        }
        assertThat(result.results()).hasSize(1);
        Extracted x = result.results().get(0);
        byte[] expected = Corpus.bytes(m.attachment());
        if (m.attachment().endsWith(".gz")) {
            assertThat(x.bytes()).isEqualTo(expected);
            assertThat(x.part().content()).isEqualTo(ContentKind.GZIP);
        } else {
            assertThat(new String(x.bytes(), "UTF-8").strip()).isEqualTo(new String(expected, "UTF-8").strip());
            assertThat(x.part().content()).isEqualTo(ContentKind.JSON);
        }
        assertThat(x.part().fileName()).isEqualTo(m.fileName());
        assertThat(x.part().mediaType()).isEqualTo(m.mediaType());
        assertThat(x.part().wholeBody()).isFalse();
        assertThat(x.part().messageType().value()).isEqualTo("multipart/report");
        assertThat(x.part().messageType().param("report-type")).isEqualTo("tlsrpt");
        Envelope e = x.part().envelope();
        assertThat(e.tlsReportDomain()).isEqualTo(m.domain());
        assertThat(e.tlsReportSubmitter()).isEqualTo(m.submitter());
        assertThat(e.subject()).isEqualTo(m.subject());
        assertThat(e.from()).isEqualTo(m.from());
        assertThat(e.date()).isEqualTo(m.date());
        assertThat(e.messageId()).isEqualTo(m.messageId());
        assertThat(result.partsFound()).containsExactly(
                m.message().contains("microsoft.eml") && m.message().startsWith("tlsrpt-digest") ? "text/html"
                        : "text/plain");
        assertThat(result.mimeWarnings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsTheDateHeaderAsAnInstantWhenItIsRfc5322(Corpus.Message m) throws IOException {
        Envelope e;
        try (InputStream in = Corpus.open(m.message())) {
            e = walk(in).results().get(0).part().envelope();
        }
        if (m.message().startsWith("mail-auth/")) {
            assertThat(e.dateTime()).isNull(); // the RFC's own example: "Fri, May 09 2017 16:54:30 -0800"
        } else {
            assertThat(e.dateTime()).isNotNull();
            assertThat(e.dateTime().getYear()).isBetween(2020, 2026);
        }
    }

    @org.junit.jupiter.api.Test
    void readsTheMicrosoftDateWithItsOffset() throws IOException {
        Envelope e;
        try (InputStream in = Corpus.open("mox/microsoft.eml")) {
            e = walk(in).results().get(0).part().envelope();
        }
        assertThat(e.dateTime()).isEqualTo(OffsetDateTime.parse("2023-02-03T05:09:22Z"));
        assertThat(e.fromAddress()).isEqualTo("tlsrpt-noreply@microsoft.com");
    }

    @org.junit.jupiter.api.Test
    void skipsMicrosoftsHtmlPartAndListsNothingElse() throws IOException {
        MessageWalker.Result<Extracted> result;
        try (InputStream in = Corpus.open("tlsrpt-digest/tlsrpt_success_microsoft.eml")) {
            result = walk(in);
        }
        assertThat(result.results()).extracting(r -> r.part().mediaType()).containsExactly("application/tlsrpt+gzip");
        assertThat(Arrays.copyOf(result.results().get(0).bytes(), 2)).containsExactly(0x1f, 0x8b);
    }
}
