package bhr.assistant.whatsapp;

import bhr.assistant.answer.AnswerService;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.store.UserIdHasher;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What WhatsApp users get, through the real webhook (signed notifications) and a fake Graph API on 127.0.0.1 that
 * records every call and fails or delays those it is told to. Each test uses its own numbers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppBotTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private FakeGraphApi api;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FeedbackStore feedback;

    @Inject
    UserIdHasher hasher;

    @Inject
    AnswerService answers;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeGraphApi();
            return WhatsAppWebhookTest.settings(api, Files.createTempDirectory("bhr-whatsapp-bot").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void a_question_is_read_then_answered_with_citations_in_whatsapp_formatting_and_three_buttons() throws Exception {
        String body = WebhookPayloads.text("6281200000001", "Apa kewajiban pemerintah daerah menurut Perpres 60/2023?");
        String messageId = body.replaceAll(".*\"id\":\"(wamid[^\"]+)\".*", "$1");
        post(body);

        List<FakeGraphApi.Call> replies = awaitAnswers("6281200000001", 1);
        FakeGraphApi.Call buttons = replies.get(replies.size() - 1);
        String all = texts(replies);
        assertTrue(all.contains("[1]") && all.contains("*Sumber:*") && all.matches("(?s).*\\nhttps://\\S+.*"), all);
        assertFalse(all.matches("(?s).*</?(b|i|a|blockquote)\\b.*"), "never HTML: " + all);
        assertEquals("button", buttons.kind());
        assertEquals(List.of("q:", "m:", "v:"), buttons.choiceIds().stream().map(id -> id.substring(0, 2)).toList());
        assertEquals(List.of("📄 Kutipan sumber", "🔎 Hasil lain", "👍/👎 Nilai"), buttons.choiceTitles());
        assertTrue(buttons.text().length() <= GraphMessages.MAX_INTERACTIVE_BODY);
        replies.forEach(reply -> assertTrue(reply.text().length() <= GraphMessages.MAX_TEXT));

        FakeGraphApi.Call read = api.readReceipts(messageId).get(0);
        assertEquals("text", read.body().path("typing_indicator").path("type").asText(), "typing shown while the answer is worked out");
        assertTrue(read.received() < replies.get(0).received(), "marked read before the reply");
    }

    @Test
    void an_english_question_gets_an_english_answer_and_buttons() throws Exception {
        post(WebhookPayloads.text("6281200000002", "What is human rights due diligence?"));

        List<FakeGraphApi.Call> replies = awaitAnswers("6281200000002", 1);
        assertTrue(texts(replies).contains("*Sources:*"), texts(replies));
        assertEquals(List.of("📄 Source quotes", "🔎 More results", "👍/👎 Rate"), replies.get(replies.size() - 1).choiceTitles());
    }

    @Test
    void the_quotes_and_more_buttons_go_through_the_same_flow() throws Exception {
        String user = "6281200000003";
        post(WebhookPayloads.text(user, "Apa itu PRISMA?"));
        List<String> ids = awaitAnswers(user, 1).get(awaitAnswers(user, 1).size() - 1).choiceIds();
        int before = api.messagesTo(user).size();

        post(WebhookPayloads.buttonReply(user, ids.get(0), "📄 Kutipan sumber"));
        List<FakeGraphApi.Call> quotes = api.awaitMessagesTo(user, before + 1, WAIT);
        String quoted = quotes.get(before).text();
        assertTrue(quoted.startsWith("*Kutipan sumber untuk: Apa itu PRISMA?*") && quoted.contains("\n> ") && quoted.contains("[1]"), quoted);

        int afterQuotes = api.messagesTo(user).size();
        post(WebhookPayloads.buttonReply(user, ids.get(1), "🔎 Hasil lain"));
        String more = api.awaitMessagesTo(user, afterQuotes + 1, WAIT).get(afterQuotes).text();
        assertTrue(more.startsWith("*Hasil lain untuk: Apa itu PRISMA?*") || more.startsWith("Tidak ada hasil lain"), more);
    }

    @Test
    void the_vote_button_asks_then_keeps_one_changeable_vote_per_user_without_the_number() throws Exception {
        String user = "6281200000004";
        post(WebhookPayloads.text(user, "Apa itu Stranas BHAM?"));
        List<FakeGraphApi.Call> answer = awaitAnswers(user, 1);
        String voteId = answer.get(answer.size() - 1).choiceIds().get(2);
        String key = voteId.substring(2);

        post(WebhookPayloads.buttonReply(user, voteId, "👍/👎 Nilai"));
        FakeGraphApi.Call prompt = api.awaitMessagesTo(user, answer.size() + 1, WAIT).get(answer.size());
        assertEquals("Apakah jawaban ini membantu?", prompt.text());
        assertEquals(List.of("f+:" + key, "f-:" + key), prompt.choiceIds());

        List<String> said = new ArrayList<>();
        for (String vote : List.of("f+:", "f+:", "f-:")) {
            int before = api.messagesTo(user).size();
            post(WebhookPayloads.buttonReply(user, vote + key, vote.equals("f+:") ? "👍 Membantu" : "👎 Kurang membantu"));
            said.add(api.awaitMessagesTo(user, before + 1, WAIT).get(before).text());
        }
        assertEquals(List.of("Terima kasih atas masukan Anda!", "Suara Anda sudah tercatat.", "Suara Anda sudah diubah. Terima kasih!"), said);

        List<FeedbackRecord> votes = feedback.all().stream().filter(record -> record.voteKey().startsWith("whatsapp:" + key + ":")).toList();
        assertEquals(1, votes.size(), "one record per user and answer: " + votes);
        assertEquals(FeedbackRecord.Kind.NOT_HELPFUL, votes.get(0).kind());
        assertEquals(hasher.hash(user), votes.get(0).userHash());
        assertFalse(votes.get(0).toString().contains(user), "the number is never kept");
    }

    @Test
    void a_greeting_offers_example_questions_as_a_list_and_a_row_asks_its_question() throws Exception {
        String user = "6281200000005";
        post(WebhookPayloads.text(user, "Halo"));
        FakeGraphApi.Call greeting = api.awaitMessagesTo(user, 1, WAIT).get(0);
        assertEquals("list", greeting.kind());
        assertTrue(greeting.text().startsWith("Halo!"), greeting.text());
        assertTrue(greeting.choiceIds().get(0).equals("x:id:0"), greeting.choiceIds().toString());
        greeting.choiceTitles().forEach(title -> assertTrue(title.length() <= GraphMessages.MAX_ROW_TITLE, title));

        post(WebhookPayloads.listReply(user, "x:id:0", greeting.choiceTitles().get(0)));
        List<FakeGraphApi.Call> replies = awaitAnswers(user, 2);
        String answer = texts(replies.subList(1, replies.size()));
        assertTrue(answer.contains("[1]") && answer.contains("Stranas"), "the example " + answers.exampleQuestions("id").get(0) + " is answered: " + answer);
    }

    @Test
    void kewajiban_offers_the_duty_bearers_as_a_list_and_pages_their_sections() throws Exception {
        String user = "6281200000006";
        post(WebhookPayloads.text(user, "kewajiban"));
        FakeGraphApi.Call list = api.awaitMessagesTo(user, 1, WAIT).get(0);
        assertEquals("list", list.kind());
        assertEquals(8, list.choiceIds().size());
        assertTrue(list.choiceIds().contains("a:id:pemerintah-daerah:0") && list.choiceTitles().contains("Pemerintah Daerah"), list.choiceIds().toString());

        post(WebhookPayloads.listReply(user, "a:id:pemerintah-daerah:0", "Pemerintah Daerah"));
        List<FakeGraphApi.Call> page = awaitAnswers(user, 2);
        String listing = texts(page.subList(1, page.size()));
        assertTrue(listing.startsWith("*Kewajiban dan tugas: Pemerintah Daerah (1–5 dari "), listing);
        String more = page.get(page.size() - 1).choiceIds().get(0);
        assertEquals("a:id:pemerintah-daerah:5", more);

        int before = api.messagesTo(user).size();
        post(WebhookPayloads.buttonReply(user, more, page.get(page.size() - 1).choiceTitles().get(0)));
        String next = api.awaitMessagesTo(user, before + 1, WAIT).get(before).text();
        assertTrue(next.startsWith("*Kewajiban dan tugas: Pemerintah Daerah (6–"), next);
    }

    @Test
    void media_without_a_caption_voice_stickers_and_locations_get_a_friendly_reply_in_the_users_language() throws Exception {
        String indonesian = "6281200000007";
        for (String body : List.of(WebhookPayloads.image(indonesian, ""), WebhookPayloads.voice(indonesian),
                WebhookPayloads.sticker(indonesian), WebhookPayloads.location(indonesian))) {
            post(body);
        }
        post(WebhookPayloads.reaction(indonesian)); // nothing to reply to
        List<FakeGraphApi.Call> replies = api.awaitMessagesTo(indonesian, 4, WAIT);
        replies.forEach(reply -> assertTrue(reply.text().startsWith("Saya hanya bisa membaca teks."), reply.text()));

        String english = "447700900123";
        post(WebhookPayloads.sticker(english));
        assertTrue(api.awaitMessagesTo(english, 1, WAIT).get(0).text().startsWith("I can only read text."));

        String switched = "6281200000008";
        post(WebhookPayloads.text(switched, "What is human rights due diligence?"));
        int answered = awaitAnswers(switched, 1).size();
        post(WebhookPayloads.voice(switched));
        assertTrue(api.awaitMessagesTo(switched, answered + 1, WAIT).get(answered).text().startsWith("I can only read text."),
                "the language of the user's last question");

        Thread.sleep(500);
        assertEquals(4, api.messagesTo(indonesian).size(), "a reaction gets no reply");
    }

    @Test
    void a_question_in_a_photos_caption_is_answered() throws Exception {
        post(WebhookPayloads.image("6281200000009", "Apa itu PRISMA?"));
        assertTrue(texts(awaitAnswers("6281200000009", 1)).contains("PRISMA"));
    }

    @Test
    void an_unanswerable_question_is_a_knowledge_gap_kept_without_the_number() throws Exception {
        String user = "6281200000010";
        post(WebhookPayloads.text(user, "Berapa harga cabai di pasar hari ini?"));
        FakeGraphApi.Call reply = api.awaitMessagesTo(user, 1, WAIT).get(0);
        assertEquals("list", reply.kind(), "example questions offered");
        assertTrue(reply.text().startsWith("Maaf"), reply.text());

        FeedbackRecord gap = feedback.all().stream()
                .filter(record -> record.kind() == FeedbackRecord.Kind.UNANSWERED && record.question().contains("harga cabai"))
                .findFirst().orElseThrow();
        assertEquals("whatsapp", gap.channel());
        assertEquals(hasher.hash(user), gap.userHash());
        assertFalse(gap.toString().contains(user));
    }

    @Test
    void each_user_may_ask_ten_questions_a_minute_and_is_told_once_when_over() throws Exception {
        String user = "6281200000011";
        for (int i = 0; i < 12; i++) {
            post(WebhookPayloads.text(user, "Apa itu PRISMA?"));
        }
        awaitAnswers(user, 10);
        Thread.sleep(1000);
        List<FakeGraphApi.Call> replies = api.messagesTo(user);
        assertEquals(10, replies.stream().filter(reply -> reply.kind().equals("button")).count());
        assertEquals(1, replies.stream().filter(reply -> reply.text().startsWith("Anda mengirim banyak pertanyaan")).count());
    }

    @Test
    void an_unknown_or_expired_button_says_so() throws Exception {
        post(WebhookPayloads.buttonReply("6281200000012", "q:zzzzzz", "📄 Kutipan sumber"));
        assertTrue(api.awaitMessagesTo("6281200000012", 1, WAIT).get(0).text().contains("kedaluwarsa"));
    }

    @Test
    void rate_limits_are_waited_out_and_each_users_replies_keep_their_order() throws Exception {
        String limited = "6281200000013";
        String other = "6281200000014";
        api.failNextTo(limited, 1, 400, FakeGraphApi.graphError(131056, "(Business Account, Consumer Account) pair rate limit hit"));
        api.failNextTo(limited, 1, 429, FakeGraphApi.graphError(130429, "Rate limit hit"));
        List<String> topics = List.of("PRISMA", "RANHAM", "Stranas");
        for (String topic : topics) {
            post(WebhookPayloads.text(limited, "Apa itu " + topic + "?"));
        }
        post(WebhookPayloads.text(other, "Apa itu PRISMA?"));

        List<List<FakeGraphApi.Call>> answered = answersOf(awaitAnswers(limited, 3));
        for (int i = 0; i < topics.size(); i++) {
            assertTrue(texts(answered.get(i)).contains(topics.get(i)), "answer " + (i + 1) + " in order: " + texts(answered.get(i)));
        }
        List<FakeGraphApi.Call> attempts = api.attemptsTo(limited);
        assertTrue(attempts.get(0).failed() && attempts.get(1).failed() && !attempts.get(2).failed());
        assertEquals(attempts.get(0).body(), attempts.get(2).body(), "the refused message is sent again, first");
        assertTrue(attempts.get(1).received() - attempts.get(0).received() >= 900_000_000L, "waited about a second");
        assertTrue(attempts.get(2).received() - attempts.get(1).received() >= 1_900_000_000L, "then about two");
        assertTrue(api.awaitMessagesTo(other, 1, WAIT).get(0).received() < attempts.get(2).received(),
                "another user is answered while this one waits");
    }

    @Test
    void server_errors_and_resets_are_retried_until_the_reply_is_taken() throws Exception {
        String user = "6281200000015";
        api.failNextTo(user, 1, 503, FakeGraphApi.graphError(2, "Service temporarily unavailable"));
        api.failNextTo(user, 1, 0, "");
        post(WebhookPayloads.text(user, "Apa itu RANHAM?"));

        assertTrue(texts(awaitAnswers(user, 1)).contains("RANHAM"));
        assertEquals(2, api.attemptsTo(user).stream().filter(FakeGraphApi.Call::failed).count());
    }

    @Test
    void an_interactive_message_meta_refuses_is_sent_again_as_plain_text() throws Exception {
        String user = "6281200000016";
        api.failNextTo(user, 1, 400, FakeGraphApi.graphError(131009, "Parameter value is not valid"));
        post(WebhookPayloads.text(user, "kewajiban"));

        FakeGraphApi.Call plain = api.awaitMessagesTo(user, 1, WAIT).get(0);
        assertEquals("text", plain.kind());
        assertTrue(plain.text().startsWith("Kewajiban siapa yang ingin Anda lihat?") && plain.text().contains("Komnas HAM"), plain.text());
    }

    @Test
    void two_hundred_users_at_once_are_each_answered_in_order() throws Exception {
        List<String> topics = List.of("PRISMA", "RANHAM", "Stranas");
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int u = 0; u < 200; u++) {
                String user = String.format("628130%07d", u);
                posted.add(senders.submit(() -> {
                    for (String topic : topics) {
                        post(WebhookPayloads.text(user, "Apa itu " + topic + "?"));
                    }
                }));
            }
            for (Future<?> future : posted) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        for (int u = 0; u < 200; u++) {
            String user = String.format("628130%07d", u);
            List<List<FakeGraphApi.Call>> answered = answersOf(awaitAnswers(user, 3));
            for (int i = 0; i < topics.size(); i++) {
                assertTrue(texts(answered.get(i)).contains(topics.get(i)), user + "'s answer " + (i + 1) + " out of order: " + texts(answered.get(i)));
            }
        }
    }

    @Test
    void logs_and_records_never_hold_a_number() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        String user = "6281299999999";
        try {
            api.failNextTo(user, 1, 400, FakeGraphApi.graphError(131026, "Message undeliverable to 6281299999999"));
            api.failNextTo(user, 1, 429, FakeGraphApi.graphError(130429, "Rate limit hit"));
            post(WebhookPayloads.text(user, "Apa itu PRISMA?"));
            post(WebhookPayloads.sticker(user));
            post(WebhookPayloads.text(user, "Berapa harga cabai di pasar hari ini?"));
            api.awaitMessagesTo(user, 2, WAIT);
            Thread.sleep(1500);
        } finally {
            root.detachAppender(logged);
        }
        List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("user " + hasher.hash(user))), "users are named by their hash: " + lines);
        lines.forEach(line -> assertFalse(line.contains(user) || line.contains("299999999"), line));
        feedback.all().forEach(record -> assertFalse(record.toString().contains(user)));
    }

    // ---- helpers

    /** Waits until the user got {@code count} answers (each ends with a message carrying buttons or a list) and returns every message. */
    private List<FakeGraphApi.Call> awaitAnswers(String user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeGraphApi.Call> messages = api.messagesTo(user);
            if (messages.stream().filter(call -> !call.kind().equals("text")).count() >= count) {
                return messages;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("expected " + count + " answers to " + user + ", got: " + texts(api.messagesTo(user)));
    }

    /** The messages grouped into answers: each group ends with the message that carries buttons. */
    private static List<List<FakeGraphApi.Call>> answersOf(List<FakeGraphApi.Call> messages) {
        List<List<FakeGraphApi.Call>> groups = new ArrayList<>();
        List<FakeGraphApi.Call> current = new ArrayList<>();
        for (FakeGraphApi.Call message : messages) {
            current.add(message);
            if (!message.kind().equals("text")) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        return groups;
    }

    private static String texts(List<FakeGraphApi.Call> calls) {
        return String.join("\n\n", calls.stream().map(FakeGraphApi.Call::text).toList());
    }

    private void post(String body) {
        MutableHttpRequest<String> request = HttpRequest.POST("/whatsapp/webhook", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(WebhookSignature.HEADER, WebhookPayloads.signature(WhatsAppWebhookTest.APP_SECRET, body));
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(request, String.class).getStatus());
    }
}
