package bhr.assistant.telegram;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook mode while the Bot API does not yet answer getMe: updates arrive before the bot knows its username.
 * They wait for it instead of being judged without it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookStartUpTest implements TestPropertyProvider {

    private static final String SECRET = "rahasia-uji-456";

    private FakeBotApi api;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeBotApi();
            api.failNext("getMe", 4, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
            return Map.of(
                    "telegram.bot-token", "123:TEST",
                    "telegram.api-url", api.url(),
                    "telegram.mode", "webhook",
                    "telegram.webhook-secret", SECRET,
                    "data.dir", Files.createTempDirectory("bhr-webhook-start").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void group_messages_that_arrive_before_the_username_is_known_wait_for_it() throws Exception {
        assertTrue(api.calls("getMe").isEmpty(), "getMe has not been answered yet");
        int updateId = 9000;
        for (String text : List.of("@" + FakeBotApi.BOT_USERNAME + " apa itu PRISMA?", "/help@some_other_bot", "/help@" + FakeBotApi.BOT_USERNAME)) {
            String update = "{\"update_id\":" + updateId++ + "," + FakeBotApi.groupText(-300, 301, text, "").substring(1);
            client.toBlocking().exchange(HttpRequest.POST("/telegram/webhook", update).contentType(MediaType.APPLICATION_JSON)
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET), String.class);
        }

        List<FakeBotApi.Call> replies = api.awaitTo(-300, "sendMessage", 2, Duration.ofSeconds(30));
        Thread.sleep(1500); // give a wrongly answered command time to show up
        assertEquals(2, api.callsTo(-300, "sendMessage").size(), "the mention and our /help; not the other bot's");
        assertTrue(replies.get(0).body().path("text").asText().contains("[1]"), replies.get(0).body().toString());
        assertTrue(replies.get(1).body().path("text").asText().contains("@" + FakeBotApi.BOT_USERNAME), replies.get(1).body().toString());
    }
}
