package bhr.assistant.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the default ADMIN_MAX_UPLOAD_BYTES (20 MiB), an upload of 12 MiB reaches the admin API; 20 MiB + 1 is refused. */
@MicronautTest
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
@Property(name = "admin.token", value = "batas-unggah")
class UploadLimitTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AdminConfig config;

    @Inject
    JsonMapper json;

    @Test
    void uploads_up_to_the_documented_limit_reach_the_admin_api() throws Exception {
        assertEquals(20L * 1024 * 1024, config.maxUploadBytes());
        byte[] twelveMiB = new byte[12 * 1024 * 1024];
        Arrays.fill(twelveMiB, (byte) 'a');

        HttpClientResponseException read = refused(twelveMiB);

        // Not the server's 413: the document was read, and refused for what it holds (one 12 MiB word, no passages).
        assertEquals(HttpStatus.BAD_REQUEST, read.getStatus(), read.getResponse().getBody(String.class).orElse(""));
    }

    @Test
    void an_upload_over_the_limit_gets_413_with_the_limit_named() throws Exception {
        byte[] over = new byte[(int) config.maxUploadBytes() + 1];
        Arrays.fill(over, (byte) 'a');

        HttpClientResponseException e = refused(over);

        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        Map<String, Object> body = json.readValue(e.getResponse().getBody(String.class).orElseThrow(), Argument.mapOf(String.class, Object.class));
        assertTrue(((String) body.get("error")).contains("ADMIN_MAX_UPLOAD_BYTES"), body.toString());
    }

    private HttpClientResponseException refused(byte[] content) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.PUT("/admin/documents/besar?title=Besar&url=https://example.org/besar", content)
                        .header("Content-Type", "text/plain").bearerAuth("batas-unggah"), String.class));
    }
}
