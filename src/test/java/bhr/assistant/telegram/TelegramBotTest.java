package bhr.assistant.telegram;

import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.update.KnowledgeBaseUpdater;
import bhr.assistant.update.Upload;
import bhr.assistant.store.UserIdHasher;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static bhr.assistant.telegram.FakeBotApi.callback;
import static bhr.assistant.telegram.FakeBotApi.groupText;
import static bhr.assistant.telegram.FakeBotApi.inlineQuery;
import static bhr.assistant.telegram.FakeBotApi.privateText;
import static bhr.assistant.telegram.TelegramHtmlAssertions.assertValidHtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real TelegramBots library, in polling mode, against a fake Bot API on 127.0.0.1. Each test uses its own
 * chat id, so the calls it checks are its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramBotTest implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeBotApi api;

    @Inject
    TelegramService telegram;

    @Inject
    FeedbackStore feedback;

    @Inject
    UserIdHasher hasher;

    @Inject
    AnswerService answers;

    @Inject
    KnowledgeIndex index;

    @Inject
    KnowledgeBaseUpdater updater;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeBotApi();
            return Map.of(
                    "telegram.bot-token", "123:TEST",
                    "telegram.api-url", api.url(),
                    "telegram.poll-timeout-seconds", "1",
                    "telegram.admin-ids", "500, 502",
                    "data.dir", Files.createTempDirectory("bhr-telegram").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void registers_commands_in_indonesian_and_english() throws Exception {
        List<FakeBotApi.Call> calls = api.await("setMyCommands", 2, WAIT);
        assertTrue(calls.stream().anyMatch(call -> call.body().path("language_code").asText().equals("en")));
        assertTrue(calls.stream().anyMatch(call -> call.body().path("language_code").isMissingNode()
                && call.body().path("commands").toString().contains("kewajiban")));
    }

    @Test
    void start_greets_with_example_questions_as_buttons() throws Exception {
        api.push(privateText(101, "/start"));

        JsonNode reply = awaitMessageTo(101, 1).get(0);
        assertEquals("html", reply.path("parse_mode").asText().toLowerCase());
        assertTrue(reply.path("text").asText().contains("Asisten Bisnis dan HAM"));
        List<String> data = callbackData(reply);
        assertTrue(data.size() >= 3 && data.stream().allMatch(d -> d.startsWith("x:id:")), data.toString());
    }

    @Test
    void start_with_a_deep_link_payload_answers_it() throws Exception {
        api.push(privateText(102, "/start apa_itu_prisma"));

        List<JsonNode> replies = awaitMessageTo(102, 2);
        assertTrue(replies.get(1).path("text").asText().contains("[1]"), replies.get(1).path("text").asText());
    }

    @Test
    void formal_question_gets_typing_then_a_cited_html_answer_with_buttons() throws Exception {
        api.push(privateText(103, "Apa kewajiban pemerintah daerah menurut Perpres 60/2023?"));

        JsonNode reply = awaitMessageTo(103, 1).get(0);
        String text = reply.path("text").asText();
        assertValidHtml(text);
        assertTrue(text.contains("[1]") && text.contains("<a href=\"https://"), text);
        assertTrue(api.calls("sendChatAction").stream().anyMatch(call -> call.body().path("chat_id").asLong() == 103
                && call.body().path("action").asText().equals("typing")));
        List<String> data = callbackData(reply);
        assertEquals(4, data.size());
        assertTrue(data.stream().allMatch(d -> d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64));
    }

    @Test
    void informal_question_is_answered_too() throws Exception {
        api.push(privateText(104, "umkm wajib uji tuntas ham ga sih?"));

        String text = awaitMessageTo(104, 1).get(0).path("text").asText();
        assertTrue(text.contains("[1]"), text);
    }

    @Test
    void english_question_gets_an_english_reply() throws Exception {
        api.push(privateText(105, "What is human rights due diligence?"));

        JsonNode reply = awaitMessageTo(105, 1).get(0);
        assertTrue(reply.path("text").asText().contains("<b>Sources:</b>"), reply.path("text").asText());
        assertTrue(buttonTexts(reply).contains("👍 Helpful"));
    }

    @Test
    void a_question_in_the_caption_of_a_photo_or_a_document_is_answered() throws Exception {
        api.push(FakeBotApi.photo(124, "Apa itu PRISMA?"));
        api.push(FakeBotApi.document(124, "f9", "laporan.pdf", "application/pdf", "Apa itu Stranas BHAM?"));

        List<JsonNode> replies = awaitMessageTo(124, 2);
        assertTrue(replies.get(0).path("text").asText().contains("[1]") && replies.get(0).path("text").asText().contains("PRISMA"),
                replies.get(0).path("text").asText());
        assertTrue(replies.get(1).path("text").asText().contains("[1]") && replies.get(1).path("text").asText().contains("Stranas"),
                replies.get(1).path("text").asText());
    }

    @Test
    void a_photo_without_a_caption_gets_a_hint() throws Exception {
        api.push(FakeBotApi.photo(125, ""));
        assertTrue(awaitMessageTo(125, 1).get(0).path("text").asText().contains("keterangan"));
    }

    @Test
    void an_edited_question_is_answered_again_as_a_reply_to_the_edit() throws Exception {
        api.push(FakeBotApi.privateText(126, 4242, "Apa itu PRISMA?", false));
        String first = awaitMessageTo(126, 1).get(0).path("text").asText();
        api.push(FakeBotApi.privateText(126, 4242, "Apa itu Stranas BHAM?", true));

        JsonNode second = awaitMessageTo(126, 2).get(1);
        String text = second.path("text").asText();
        assertEquals(4242, second.path("reply_parameters").path("message_id").asInt(), "a reply to the edited message");
        assertTrue(text.startsWith("<i>Jawaban untuk pertanyaan yang Anda sunting:</i>") && text.contains("Stranas") && text.contains("[1]"), text);
        assertTrue(first.contains("PRISMA"));
        assertTrue(api.calls("editMessageText").isEmpty(), "the earlier reply is left as it was");
    }

    @Test
    void in_a_group_it_answers_only_when_mentioned_or_replied_to() throws Exception {
        api.push(groupText(-200, 201, "apa itu PRISMA?", ""));
        api.push(groupText(-200, 201, "@" + FakeBotApi.BOT_USERNAME + " apa itu PRISMA?", ""));
        api.push(groupText(-200, 202, "bagaimana dengan UMKM?",
                ",\"reply_to_message\":{\"message_id\":77,\"date\":1700000000,\"chat\":{\"id\":-200,\"type\":\"supergroup\"},"
                        + "\"from\":{\"id\":" + FakeBotApi.BOT_ID + ",\"is_bot\":true,\"first_name\":\"BHR\"},\"text\":\"jawaban\"}"));
        api.push(groupText(-200, 203, "/sumber@another_bot", ""));

        List<JsonNode> replies = awaitMessageTo(-200, 2);
        Thread.sleep(1500); // give a wrongly answered message time to show up
        assertEquals(2, messagesTo(-200).size(), "only the mention and the reply are answered");
        assertTrue(replies.stream().allMatch(reply -> reply.path("reply_parameters").path("message_id").isInt()),
                "answers in groups reply to the question");
    }

    @Test
    void in_a_group_only_exact_mentions_of_the_bot_count() throws Exception {
        api.push(groupText(-201, 204, "@bhr_test_bot_old apa itu PRISMA?", ""));
        api.push(groupText(-201, 204, "tanya admin@bhr_test_bot.id soal PRISMA", ""));
        api.push(groupText(-201, 204, "/help@some_other_bot", ""));
        api.push(groupText(-201, 204, "apa itu PRISMA, @BHR_Test_Bot?", ""));

        JsonNode reply = awaitMessageTo(-201, 1).get(0);
        Thread.sleep(1500); // give a wrongly answered message time to show up
        assertEquals(1, messagesTo(-201).size(), "only the exact mention is answered: " + messagesTo(-201));
        assertTrue(reply.path("text").asText().contains("[1]"), reply.path("text").asText());
    }

    @Test
    void quote_button_sends_the_passages_and_feedback_is_recorded() throws Exception {
        api.push(privateText(106, "Apa itu PRISMA? <b>&</b>"));
        JsonNode answer = awaitMessageTo(106, 1).get(0);
        String quotesData = callbackData(answer).stream().filter(d -> d.startsWith("q:")).findFirst().orElseThrow();
        String notHelpfulData = callbackData(answer).stream().filter(d -> d.startsWith("f-:")).findFirst().orElseThrow();
        int answeredBefore = api.calls("answerCallbackQuery").size();

        api.push(callback(106, 106, quotesData));
        String quotes = awaitMessageTo(106, 2).get(1).path("text").asText();
        assertValidHtml(quotes);
        assertTrue(quotes.contains("<blockquote>"), quotes);
        assertTrue(quotes.contains("Apa itu PRISMA? &lt;b&gt;&amp;&lt;/b&gt;"), "the question is shown escaped: " + quotes);

        api.push(callback(106, 106, notHelpfulData));
        List<FakeBotApi.Call> answered = api.await("answerCallbackQuery", answeredBefore + 2, WAIT);
        assertTrue(answered.stream().anyMatch(call -> call.body().path("text").asText().startsWith("Terima kasih")));
        assertTrue(feedback.all().stream().anyMatch(record -> record.kind() == FeedbackRecord.Kind.NOT_HELPFUL
                && record.question().startsWith("Apa itu PRISMA?") && !record.userHash().isEmpty() && !record.userHash().contains("106")));
    }

    @Test
    void a_button_press_is_acknowledged_before_a_slow_reply_returns() throws Exception {
        api.push(privateText(118, "Apa itu PRISMA?"));
        String quotes = callbackData(awaitMessageTo(118, 1).get(0)).stream().filter(d -> d.startsWith("q:")).findFirst().orElseThrow();
        api.delayNextTo(118, "sendMessage", Duration.ofSeconds(3)); // the Bot API is slow to take the quotes

        api.push(callback("cb-118", 118, 118, quotes));
        FakeBotApi.Call slowReply = api.awaitTo(118, "sendMessage", 2, WAIT).get(1);
        FakeBotApi.Call acknowledged = api.awaitCallbackAnswer("cb-118", WAIT);

        assertTrue(slowReply.body().path("text").asText().contains("<blockquote>"));
        assertTrue(acknowledged.received() < slowReply.answered(), "acknowledged "
                + (acknowledged.received() - slowReply.answered()) / 1_000_000 + " ms after the slow reply returned");
        assertEquals("Memuat…", acknowledged.body().path("text").asText());
    }

    @Test
    void one_vote_per_user_per_answer_changeable_stored_once_and_shown_on_the_button() throws Exception {
        api.push(privateText(119, "Apa itu PRISMA?"));
        JsonNode answer = awaitMessageTo(119, 1).get(0);
        String helpful = callbackData(answer).stream().filter(d -> d.startsWith("f+:")).findFirst().orElseThrow();
        String notHelpful = callbackData(answer).stream().filter(d -> d.startsWith("f-:")).findFirst().orElseThrow();

        List<String> toasts = new ArrayList<>();
        int press = 0;
        for (String data : List.of(helpful, helpful, notHelpful)) {
            api.push(callback("cb-119-" + press, 119, 119, data));
            toasts.add(api.awaitCallbackAnswer("cb-119-" + press++, WAIT).body().path("text").asText());
        }

        List<FakeBotApi.Call> edits = api.awaitTo(119, "editMessageReplyMarkup", 2, WAIT);
        String userHash = hasher.hash("119");
        List<FeedbackRecord> votes = feedback.all().stream().filter(record -> record.userHash().equals(userHash)).toList();
        assertEquals(1, votes.size(), "stored once: " + votes);
        assertEquals(FeedbackRecord.Kind.NOT_HELPFUL, votes.get(0).kind(), "the vote as last changed");
        assertTrue(toasts.get(0).startsWith("Terima kasih") && toasts.get(1).contains("sudah tercatat") && toasts.get(2).contains("diubah"),
                toasts.toString());
        assertEquals(2, edits.size(), "the second 👍 changed nothing to show");
        assertTrue(buttonTexts(edits.get(0).body()).contains("✅ 👍 Membantu"), buttonTexts(edits.get(0).body()).toString());
        List<String> shown = buttonTexts(edits.get(1).body());
        assertTrue(shown.contains("✅ 👎 Kurang membantu") && shown.contains("👍 Membantu"), shown.toString());
        assertEquals(callbackData(answer), callbackData(edits.get(1).body()), "the same buttons, only their labels change");
    }

    @Test
    void in_a_group_the_vote_buttons_count_everyones_votes() throws Exception {
        api.push(groupText(-202, 205, "@" + FakeBotApi.BOT_USERNAME + " apa itu PRISMA?", ""));
        JsonNode answer = awaitMessageTo(-202, 1).get(0);
        String helpful = callbackData(answer).stream().filter(d -> d.startsWith("f+:")).findFirst().orElseThrow();
        String notHelpful = callbackData(answer).stream().filter(d -> d.startsWith("f-:")).findFirst().orElseThrow();

        api.push(callback("cb-202-a", -202, 205, helpful));
        api.push(callback("cb-202-b", -202, 206, helpful));
        api.push(callback("cb-202-c", -202, 207, notHelpful));
        List<FakeBotApi.Call> edits = api.awaitTo(-202, "editMessageReplyMarkup", 3, WAIT);

        List<String> shown = buttonTexts(edits.get(2).body());
        assertTrue(shown.contains("👍 Membantu · 2") && shown.contains("👎 Kurang membantu · 1"), shown.toString());
        assertTrue(shown.stream().noneMatch(label -> label.startsWith("✅")), "no one's own vote is ticked on buttons everyone sees");
    }

    @Test
    void quote_buttons_of_a_deleted_or_replaced_document_say_so_instead_of_showing_the_old_text() throws Exception {
        updater.upsert(markdown("kutipan-dihapus", "Awak kapal zamruddihapus berhak atas jaket pelampung yang layak."), "uji");
        updater.upsert(markdown("kutipan-diganti", "Pekerja kebun zamrudganti berhak atas air minum bersih di lokasi kerja."), "uji");
        api.push(privateText(131, "siapa yang berhak atas jaket pelampung zamruddihapus?"));
        api.push(privateText(131, "siapa yang berhak atas air minum zamrudganti?"));
        List<JsonNode> answers = awaitMessageTo(131, 2);
        assertTrue(answers.get(0).path("text").asText().contains("zamruddihapus") && answers.get(1).path("text").asText().contains("zamrudganti"),
                answers.toString());

        updater.delete("kutipan-dihapus", "uji");
        updater.upsert(markdown("kutipan-diganti", "Pekerja kebun zamrudganti berhak atas air minum dan tempat istirahat."), "uji");
        for (JsonNode answer : answers) {
            api.push(callback(131, 131, callbackData(answer).stream().filter(d -> d.startsWith("q:")).findFirst().orElseThrow()));
        }

        List<JsonNode> quotes = awaitMessageTo(131, 4).subList(2, 4);
        String deleted = quotes.get(0).path("text").asText();
        String replaced = quotes.get(1).path("text").asText();
        assertTrue(deleted.contains("sudah dihapus dari basis pengetahuan") && !deleted.contains("jaket pelampung yang layak"), deleted);
        assertTrue(replaced.contains("sudah diganti sejak jawaban tadi") && !replaced.contains("air minum bersih"), replaced);
    }

    private static Upload markdown(String id, String sentence) {
        return new Upload(id, ("---\ntitle: Uji " + id + "\nkind: guide\nlanguage: id\nsource: Uji\nurl: https://example.org/" + id
                + "\n---\n# Bagian\n" + sentence + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), DocumentFormat.MARKDOWN, Map.of());
    }

    @Test
    void old_or_forged_buttons_are_answered_gracefully() throws Exception {
        int before = api.calls("answerCallbackQuery").size();
        api.push(callback(107, 107, "q:doesnotexist"));
        api.push(callback(107, 107, "garbage"));

        List<FakeBotApi.Call> answered = api.await("answerCallbackQuery", before + 2, WAIT);
        assertTrue(answered.subList(before, answered.size()).stream()
                .allMatch(call -> call.body().path("text").asText().contains("kedaluwarsa")));
    }

    @Test
    void obligations_menu_lists_an_actors_duties_with_sources() throws Exception {
        api.push(privateText(108, "/kewajiban"));
        JsonNode menu = awaitMessageTo(108, 1).get(0);
        assertTrue(callbackData(menu).contains("a:pemerintah-daerah"));

        api.push(callback(108, 108, "a:pemerintah-daerah"));
        String list = awaitMessageTo(108, 2).get(1).path("text").asText();
        assertValidHtml(list);
        assertTrue(list.contains("Pemerintah Daerah") && list.contains("<a href="), list);
    }

    @Test
    void komnas_ham_obligations_list_the_sections_tagged_for_it() throws Exception {
        api.push(callback(127, 127, "a:komnas-ham"));
        String list = awaitMessageTo(127, 1).get(0).path("text").asText();

        assertValidHtml(list);
        assertTrue(list.startsWith("<b>Kewajiban dan tugas: Komnas HAM (1–"), list);
        assertFalse(itemNumbers(list).isEmpty(), list);
    }

    @Test
    void obligation_lists_are_short_in_the_users_language_and_page_on_with_a_more_button() throws Exception {
        Map<String, String> languageByTitle = index.read(snapshot -> snapshot.documents().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.metadata().title(), d -> d.metadata().language(), (a, b) -> a)));

        api.push(callback(128, 128, "a:pemerintah-daerah"));
        JsonNode first = awaitMessageTo(128, 1).get(0);
        String text = first.path("text").asText();
        assertValidHtml(text);
        String visible = text.replaceAll("<[^>]*>", "");
        assertTrue(visible.length() <= 1500, visible.length() + " characters shown: " + visible);
        assertEquals(List.of("1", "2", "3", "4", "5"), itemNumbers(text));
        assertEquals(List.of("id"), linkedTitles(text).stream().map(languageByTitle::get).distinct().toList(), text);
        assertEquals(List.of("a:pemerintah-daerah:5"), callbackData(first));
        assertTrue(buttonTexts(first).get(0).startsWith("Lainnya ("), buttonTexts(first).toString());

        api.push(callback(128, 128, "a:pemerintah-daerah:5"));
        String second = awaitMessageTo(128, 2).get(1).path("text").asText();
        assertEquals(List.of("6", "7", "8", "9", "10"), itemNumbers(second));

        api.push(callback("cb-128-en", 128, 128, "a:pemerintah-daerah", "en"));
        String english = awaitMessageTo(128, 3).get(2).path("text").asText();
        assertTrue(english.startsWith("<b>Obligations and tasks: Regional governments (1–"), english);
        assertEquals(List.of("en"), linkedTitles(english).stream().map(languageByTitle::get).distinct().toList(), english);
    }

    @Test
    void sources_command_lists_the_documents() throws Exception {
        api.push(privateText(109, "/sumber"));
        String text = awaitMessageTo(109, 1).get(0).path("text").asText();
        assertTrue(text.contains("Strategi Nasional Bisnis dan HAM"), text);
    }

    @Test
    void too_many_requests_is_retried_after_retry_after() throws Exception {
        api.failNextTo(110, "sendMessage", 429, FakeBotApi.tooManyRequests(1));
        api.push(privateText(110, "Apa itu PRISMA?"));

        List<JsonNode> delivered = awaitMessageTo(110, 1);
        assertTrue(delivered.get(0).path("text").asText().contains("[1]"));
        List<FakeBotApi.Call> refused = api.failedCalls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == 110).toList();
        assertEquals(1, refused.size());
        assertEquals(refused.get(0).body().path("text").asText(), delivered.get(0).path("text").asText(), "the same message, sent again");
    }

    @Test
    void a_reply_refused_for_its_html_is_sent_again_as_plain_text() throws Exception {
        api.failNextTo(117, "sendMessage", 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \\\"b\\\"\"}");
        api.push(privateText(117, "Apa itu PRISMA?"));

        JsonNode reply = awaitMessageTo(117, 1).get(0);
        String refused = api.failedCalls("sendMessage").stream().filter(call -> call.chatId() == 117).findFirst().orElseThrow()
                .body().path("text").asText();
        assertTrue(reply.path("parse_mode").isMissingNode(), "sent without parse mode: " + reply);
        assertTrue(refused.contains("<b>") && !reply.path("text").asText().contains("<b>"), reply.path("text").asText());
        assertTrue(reply.path("text").asText().contains("[1]"), "the same answer, as plain text");
        assertEquals(4, callbackData(reply).size(), "with its buttons");
    }

    @Test
    void server_errors_are_retried_with_backoff() throws Exception {
        api.failNextTo(111, "sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        api.push(privateText(111, "Apa itu PRISMA?"));

        assertEquals(1, awaitMessageTo(111, 1).size());
        assertTrue(api.failedCalls("sendMessage").stream().anyMatch(c -> c.body().path("chat_id").asLong() == 111));
    }

    @Test
    void an_outage_of_several_seconds_with_resets_and_server_errors_loses_no_reply() throws Exception {
        // Six failures in a row (connection resets, then 503s) cost about 15 s of growing pauses; the sender keeps
        // trying for 90 s, so a minute-long outage is covered the same way.
        api.failNextTo(116, "sendMessage", 3, 0, "");
        api.failNextTo(116, "sendMessage", 3, 503, "{\"ok\":false,\"error_code\":503,\"description\":\"Service Unavailable\"}");
        api.push(privateText(116, "Apa itu PRISMA?"));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (messagesTo(116).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(messagesTo(116).stream().anyMatch(m -> m.path("text").asText().contains("[1]")), "the answer was delivered");
        assertTrue(api.failedCalls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == 116).count() >= 3,
                "the reply went through the outage, not around it");
    }

    @Test
    void a_chats_messages_are_answered_in_order() throws Exception {
        api.push(privateText(112, "Apa itu PRISMA?"));
        api.push(privateText(112, "/sumber"));
        api.push(privateText(112, "/help"));

        List<JsonNode> replies = awaitMessageTo(112, 3);
        assertTrue(replies.get(0).path("text").asText().contains("[1]"));
        assertTrue(replies.get(1).path("text").asText().contains("Dokumen yang menjadi sumber"));
        assertTrue(replies.get(2).path("text").asText().contains("/kewajiban"));
    }

    @Test
    void per_user_limit_answers_politely() throws Exception {
        for (int i = 0; i < 11; i++) {
            api.push(privateText(113, "Apa itu PRISMA? " + i));
        }
        List<JsonNode> replies = awaitMessageTo(113, 11);
        assertTrue(replies.get(10).path("text").asText().contains("Mohon tunggu"), replies.get(10).path("text").asText());
    }

    @Test
    void a_failing_update_does_not_stop_the_bot() throws Exception {
        api.push("{\"callback_query\":{\"id\":\"broken\",\"chat_instance\":\"1\",\"data\":\"q:1\"}}"); // no sender
        api.push(privateText(114, "Apa itu PRISMA?"));

        assertTrue(awaitMessageTo(114, 1).get(0).path("text").asText().contains("[1]"));
    }

    @Test
    void inline_query_offers_the_answer_and_its_sources_as_articles() throws Exception {
        int before = api.calls("answerInlineQuery").size();
        api.push(inlineQuery(115, "Apa itu PRISMA?"));

        JsonNode results = api.await("answerInlineQuery", before + 1, WAIT).get(before).body().path("results");
        assertTrue(results.size() >= 2, results.toString());
        assertEquals("article", results.get(0).path("type").asText());
        assertValidHtml(results.get(0).path("input_message_content").path("message_text").asText());
    }

    @Test
    void inline_typing_is_answered_once_for_the_final_query_and_costs_one_question() throws Exception {
        String typed = "apa itu prisma";
        for (int length = 1; length <= typed.length(); length++) {
            api.push(inlineQuery("iq-120-" + length, 120, typed.substring(0, length))); // one query per key, as Telegram sends them
        }

        JsonNode results = api.awaitInlineAnswer("iq-120-" + typed.length(), WAIT).body().path("results");
        Thread.sleep(500); // time for an answer to a prefix to show up
        assertEquals(1, api.inlineAnswers("iq-120-").size(), "only the final query is answered");
        assertTrue(results.size() >= 2 && results.get(0).path("input_message_content").path("message_text").asText().contains("[1]"),
                results.toString());

        for (int i = 0; i < 9; i++) {
            api.push(privateText(120, "Apa itu PRISMA?"));
        }
        List<JsonNode> replies = awaitMessageTo(120, 9);
        assertTrue(replies.stream().noneMatch(reply -> reply.path("text").asText().contains("Mohon tunggu")),
                "typing cost one question of ten, so nine more are answered: " + replies);
        String userHash = hasher.hash("120");
        assertTrue(feedback.all().stream().noneMatch(record -> record.userHash().equals(userHash) && typed.startsWith(record.question())),
                "no prefix is a knowledge gap");
    }

    @Test
    void the_same_inline_query_again_comes_from_the_cache_at_no_cost() throws Exception {
        api.push(inlineQuery("iq-121-a", 121, "apa itu stranas bham"));
        JsonNode first = api.awaitInlineAnswer("iq-121-a", WAIT).body().path("results");
        Thread.sleep(InlineMode.QUIET.toMillis() + 100);
        api.push(inlineQuery("iq-121-b", 121, "Apa itu  Stranas BHAM"));
        JsonNode second = api.awaitInlineAnswer("iq-121-b", WAIT).body().path("results");
        assertEquals(first, second);

        for (int i = 0; i < 9; i++) {
            api.push(privateText(121, "Apa itu PRISMA?"));
        }
        List<JsonNode> replies = awaitMessageTo(121, 9);
        assertTrue(replies.stream().noneMatch(reply -> reply.path("text").asText().contains("Mohon tunggu")),
                "asking again inline cost nothing: " + replies);
    }

    @Test
    void an_empty_inline_query_offers_example_questions() throws Exception {
        api.push(inlineQuery("iq-122-empty", 122, ""));
        JsonNode results = api.awaitInlineAnswer("iq-122-empty", WAIT).body().path("results");

        List<String> titles = StreamSupport.stream(results.spliterator(), false).map(result -> result.path("title").asText()).toList();
        assertEquals(answers.exampleQuestions("id"), titles);
        for (JsonNode result : results) {
            String html = result.path("input_message_content").path("message_text").asText();
            assertValidHtml(html);
            assertTrue(html.contains("[1]"), "each example sends its cited answer: " + html);
        }
    }

    @Test
    void an_inline_not_found_is_a_knowledge_gap_only_once_sent() throws Exception {
        String question = "berapa harga tiket pesawat zorblax ke bulan";
        api.push(inlineQuery("iq-123", 123, question));
        JsonNode results = api.awaitInlineAnswer("iq-123", WAIT).body().path("results");
        assertEquals(InlineMode.NOT_FOUND_ID, results.get(0).path("id").asText(), results.toString());
        String userHash = hasher.hash("123");
        assertTrue(feedback.all().stream().noneMatch(record -> record.userHash().equals(userHash)), "typing is not a gap");

        api.push(FakeBotApi.chosenInlineResult(123, InlineMode.NOT_FOUND_ID, question));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (feedback.all().stream().noneMatch(record -> record.userHash().equals(userHash)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<FeedbackRecord> gaps = feedback.all().stream().filter(record -> record.userHash().equals(userHash)).toList();
        assertEquals(1, gaps.size());
        assertEquals(FeedbackRecord.Kind.UNANSWERED, gaps.get(0).kind());
        assertEquals(question, gaps.get(0).question());
    }

    @Test
    void admins_upload_documents_by_caption_and_others_are_refused() throws Exception {
        api.putFile("f1", "documents/file_1.md", ("---\ntitle: Panduan dari Telegram\nkind: guide\nlanguage: id\nsource: Uji\n"
                + "url: https://example.org/tg\n---\n# Perikanan\nAwak kapal zamrudtelegram berhak atas kontrak tertulis.\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        api.push(FakeBotApi.document(501, "f1", "panduan.md", "text/markdown", "/upload panduan-tg"));
        assertTrue(awaitMessageTo(501, 1).get(0).path("text").asText().contains("hanya untuk admin"));

        api.push(FakeBotApi.document(500, "f1", "panduan.md", "text/markdown", "/upload panduan-tg"));
        String reply = awaitMessageTo(500, 1).get(0).path("text").asText();
        assertTrue(reply.contains("tersimpan"), reply);

        api.push(privateText(500, "siapa yang berhak atas kontrak tertulis zamrudtelegram?"));
        assertTrue(awaitMessageTo(500, 2).get(1).path("text").asText().contains("Panduan dari Telegram"));

        api.push(privateText(500, "/status"));
        assertTrue(awaitMessageTo(500, 3).get(2).path("text").asText().contains("Versi basis pengetahuan"));
    }

    @Test
    void numbers_are_written_the_way_each_language_writes_them() throws Exception {
        api.push(privateText(129, "Apa kewajiban perusahaan dalam uji tuntas hak asasi manusia? ".repeat(20)));
        api.push(FakeBotApi.message(129, 129, "private", "What must companies do for human rights due diligence? ".repeat(20), "en", ""));

        List<JsonNode> replies = awaitMessageTo(129, 2);
        assertTrue(replies.get(0).path("text").asText().contains("lebih dari 1.000 karakter"), replies.get(0).path("text").asText());
        assertTrue(replies.get(1).path("text").asText().contains("over 1,000 characters"), replies.get(1).path("text").asText());
    }

    @Test
    void the_source_list_speaks_the_users_language_only() throws Exception {
        api.push(FakeBotApi.message(130, 130, "private", "/sumber", "en", ""));
        String text = awaitMessageTo(130, 1).get(0).path("text").asText();
        assertTrue(text.contains("(in force") && text.contains("checked 20"), text);
        assertFalse(text.contains("(berlaku") || text.contains("(referensi") || text.contains("(rancangan"), text);
    }

    @Test
    void admin_replies_and_refusal_reasons_come_in_the_admins_language() throws Exception {
        api.putFile("f3", "documents/file_3.md", ("---\nkind: guide\nlanguage: id\nsource: Uji\nurl: https://example.org/tanpa-judul\n---\n"
                + "# Bagian\nTeks tanpa judul dokumen.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        api.push(FakeBotApi.document(502, "f3", "tanpa-judul.md", "text/markdown", "/upload tanpa-judul"));
        String refused = awaitMessageTo(502, 1).get(0).path("text").asText();
        assertEquals("Dokumen ditolak: metadata tidak lengkap atau salah: kolom 'title' belum diisi. Basis pengetahuan tidak berubah.", refused);

        api.push(FakeBotApi.message(502, 502, "private", "/status", "en", ""));
        String status = awaitMessageTo(502, 2).get(1).path("text").asText();
        assertTrue(status.startsWith("Knowledge-base version: ") && status.contains("\nDocuments: ") && status.contains("\nLast update: "), status);
    }

    @Test
    void a_refused_telegram_upload_says_why() throws Exception {
        api.putFile("f2", "documents/file_2.pdf", "bukan pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        api.push(FakeBotApi.document(502, "f2", "laporan.pdf", "application/pdf", "/upload laporan title=Laporan url=https://x.org"));

        String reply = awaitMessageTo(502, 1).get(0).path("text").asText();
        assertTrue(reply.contains("ditolak") && reply.contains("tidak berubah"), reply);
    }

    // ---- helpers

    private List<JsonNode> awaitMessageTo(long chatId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> messages = messagesTo(chatId);
            if (messages.size() >= count) {
                return messages;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " messages to chat " + chatId + ", got " + messagesTo(chatId));
    }

    private List<JsonNode> messagesTo(long chatId) {
        return api.calls("sendMessage").stream().map(FakeBotApi.Call::body)
                .filter(body -> body.path("chat_id").asLong() == chatId).toList();
    }

    private static List<String> callbackData(JsonNode message) {
        List<String> data = new ArrayList<>();
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                data.add(button.path("callback_data").asText());
            }
        }
        return data;
    }

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("(?m)^(\\d+)\\. (.*?)(?: — |$)");

    /** The numbers of a list's items ("1. title — section"). */
    private static List<String> itemNumbers(String html) {
        return LIST_ITEM.matcher(html).results().map(match -> match.group(1)).toList();
    }

    /** The document titles of a list's items, linked or not. */
    private static List<String> linkedTitles(String html) {
        return LIST_ITEM.matcher(html).results().map(match -> match.group(2).replaceAll("<[^>]*>", "")
                .replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")).toList();
    }

    private static List<String> buttonTexts(JsonNode message) {
        return StreamSupport.stream(message.path("reply_markup").path("inline_keyboard").spliterator(), false)
                .flatMap(row -> StreamSupport.stream(row.spliterator(), false))
                .map(button -> button.path("text").asText()).toList();
    }
}
