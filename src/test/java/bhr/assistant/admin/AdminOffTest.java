package bhr.assistant.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
class AdminOffTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void without_an_admin_token_every_admin_call_is_forbidden() {
        for (HttpRequest<?> request : new HttpRequest<?>[]{
                HttpRequest.GET("/admin/status"),
                HttpRequest.GET("/admin/status").bearerAuth("anything"),
                HttpRequest.POST("/admin/reindex", "").bearerAuth(""),
                HttpRequest.DELETE("/admin/documents/perpres-contoh")}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
            assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("ADMIN_TOKEN"));
        }
        assertTrue(client.toBlocking().retrieve("/api/documents/perpres-contoh").contains("perpres-contoh"), "nothing was deleted");
    }
}
