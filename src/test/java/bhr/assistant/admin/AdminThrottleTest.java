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
@Property(name = "admin.token", value = "benar-sekali")
class AdminThrottleTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void repeated_wrong_tokens_are_throttled_even_before_the_right_one() {
        for (int i = 0; i < AdminAuthFilter.FAILURES_ALLOWED; i++) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                    client.toBlocking().exchange(HttpRequest.GET("/admin/status").bearerAuth("tebakan"), String.class));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
        }
        HttpClientResponseException throttled = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.GET("/admin/status").bearerAuth("benar-sekali"), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, throttled.getStatus());
        assertTrue(Long.parseLong(throttled.getResponse().header("Retry-After")) > 0);
    }

    @Test
    void oversized_api_bodies_are_refused_before_they_are_read() {
        String body = "{\"question\": \"" + "a".repeat(70_000) + "\"}";
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.POST("/api/ask", body), String.class));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
    }
}
