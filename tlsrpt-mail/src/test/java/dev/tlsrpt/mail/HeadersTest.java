package dev.tlsrpt.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "Fri, 3 Feb 2023 05:09:22 +0000            | 2023-02-03T05:09:22Z",
        "Fri,  3 Feb 2023 12:09:01 +0200 (EET)     | 2023-02-03T12:09:01+02:00",
        "03 Feb 2023 02:08:53 -0800                | 2023-02-03T02:08:53-08:00",
        "Fri, 03 Feb 2023 02:08 PST                | 2023-02-03T02:08-08:00",
        "Fri, 03 Feb 23 02:08:53 GMT               | 2023-02-03T02:08:53Z",
        "Fri, May 09 2017 16:54:30 -0800           | null",
        "Fri, 30 Feb 2023 05:09:22 +0000           | null",
        "yesterday                                 | null",
        "Fri, 3 Feb 2023 05:09:22 XYZ              | null"})
    void readsRfc5322Dates(String value, String expected) {
        OffsetDateTime date = Headers.date(value);
        assertThat(date).isEqualTo(expected == null ? null : OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "attachment; filename=\"a!b!1!2.json.gz\"            | a!b!1!2.json.gz",
        "attachment; FILENAME=plain.json                   | plain.json",
        "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.json  | résumé.json",
        "attachment; filename=\"=?UTF-8?Q?x=21y.json?=\"     | x!y.json"})
    void readsFileNameParameters(String disposition, String expected) {
        assertThat(Headers.structured(disposition).param("filename")).isEqualTo(expected);
        assertThat(Headers.structured(disposition).value()).isEqualTo("attachment");
    }
}
