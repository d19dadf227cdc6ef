package dev.tlsrpt.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class InflatingThreadInputStreamTest {

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] json(long target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportGenerator.write(out, target, 3);
        return out.toByteArray();
    }

    @Test
    void givesTheSameBytesAsGzipInputStreamWhateverTheChunkSize() throws IOException {
        byte[] data = json(300_000);
        for (int chunk : new int[] {1, 7, 4096, 1 << 16, 1 << 20}) {
            for (long inline : new long[] {0, 1, 100_000, Long.MAX_VALUE}) {
                try (InflatingThreadInputStream in = new InflatingThreadInputStream(
                        new ByteArrayInputStream(gzip(data)), chunk, 3, inline)) {
                    assertThat(in.readAllBytes()).isEqualTo(data);
                    assertThat(in.read()).isEqualTo(-1);
                    assertThat(in.threadStarted()).isEqualTo(inline < data.length);
                }
            }
        }
    }

    @Test
    void readsSingleBytes() throws IOException {
        byte[] data = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new InflatingThreadInputStream(new ByteArrayInputStream(gzip(data)))) {
            assertThat(in.read()).isEqualTo('{');
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 1, data.length));
        }
    }

    @Test
    void rethrowsBrokenGzipAfterTheBytesBeforeIt() throws IOException {
        byte[] data = json(200_000);
        byte[] gz = gzip(data);
        byte[] broken = Arrays.copyOf(gz, gz.length / 2);
        for (long inline : new long[] {0, 500, Long.MAX_VALUE}) {
            try (InputStream in = new InflatingThreadInputStream(new ByteArrayInputStream(broken), 1024, 2,
                    inline)) {
                byte[] prefix = new byte[1000];
                assertThat(in.readNBytes(prefix, 0, prefix.length)).isEqualTo(1000);
                assertThat(prefix).isEqualTo(Arrays.copyOf(data, 1000));
                assertThatThrownBy(in::readAllBytes).isInstanceOf(java.io.EOFException.class);
            }
            try (InputStream in = new InflatingThreadInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3}),
                    1024, 2, inline)) {
                assertThatThrownBy(in::read).isInstanceOf(ZipException.class);
            }
        }
    }

    @Test
    void aSmallReportNeverStartsTheThreadAndTheSourceStaysOpen() throws IOException {
        byte[] data = json(10_000);
        boolean[] sourceClosed = {false};
        InputStream source = new ByteArrayInputStream(gzip(data)) {
            @Override
            public void close() {
                sourceClosed[0] = true;
            }
        };
        InflatingThreadInputStream in = new InflatingThreadInputStream(source);
        assertThat(in.readAllBytes()).isEqualTo(data);
        in.close();
        assertThat(in.threadStarted()).isFalse();
        assertThat(sourceClosed[0]).isFalse();
    }

    @Test
    void closingMidWayStopsTheThread() throws IOException {
        byte[] gz = gzip(json(2_000_000));
        InflatingThreadInputStream in = new InflatingThreadInputStream(new ByteArrayInputStream(gz), 4096, 2, 0);
        assertThat(in.read(new byte[100])).isEqualTo(100);
        assertThat(in.threadStarted()).isTrue();
        in.close();
        assertThat(in.threadAlive()).isFalse();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
    }
}
