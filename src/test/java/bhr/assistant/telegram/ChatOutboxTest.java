package bhr.assistant.telegram;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox with the real TelegramBots client against the fake Bot API. One second of retry_after lasts 50 ms
 * here, so Telegram's real numbers (45 s, the 30 s notice threshold) are used as they are, twenty times faster.
 */
class ChatOutboxTest {

    private static final Duration SECOND = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeBotApi api;
    private OkHttpClient http;
    private ChatOutbox outbox;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        URI url = URI.create(api.url());
        http = new OkHttpClient();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, "123:TEST", new TelegramUrl("http", url.getHost(), url.getPort(), false));
        outbox = new ChatOutbox(client, 2, new ChatOutbox.Timing(Duration.ofSeconds(10), 30, SECOND));
    }

    @AfterEach
    void stop() {
        outbox.close();
        http.dispatcher().executorService().shutdown();
        api.close();
    }

    @Test
    void long_waits_are_honoured_with_one_busy_notice_and_the_chats_replies_follow_in_order() throws Exception {
        api.failNextTo(1, "sendMessage", 429, FakeBotApi.tooManyRequests(45));
        api.failNextTo(1, "sendMessage", 429, FakeBotApi.tooManyRequests(31)); // the busy notice, refused like the answer
        api.failNextTo(1, "sendMessage", 429, FakeBotApi.tooManyRequests(31)); // the answer again, after the first wait

        outbox.send(1, html(1, "<b>satu</b>"), "Sedang sibuk; jawaban menyusul.");
        outbox.send(1, html(1, "dua"), "Sedang sibuk; jawaban menyusul.");
        outbox.send(1, html(1, "tiga"), "Sedang sibuk; jawaban menyusul.");
        outbox.send(2, html(2, "chat lain"), "Sedang sibuk; jawaban menyusul.");

        List<FakeBotApi.Call> delivered = api.awaitTo(1, "sendMessage", 3, WAIT);
        FakeBotApi.Call otherChat = api.awaitTo(2, "sendMessage", 1, WAIT).get(0);
        List<FakeBotApi.Call> refused = api.failedCalls("sendMessage").stream().filter(call -> call.chatId() == 1).toList();

        assertEquals(List.of("<b>satu</b>", "dua", "tiga"), delivered.stream().map(call -> call.body().path("text").asText()).toList(),
                "every reply delivered, in order");
        assertEquals(3, refused.size(), "the answer twice and the busy notice once: " + refused);
        assertEquals("Sedang sibuk; jawaban menyusul.", refused.get(1).body().path("text").asText(),
                "one notice, tried once, for two waits over 30 s");
        long firstToLast = delivered.get(0).received() - refused.get(0).received();
        assertTrue(firstToLast >= SECOND.multipliedBy(45 + 31).toNanos(), "both waits were honoured: " + firstToLast / 1_000_000 + " ms");
        assertTrue(otherChat.received() < refused.get(2).received(), "another chat is not held behind this chat's wait");
    }

    @Test
    void a_short_wait_sends_no_notice() throws Exception {
        api.failNextTo(3, "sendMessage", 429, FakeBotApi.tooManyRequests(5));
        outbox.send(3, html(3, "jawaban"), "Sedang sibuk; jawaban menyusul.");

        assertEquals("jawaban", api.awaitTo(3, "sendMessage", 1, WAIT).get(0).body().path("text").asText());
        Thread.sleep(300);
        assertEquals(1, api.callsTo(3, "sendMessage").size());
        assertEquals(1, api.failedCalls("sendMessage").size());
    }

    @Test
    void html_that_telegram_refuses_is_sent_again_as_plain_text_and_logged() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ChatOutbox.class);
        logger.addAppender(log);
        try {
            api.failNextTo(4, "sendMessage", 400,
                    "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Unsupported start tag \\\"x\\\" at byte offset 9\"}");
            String html = "Jawaban <x>[1]</x> &amp; <a href=\"https://example.org/a\">Perpres 60/2023</a>";
            outbox.send(4, html(4, html), null);

            FakeBotApi.Call resent = api.awaitTo(4, "sendMessage", 1, WAIT).get(0);
            assertTrue(resent.body().path("parse_mode").isMissingNode(), resent.body().toString());
            assertEquals("Jawaban [1] & Perpres 60/2023 (https://example.org/a)", resent.body().path("text").asText());
            assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().contains("can't parse entities")
                    && event.getFormattedMessage().contains(html)), "the refused HTML is logged");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void server_errors_are_retried_and_a_final_error_drops_only_its_own_message() throws Exception {
        api.failNextTo(5, "sendMessage", 2, 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        api.failNextTo(5, "sendMessage", 0, "");
        api.failNextTo(5, "sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is too long\"}");
        outbox.send(5, html(5, "satu"), null);
        outbox.send(5, html(5, "dua"), null);

        List<FakeBotApi.Call> delivered = api.awaitTo(5, "sendMessage", 1, WAIT);
        assertEquals("dua", delivered.get(0).body().path("text").asText());
        assertEquals(4, api.failedCalls("sendMessage").size(), "502, 502, reset, then a final 400 for the first message");
    }

    private static SendMessage html(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).parseMode(ParseMode.HTML).build();
    }
}
