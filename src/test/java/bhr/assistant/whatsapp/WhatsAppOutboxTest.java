package bhr.assistant.whatsapp;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox alone against the fake Graph API, with its pauses shortened (100 ms, doubling) and a clock the test moves. */
class WhatsAppOutboxTest {

    private FakeGraphApi api;
    private WhatsAppOutbox outbox;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        api = new FakeGraphApi();
        GraphApi graph = new GraphApi(URI.create(api.url() + "/" + FakeGraphApi.PHONE_NUMBER_ID + "/messages"), FakeGraphApi.TOKEN, JsonMapper.createDefault());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        outbox = new WhatsAppOutbox(graph, 4, new WhatsAppOutbox.Timing(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(700)), clock);
    }

    @AfterEach
    void stop() {
        outbox.close();
        api.close();
    }

    @Test
    void a_reply_still_waiting_when_the_24_hour_window_closes_is_not_sent_and_nothing_else_is_held_up() throws Exception {
        String user = "6281500000001";
        api.failNextTo(user, 1, 429, FakeGraphApi.graphError(130429, "Rate limit hit"));
        outbox.send("u1", GraphMessages.text(user, "jawaban lama"), now.get().plusSeconds(60));
        outbox.send("u1", GraphMessages.text(user, "jawaban baru"), now.get().plus(Duration.ofHours(24)));
        now.set(now.get().plusSeconds(61)); // the first reply's window closes while it waits out the rate limit

        List<FakeGraphApi.Call> sent = api.awaitMessagesTo(user, 1, Duration.ofSeconds(5));
        Thread.sleep(300);
        assertEquals(List.of("jawaban baru"), api.messagesTo(user).stream().map(FakeGraphApi.Call::text).toList());
        assertEquals(1, sent.size());
        assertEquals(2, api.attemptsTo(user).size(), "the late reply was tried once, before the window closed, and never again");
    }

    @Test
    void server_errors_are_retried_until_the_give_up_time_then_the_users_next_message_goes_on() throws Exception {
        String user = "6281500000002";
        // Tries at 0, 100, 300 and 700 ms fail; the next pause would end past the 700 ms give-up time.
        api.failNextTo(user, 4, 500, FakeGraphApi.graphError(131000, "Something went wrong"));
        outbox.send("u2", GraphMessages.text(user, "pertama"), now.get().plus(Duration.ofHours(24)));
        outbox.send("u2", GraphMessages.text(user, "kedua"), now.get().plus(Duration.ofHours(24)));

        assertEquals(List.of("kedua"), api.awaitMessagesTo(user, 1, Duration.ofSeconds(5)).stream().map(FakeGraphApi.Call::text).toList());
        long tries = api.attemptsTo(user).stream().filter(call -> call.text().equals("pertama")).count();
        assertTrue(tries >= 3 && tries <= 4, tries + " tries within the give-up time");
    }

    @Test
    void a_message_refused_for_good_is_logged_and_the_next_one_is_sent() throws Exception {
        String user = "6281500000003";
        api.failNextTo(user, 1, 400, FakeGraphApi.graphError(131026, "Message undeliverable"));
        outbox.send("u3", GraphMessages.text(user, "satu"), now.get().plus(Duration.ofHours(24)));
        outbox.send("u3", GraphMessages.text(user, "dua"), now.get().plus(Duration.ofHours(24)));

        assertEquals(List.of("dua"), api.awaitMessagesTo(user, 1, Duration.ofSeconds(5)).stream().map(FakeGraphApi.Call::text).toList());
        assertEquals(2, api.attemptsTo(user).size(), "not retried");
    }
}
