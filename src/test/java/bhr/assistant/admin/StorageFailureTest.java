package bhr.assistant.admin;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DATA_DIR that cannot be written gets honest answers: 507 with the reason and lastError for admin changes
 * (the knowledge base unchanged), and feedback that was not kept is not reported as recorded. Root ignores file
 * permissions, so "cannot be written" is made real by putting directories where files must be written.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageFailureTest implements TestPropertyProvider {

    private static final String TOKEN = "gagal-tulis";
    private Path data;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        try {
            data = Files.createTempDirectory("bhr-unwritable");
            return Map.of("kb.dir", "src/test/resources/kb-fixture", "data.dir", data.toString(), "admin.token", TOKEN,
                    "kb.watch-interval-millis", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_change_the_store_cannot_save_gets_507_with_the_reason_and_changes_nothing() throws Exception {
        String before = client.toBlocking().retrieve("/api/documents/perpres-contoh");
        Files.createDirectories(data.resolve("manifest.json.tmp")); // the manifest can no longer be replaced

        HttpClientResponseException delete = refusal(HttpRequest.DELETE("/admin/documents/perpres-contoh"));
        HttpClientResponseException upload = refusal(HttpRequest.PUT("/admin/documents/baru?title=Baru&url=https://x.org/b",
                "Dokumen baru zamrudbaru.").contentType(MediaType.TEXT_PLAIN));

        for (HttpClientResponseException e : java.util.List.of(delete, upload)) {
            assertEquals(HttpStatus.INSUFFICIENT_STORAGE, e.getStatus());
            String error = (String) map(e.getResponse().getBody(String.class).orElseThrow()).get("error");
            assertTrue(error.contains("could not be saved") && error.contains("unchanged"), error);
            assertFalse(error.contains(data.toString()), "no internal paths in answers: " + error);
        }
        Map<String, Object> status = map(client.toBlocking().retrieve(HttpRequest.GET("/admin/status").bearerAuth(TOKEN)));
        assertTrue(((String) status.get("lastError")).contains("DATA_DIR cannot be written"), status.toString());
        assertEquals(before, client.toBlocking().retrieve("/api/documents/perpres-contoh"), "still served as it was");
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve("/api/documents/baru")).getStatus());
        assertEquals(0, ((Number) status.get("revision")).intValue());
        Files.delete(data.resolve("manifest.json.tmp"));
    }

    @Test
    void feedback_that_cannot_be_written_is_not_reported_as_recorded() throws Exception {
        Files.createDirectories(data.resolve("feedback.jsonl")); // appending to it now fails

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/feedback", "{\"question\": \"Apa itu uji tuntas?\", \"helpful\": true}")
                        .contentType(MediaType.APPLICATION_JSON), String.class));

        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("recorded"), body);
        assertTrue(((String) map(body).get("error")).contains("could not be saved"), body);
        Files.delete(data.resolve("feedback.jsonl"));
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request.bearerAuth(TOKEN), String.class));
    }

    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }
}
