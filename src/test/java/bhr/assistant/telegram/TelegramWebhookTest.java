package bhr.assistant.telegram;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookTest implements TestPropertyProvider {

    private static final String SECRET = "rahasia-uji-123";

    private FakeBotApi api;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeBotApi();
            return Map.of(
                    "telegram.bot-token", "123:TEST",
                    "telegram.api-url", api.url(),
                    "telegram.mode", "webhook",
                    "telegram.webhook-secret", SECRET,
                    "telegram.webhook-url", "https://bhr.example.org/telegram/webhook",
                    "data.dir", Files.createTempDirectory("bhr-webhook").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void registers_the_webhook_with_its_secret_at_start_up() throws Exception {
        FakeBotApi.Call call = api.await("setWebhook", 1, Duration.ofSeconds(15)).get(0);
        assertEquals("https://bhr.example.org/telegram/webhook", call.body().path("url").asText());
        assertEquals(SECRET, call.body().path("secret_token").asText());
    }

    @Test
    void update_with_the_right_secret_is_answered() throws Exception {
        api.await("getMe", 1, Duration.ofSeconds(15));
        HttpResponse<String> response = client.toBlocking().exchange(post("{\"update_id\":1," + FakeBotApi.privateText(301, "Apa itu PRISMA?").substring(1))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());

        FakeBotApi.Call reply = api.awaitTo(301, "sendMessage", 1, Duration.ofSeconds(15)).get(0);
        long deadline = System.currentTimeMillis() + 15_000;
        while (!client.toBlocking().retrieve("/health").contains("\"telegram\":\"connected\"") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(client.toBlocking().retrieve("/health").contains("\"telegram\":\"connected\""));
        assertTrue(reply.body().path("text").asText().contains("[1]"));
    }

    @Test
    void wrong_or_missing_secret_is_rejected_with_401() {
        String update = "{\"update_id\":2," + FakeBotApi.privateText(302, "halo").substring(1);
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(post(update).header("X-Telegram-Bot-Api-Secret-Token", "tebakan"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(post(update), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, missing.getStatus());
        assertTrue(api.calls("sendMessage").stream().noneMatch(call -> call.body().path("chat_id").asLong() == 302));
    }

    @Test
    void the_same_update_id_posted_twice_is_answered_once() throws Exception {
        api.await("getMe", 1, Duration.ofSeconds(15));
        String update = "{\"update_id\":7001," + FakeBotApi.privateText(303, "Apa itu PRISMA?").substring(1);
        for (int delivery = 0; delivery < 2; delivery++) {
            // Telegram redelivers an update when it got no answer in time; both deliveries are acknowledged.
            HttpResponse<String> response = client.toBlocking().exchange(post(update).header("X-Telegram-Bot-Api-Secret-Token", SECRET), String.class);
            assertEquals(HttpStatus.OK, response.getStatus());
        }

        api.awaitTo(303, "sendMessage", 1, Duration.ofSeconds(15));
        Thread.sleep(1500); // time for a second answer to show up if the repeat were taken
        assertEquals(1, api.calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == 303).count());
    }

    @Test
    void malformed_update_gets_400() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(post("{not json").header("X-Telegram-Bot-Api-Secret-Token", SECRET), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    private static io.micronaut.http.MutableHttpRequest<String> post(String body) {
        return HttpRequest.POST("/telegram/webhook", body).contentType(MediaType.APPLICATION_JSON);
    }
}
