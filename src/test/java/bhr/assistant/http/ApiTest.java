package bhr.assistant.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
class ApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void ask_returns_a_cited_answer() throws IOException {
        Map<String, Object> body = post("/api/ask", "{\"question\": \"Siapa yang membentuk gugus tugas daerah?\", \"limit\": 2}");

        assertEquals(Boolean.TRUE, body.get("found"));
        List<Map<String, Object>> citations = list(body.get("citations"));
        assertFalse(citations.isEmpty());
        assertTrue(citations.size() <= 2);
        Map<String, Object> first = citations.get(0);
        for (String field : List.of("n", "documentId", "title", "section", "url", "quote", "score")) {
            assertNotNull(first.get(field), field);
        }
        assertTrue(((String) body.get("answer")).contains("[1]"));
    }

    @Test
    void ask_honours_lang_and_actor() throws IOException {
        Map<String, Object> english = post("/api/ask", "{\"question\": \"gugus tugas daerah\", \"lang\": \"en\"}");
        assertTrue(((String) english.get("answer")).endsWith("Note: some of these sources are in Indonesian."), (String) english.get("answer"));

        Map<String, Object> filtered = post("/api/ask", "{\"question\": \"kewajiban\", \"actor\": \"kementerian-lembaga\"}");
        List<Map<String, Object>> citations = list(filtered.get("citations"));
        assertEquals("perpres-contoh", citations.get(0).get("documentId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "not json", "{\"question\": ", "[]", "\"text\"", "{}", "{\"question\": null}", "{\"question\": 42}",
            "{\"question\": \"\"}", "{\"question\": \"   \"}", "{\"question\": \"ok\", \"limit\": 0}",
            "{\"question\": \"ok\", \"limit\": 11}", "{\"question\": \"ok\", \"limit\": 2.5}", "{\"question\": \"ok\", \"limit\": \"3\"}",
            "{\"question\": \"ok\", \"lang\": \"fr\"}", "{\"question\": \"ok\", \"actor\": \"presiden\"}"})
    void bad_ask_requests_get_400_with_a_json_error(String requestBody) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.POST("/api/ask", requestBody).contentType(MediaType.APPLICATION_JSON), String.class));

        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertErrorBody(e);
    }

    @Test
    void question_over_1000_characters_gets_400() {
        String question = "a".repeat(1001);
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                post("/api/ask", "{\"question\": \"" + question + "\"}"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertTrue(errorMessage(e).contains("1000"));
    }

    @Test
    void question_of_exactly_1000_characters_is_answered() throws IOException {
        Map<String, Object> body = post("/api/ask", "{\"question\": \"" + "gugus ".repeat(166) + "abcd\"}");
        assertNotNull(body.get("found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND (", "title:*", "\\\"", "<script>alert(1)</script>", "${jndi:ldap://x}", "\\u0000", "🙂🙂", "שלום"})
    void hostile_questions_never_fail(String question) throws IOException {
        Map<String, Object> body = post("/api/ask", "{\"question\": \"" + question + "\"}");
        assertNotNull(body.get("answer"));
    }

    @Test
    void search_returns_ranked_hits_and_filters_by_actor() throws IOException {
        Map<String, Object> all = get("/api/search?q=" + encode("gugus tugas") + "&limit=5");
        List<Map<String, Object>> hits = list(all.get("hits"));
        assertFalse(hits.isEmpty());
        for (String field : List.of("documentId", "title", "section", "url", "text", "score")) {
            assertNotNull(hits.get(0).get(field), field);
        }
        Map<String, Object> filtered = get("/api/search?q=" + encode("gugus tugas") + "&actor=gugus-tugas");
        List<Map<String, Object>> filteredHits = list(filtered.get("hits"));
        assertFalse(filteredHits.isEmpty());
        assertTrue(filteredHits.stream().allMatch(hit -> list(hit.get("actors")).contains("gugus-tugas")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/search", "/api/search?q=", "/api/search?q=%20", "/api/search?q=x&limit=0",
            "/api/search?q=x&limit=abc", "/api/search?q=x&limit=51", "/api/search?q=x&actor=raja"})
    void bad_searches_get_400_with_a_json_error(String uri) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(uri, String.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertErrorBody(e);
    }

    @Test
    void documents_are_listed_and_shown_with_their_passages() throws IOException {
        List<Map<String, Object>> documents = list(json.readValue(client.toBlocking().retrieve("/api/documents"), Object.class));
        assertEquals(List.of("guiding-principles-contoh", "perpres-contoh", "rancangan-contoh"),
                documents.stream().map(d -> d.get("id")).toList());
        for (String field : List.of("id", "title", "kind", "language", "source", "url", "passages", "updated")) {
            assertNotNull(documents.get(0).get(field), field);
        }
        Map<String, Object> one = get("/api/documents/perpres-contoh");
        assertEquals(3, list(one.get("passages")).size());
        assertEquals("berlaku", one.get("status"));
    }

    @Test
    void passages_and_search_hits_carry_their_sources() throws IOException {
        List<Map<String, Object>> passages = list(get("/api/documents/perpres-contoh").get("passages"));
        Map<String, Object> pasal1 = passages.get(0);
        Map<String, Object> pasal7 = passages.get(1);
        assertEquals(List.of(Map.of("title", "Strategi Nasional Bisnis dan HAM (contoh uji)",
                "publisher", "Peraturan Presiden Nomor 60 Tahun 2023", "date", "2023-09-26",
                "url", "https://peraturan.bpk.go.id/Details/259059/perpres-no-60-tahun-2023")), pasal1.get("sources"),
                "a section without a Sumber: line cites the document itself");
        assertEquals(List.of(Map.of("title", "Peraturan Presiden Nomor 60 Tahun 2023 tentang Strategi Nasional Bisnis dan Hak Asasi Manusia",
                "publisher", "JDIH BPK RI", "date", "2023-09-26",
                "url", "https://peraturan.bpk.go.id/Details/259059/perpres-no-60-tahun-2023")), pasal7.get("sources"));
        assertEquals("2026-12", pasal7.get("asOf"));
        assertFalse(String.valueOf(pasal7.get("text")).contains("Sumber:"));

        List<Map<String, Object>> hits = list(get("/api/search?q=" + encode("gugus tugas daerah keputusan gubernur") + "&limit=1").get("hits"));
        assertEquals(pasal7.get("sources"), hits.get(0).get("sources"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/documents/tidak-ada", "/api/documents/..%2F..%2Fetc", "/tidak/ada"})
    void unknown_things_get_404_with_a_json_error(String uri) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(uri, String.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertErrorBody(e);
    }

    @Test
    void wrong_method_gets_a_json_error() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.GET("/api/ask"), String.class));
        assertTrue(e.getStatus().getCode() >= 400 && e.getStatus().getCode() < 500);
        assertErrorBody(e);
    }

    @Test
    void health_is_up_with_the_knowledge_base_version() throws IOException {
        Map<String, Object> health = get("/health");
        assertEquals("UP", health.get("status"));
        assertEquals(3, ((Number) health.get("documents")).intValue());
        assertEquals("off", health.get("telegram"));
    }

    private Map<String, Object> post(String uri, String body) throws IOException {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        return map(response.body());
    }

    private Map<String, Object> get(String uri) throws IOException {
        return map(client.toBlocking().retrieve(uri));
    }

    private void assertErrorBody(HttpClientResponseException e) {
        String message = errorMessage(e);
        assertFalse(message.isBlank());
        assertFalse(message.contains("Exception") || message.contains("/work/") || message.contains("at bhr."), message);
    }

    private String errorMessage(HttpClientResponseException e) {
        try {
            Map<String, Object> body = map(e.getResponse().getBody(String.class).orElseThrow());
            assertEquals(java.util.Set.of("error"), body.keySet());
            return (String) body.get("error");
        } catch (IOException io) {
            throw new AssertionError("error body is not JSON", io);
        }
    }

    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
