package bhr.assistant.hostile;

import bhr.assistant.BundledIndex;
import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Question;
import bhr.assistant.search.PassageRetriever;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property checks with random and hostile text (seeded, bounded): the answer pipeline always gives a well-formed
 * answer within a time bound, and the HTTP API never answers 5xx to anything a client can send.
 */
@MicronautTest
@Property(name = "kb.dir", value = "knowledge-base")
class HostileInputTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    AnswerConfig config;

    @Test
    void any_question_gets_a_bounded_well_formed_answer() throws Exception {
        AnswerService answers = new AnswerService(new PassageRetriever(BundledIndex.index(), BundledIndex.analyzers()), config);
        HostileStrings strings = new HostileStrings(20261128);
        for (int i = 0; i < 300; i++) {
            String question = strings.next();
            Answer answer = CompletableFuture.supplyAsync(() -> answers.ask(Question.of(question))).get(5, TimeUnit.SECONDS);
            assertFalse(answer.answer().isBlank(), question);
            Matcher marker = MARKER.matcher(answer.answer());
            while (marker.find()) {
                int n = Integer.parseInt(marker.group(1));
                assertTrue(answer.citations().stream().anyMatch(c -> c.n() == n), "marker [" + n + "] without citation for " + question);
            }
        }
    }

    @Test
    void the_api_never_answers_5xx_to_hostile_requests() throws Exception {
        HostileStrings strings = new HostileStrings(7);
        for (int i = 0; i < 150; i++) {
            String text = strings.next();
            String quoted = new String(json.writeValueAsBytes(text), java.nio.charset.StandardCharsets.UTF_8);
            for (String body : new String[]{"{\"question\": " + quoted + "}", text, "{\"question\": " + quoted + ", \"limit\": " + quoted + "}"}) {
                assertBelow500(HttpRequest.POST("/api/ask", body).contentType(MediaType.APPLICATION_JSON));
            }
            assertBelow500(HttpRequest.GET("/api/search?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)));
            assertBelow500(HttpRequest.GET("/api/documents/" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private void assertBelow500(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            assertTrue(e.getStatus().getCode() < 500, request.getPath() + " -> " + e.getStatus() + " " + e.getResponse().getBody(String.class));
            String body = e.getResponse().getBody(String.class).orElse("");
            assertFalse(body.contains("Exception") || body.contains("at bhr."), "no internals in " + body);
        }
    }

}
