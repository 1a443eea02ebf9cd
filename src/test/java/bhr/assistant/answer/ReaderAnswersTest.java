package bhr.assistant.answer;

import bhr.assistant.kb.Source;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled knowledge base read as a user meets it (issue 15's examples): the first sentence answers, small talk
 * gets a friendly reply and no search, symbols and markup do not change an answer, and every citation names its
 * passage's own sources.
 */
@MicronautTest(startApplication = false)
class ReaderAnswersTest {

    @Inject
    AnswerService answers;

    private static String firstSentence(Answer answer) {
        int marker = answer.answer().indexOf(" [");
        return marker < 0 ? answer.answer() : answer.answer().substring(0, marker);
    }

    @Test
    void an_english_definition_question_is_answered_in_english_with_the_definition_first() {
        Answer answer = answers.ask(Question.of("What is PRISMA?"));

        assertTrue(answer.found(), answer.answer());
        assertEquals("en", answer.language());
        String first = firstSentence(answer);
        assertTrue(first.startsWith("PRISMA") && first.contains(" is "), first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"selamat pagi", "terima kasih", "ok kak", "🙏", "?", "kamu siapa?", "good morning"})
    void small_talk_gets_a_friendly_reply_and_is_not_searched(String message) {
        Answer answer = answers.ask(Question.of(message));

        assertFalse(answer.found(), answer.answer());
        assertEquals(Answer.SMALL_TALK, answer.kind());
        assertTrue(answer.citations().isEmpty());
        assertFalse(answer.answer().startsWith("Maaf"), "small talk is not a failure to answer: " + answer.answer());
    }

    @Test
    void a_greeting_in_english_is_answered_in_english() {
        assertEquals("en", answers.ask(Question.of("good morning")).language());
        assertEquals("id", answers.ask(Question.of("selamat pagi")).language());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apa itu PRISMA 🙏", "halo kak, apa itu PRISMA? makasih", "apa itu *PRISMA*?", "<b>apa itu PRISMA</b>"})
    void emoji_markup_greetings_and_thanks_do_not_change_the_answer(String message) {
        Answer plain = answers.ask(Question.of("apa itu PRISMA"));
        Answer decorated = answers.ask(Question.of(message));

        assertTrue(plain.found(), plain.answer());
        assertEquals(plain.answer(), decorated.answer());
    }

    @Test
    void a_question_the_knowledge_base_cannot_answer_is_refused() {
        Answer answer = answers.ask(Question.of("harga saham telkom hari ini berapa"));

        assertFalse(answer.found(), answer.answer());
        assertEquals(Answer.NOT_FOUND, answer.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apa itu Stranas BHAM?", "berapa iuran bpjs kesehatan", "What are the three pillars of the UNGPs?",
            "THR paling lambat dibayar kapan", "apakah PRISMA wajib?"})
    void every_citation_names_its_passage_s_sources_and_no_sentence_is_said_twice(String question) {
        Answer answer = answers.ask(Question.of(question));

        assertTrue(answer.found(), question + ": " + answer.answer());
        for (Citation citation : answer.citations()) {
            assertFalse(citation.sources().isEmpty(), citation.passageId());
            for (Source source : citation.sources()) {
                assertTrue(source.url().startsWith("https://"), source.url());
                assertFalse(source.title().isBlank());
            }
            assertTrue(citation.url().startsWith("https://"), "a link to check: " + citation.passageId());
        }
        List<String> sentences = new ArrayList<>(List.of(answer.answer().split("\\s*\\[\\d+]\\s*")));
        sentences.removeIf(String::isBlank);
        Set<String> distinct = new HashSet<>(sentences);
        assertEquals(sentences.size(), distinct.size(), answer.answer());
    }
}
