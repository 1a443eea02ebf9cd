package bhr.assistant.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lockout blocks guessing, never the admin. All requests come from one address, as behind a proxy. */
@MicronautTest
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
@Property(name = "admin.token", value = "benar-sekali")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminThrottleTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @Order(1)
    void requests_without_a_token_and_cors_preflights_never_count_as_guesses() {
        for (int i = 0; i < 3 * AdminAuthFilter.FAILURES_ALLOWED; i++) {
            assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.GET("/admin/status")));
            // Micronaut refuses a cross-origin preflight itself (403); either way it is not a guess.
            HttpStatus preflight = status(HttpRequest.OPTIONS("/admin/documents/x")
                    .header("Origin", "https://pihak-lain.example").header("Access-Control-Request-Method", "DELETE"));
            assertTrue(preflight == HttpStatus.UNAUTHORIZED || preflight == HttpStatus.FORBIDDEN, preflight.toString());
        }
        assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.GET("/admin/status").bearerAuth("tebakan")), "not locked out");
        assertEquals(HttpStatus.OK, status(HttpRequest.GET("/admin/status").bearerAuth("benar-sekali")));
    }

    @Test
    @Order(2)
    void wrong_tokens_are_throttled_while_the_right_token_keeps_working() {
        for (int i = 1; i < AdminAuthFilter.FAILURES_ALLOWED; i++) { // one wrong token was spent by the test before
            assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.GET("/admin/status").bearerAuth("tebakan-" + i)));
        }
        HttpClientResponseException throttled = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.GET("/admin/status").bearerAuth("tebakan-lagi"), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, throttled.getStatus());
        assertTrue(Long.parseLong(throttled.getResponse().header("Retry-After")) > 0);

        assertEquals(HttpStatus.OK, status(HttpRequest.GET("/admin/status").bearerAuth("benar-sekali")), "the admin is never locked out");
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, status(HttpRequest.GET("/admin/status").bearerAuth("tebakan-lagi")));
    }

    @Test
    @Order(3)
    void oversized_api_bodies_are_refused_before_they_are_read() {
        String body = "{\"question\": \"" + "a".repeat(70_000) + "\"}";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.POST("/api/ask", body), String.class));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
    }

    private HttpStatus status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
