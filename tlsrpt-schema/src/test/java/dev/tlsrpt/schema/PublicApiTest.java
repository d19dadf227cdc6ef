package dev.tlsrpt.schema;

import dev.tlsrpt.testing.PublicApi;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published surface of tlsrpt-schema, held still as core's is: the public types of the exported package, with
 * their kinds, are the committed {@code src/test/resources/api/public-types.txt}; none is open to
 * subclassing; each carries {@code @since}.
 */
class PublicApiTest {
    @Test
    void theSurfaceIsTheCommittedListClosedAndDated() throws IOException {
        PublicApi.assertSurface(TlsRptSchema.class, Map.of());
    }
}
