package dev.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parsers and options are immutable and shareable: the whole corpus, parsed from 8 threads at once
 * (repeatedly, in a different order on each thread, with shared {@link ParseOptions} instances), gives
 * exactly what a single-threaded parse gives, for the whole-report parse and the streaming reader.
 */
class ConcurrentParsingTest {

    static final int THREADS = 8;
    static final int ROUNDS = 10;

    /** Every report of the corpus (plain and gzip, the invalid one too), as bytes by path. */
    static Map<String, byte[]> corpus() {
        try {
            Path root = Path.of(Objects.requireNonNull(ConcurrentParsingTest.class.getResource("/corpus")).toURI());
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    if ((name.endsWith(".json") || name.endsWith(".json.gz")) && !name.equals("EXPECTED.json")) {
                        files.put(name, Files.readAllBytes(p));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options the threads share: the two singletons and one custom instance. */
    static final List<ParseOptions> SHARED = List.of(ParseOptions.lenient(), ParseOptions.strict(),
            ParseOptions.lenient().withMaxStringLength(4096).withMaxNestingDepth(16));

    private static List<Object> everything(String name, byte[] data) {
        List<Object> all = new ArrayList<>();
        for (ParseOptions o : SHARED) {
            all.add(ReportChecks.parse(data, o).identity());
            all.add(ReportChecks.stream(data, o).identity());
        }
        return all;
    }

    @Test
    void eightThreadsParsingTheCorpusAtOnceGetWhatOneThreadGets() throws Exception {
        Map<String, byte[]> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(30);
        Map<String, List<Object>> expected = new LinkedHashMap<>();
        corpus.forEach((name, data) -> expected.put(name, everything(name, data)));
        long reports = expected.values().stream().filter(l -> l.get(0) instanceof ParseResult).count();
        assertThat(reports).as("most of the corpus parses leniently").isGreaterThan(corpus.size() - 3);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> names = new ArrayList<>(corpus.keySet());
                    Random random = new Random(seed);
                    int compared = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(names, random);
                        for (String name : names) {
                            assertThat(everything(name, corpus.get(name))).as(name).isEqualTo(expected.get(name));
                            compared++;
                        }
                    }
                    return compared;
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(ROUNDS * corpus.size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SHARED.get(0)).isSameAs(ParseOptions.lenient()).isEqualTo(ParseOptions.strict().withStrict(false));
        assertThat(SHARED.get(1).isStrict()).isTrue();
        assertThat(SHARED.get(2).maxStringLength()).isEqualTo(4096);
    }
}
