package bhr.assistant.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
class OperationsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void openapi_description_covers_the_public_and_admin_api() {
        String spec = client.toBlocking().retrieve("/swagger/bhr-assistant.yml");
        for (String path : new String[]{"/api/ask", "/api/search", "/api/documents", "/admin/documents/{id}", "/admin/status", "/health"}) {
            assertTrue(spec.contains(path + ":"), path);
        }
    }

    @Test
    void swagger_ui_is_served_from_the_jar_without_external_resources() {
        String page = client.toBlocking().retrieve("/swagger-ui/index.html");
        assertTrue(page.contains("/swagger-ui/res/swagger-ui-bundle.js"));
        assertFalse(page.contains("unpkg.com") || page.contains("cdn."), "no CDN");
        assertEquals(HttpStatus.OK, client.toBlocking().exchange("/swagger-ui/res/swagger-ui-bundle.js", String.class).getStatus());
    }

    @Test
    void prometheus_metrics_count_questions_by_outcome() {
        client.toBlocking().retrieve(HttpRequest.POST("/api/ask", "{\"question\": \"gugus tugas daerah\"}").contentType(MediaType.APPLICATION_JSON));
        client.toBlocking().retrieve(HttpRequest.POST("/api/ask", "{\"question\": \"resep rendang padang\"}").contentType(MediaType.APPLICATION_JSON));
        String metrics = client.toBlocking().retrieve("/prometheus");
        assertTrue(metrics.contains("bhr_questions_total{channel=\"api\",found=\"true\"}"), metrics);
        assertTrue(metrics.contains("bhr_questions_total{channel=\"api\",found=\"false\"}"));
        assertTrue(metrics.contains("bhr_answer_latency_seconds_bucket"));
        assertTrue(metrics.contains("bhr_reindex_seconds_count"));
    }

    @Test
    void admin_page_is_reachable_at_admin_without_a_token() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/admin"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus(), "the client follows the redirect to the page");
        assertTrue(response.body().contains("id=\"token\""));
    }
}
