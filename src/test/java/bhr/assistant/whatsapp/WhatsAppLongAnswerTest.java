package bhr.assistant.whatsapp;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
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
 * A 5,000-character answer (longer than any the bundled knowledge base gives, so the answer service is replaced
 * by one that gives it) reaches the user whole, in messages WhatsApp takes: each at most 4096 characters, cut
 * after a sentence, with the sources and the buttons last.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppLongAnswerTest implements TestPropertyProvider {

    static final String LONG_ANSWER = longAnswer();

    private FakeGraphApi api;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeGraphApi();
            return WhatsAppWebhookTest.settings(api, Files.createTempDirectory("bhr-whatsapp-long").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @MockBean(AnswerService.class)
    AnswerService longAnswers() {
        return new AnswerService(null, new AnswerConfig(4, 0)) {
            @Override
            public Answer ask(Question question) {
                return new Answer(question.text(), LONG_ANSWER, true, List.of(new Citation(1, "stranas-bham", "stranas-bham#bab-ii",
                        "Strategi Nasional Bisnis dan HAM", "BAB II > Pasal 3", "https://peraturan.go.id/id/perpres-no-60-tahun-2023",
                        "Kutipan.", 1.0, "berlaku")), "id");
            }
        };
    }

    @Test
    void a_5000_character_answer_is_split_cleanly_into_messages_whatsapp_takes() throws Exception {
        String body = WebhookPayloads.text("6281300000001", "Jelaskan semua kewajiban uji tuntas");
        client.toBlocking().exchange(HttpRequest.POST("/whatsapp/webhook", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(WebhookSignature.HEADER, WebhookPayloads.signature(WhatsAppWebhookTest.APP_SECRET, body)), String.class);

        List<FakeGraphApi.Call> messages = api.awaitMessagesTo("6281300000001", 3, Duration.ofSeconds(15));
        assertEquals(List.of("text", "text", "button"), messages.stream().map(FakeGraphApi.Call::kind).toList());
        List<String> parts = messages.subList(0, 2).stream().map(FakeGraphApi.Call::text).toList();
        parts.forEach(part -> assertTrue(part.length() <= GraphMessages.MAX_TEXT && part.endsWith("[1]."), part.length() + ": …"
                + part.substring(Math.max(0, part.length() - 40))));
        assertEquals(LONG_ANSWER, String.join(" ", parts), "nothing lost or changed at the cut");
        String sources = messages.get(2).text();
        assertTrue(sources.startsWith("*Sumber:*\n[1] Strategi Nasional Bisnis dan HAM — _BAB II > Pasal 3_")
                && sources.endsWith("\nhttps://peraturan.go.id/id/perpres-no-60-tahun-2023"), sources);
    }

    /** About 5,000 characters of sentences, each with its citation marker. */
    private static String longAnswer() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 5000; i++) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append("Kalimat ke-").append(i).append(" menjelaskan kewajiban perusahaan untuk melakukan uji tuntas hak asasi manusia [1].");
        }
        return text.toString();
    }
}
