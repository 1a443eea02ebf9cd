package bhr.assistant.http;

import bhr.assistant.update.KnowledgeBaseUpdater;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "kb.dir", value = "build/no-such-knowledge-base")
class EmptyKnowledgeBaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    KnowledgeBaseUpdater updater;

    @Test
    void starts_with_a_missing_knowledge_base_and_says_it_does_not_know() throws IOException {
        Map<String, Object> health = json.readValue(client.toBlocking().retrieve("/health"), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", health.get("status"));

        String response = client.toBlocking().retrieve(HttpRequest.POST("/api/ask", "{\"question\": \"Apa itu Stranas BHAM?\"}"));
        Map<String, Object> answer = json.readValue(response, Argument.mapOf(String.class, Object.class));
        assertEquals(Boolean.FALSE, answer.get("found"));
        assertEquals(List.of(), answer.get("citations"));

        assertTrue(updater.lastProblems().get(0).reason().contains("does not exist"), "the reason is kept for status and logs");
    }
}
