package bhr.assistant.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
@Property(name = "api.rate-limit", value = "5")
@Property(name = "trusted.proxies", value = "127.0.0.1")
class RateLimitTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void beyond_the_limit_a_client_gets_429_with_retry_after_and_others_are_unaffected() {
        for (int i = 0; i < 5; i++) {
            assertEquals(HttpStatus.OK, client.toBlocking().exchange(search("10.0.0.1"), String.class).getStatus());
        }
        HttpClientResponseException limited = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(search("10.0.0.1"), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
        assertTrue(Integer.parseInt(limited.getResponse().header("Retry-After")) >= 1);
        assertTrue(limited.getResponse().getBody(String.class).orElse("").contains("\"error\""));

        // Behind the trusted proxy each forwarded client has its own allowance; a spoofed first hop does not help.
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(search("10.0.0.2"), String.class).getStatus());
        HttpClientResponseException spoofed = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(search("1.2.3.4, 10.0.0.1"), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, spoofed.getStatus());
    }

    @Test
    void pages_and_health_are_not_limited_and_carry_security_headers() {
        for (int i = 0; i < 8; i++) {
            assertEquals(HttpStatus.OK, client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus());
        }
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }

    private static HttpRequest<?> search(String forwardedFor) {
        return HttpRequest.GET("/api/search?q=gugus").header("X-Forwarded-For", forwardedFor);
    }
}
