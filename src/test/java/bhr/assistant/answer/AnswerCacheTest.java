package bhr.assistant.answer;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.search.PassageRetriever;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeated questions are answered from the cache, but never with an answer from a replaced knowledge base. */
class AnswerCacheTest {

    private static final String NEW_DOCUMENT = """
            ---
            id: upah-contoh
            title: Upah minimum (contoh uji)
            kind: faq
            language: id
            source: contoh uji
            url: https://example.org/upah
            ---
            # Upah minimum provinsi

            ## Siapa yang menetapkan upah minimum provinsi?
            Gubernur menetapkan upah minimum provinsi setiap tahun setelah mendengar dewan pengupahan.
            """;

    @TempDir
    Path kb;
    private KnowledgeIndex index;
    private AnswerService answers;

    /** The fixture knowledge base, answered with a cache of 100 answers. */
    @BeforeEach
    void answerFromTheFixture() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/kb-fixture"))) {
            for (Path file : files.toList()) {
                Files.copy(file, kb.resolve(file.getFileName()));
            }
        }
        Analyzers analyzers = new Analyzers();
        index = new KnowledgeIndex(analyzers);
        index.replace(new KnowledgeBaseLoader().load(kb).documents());
        answers = new AnswerService(new PassageRetriever(index, analyzers), new AnswerConfig(4, 100));
    }

    @Test
    void an_update_is_answered_at_once_even_for_a_question_asked_before_it() throws IOException {
        Question question = Question.of("Siapa yang menetapkan upah minimum provinsi?");

        assertFalse(answers.ask(question).found(), "not in the fixture yet");
        assertFalse(answers.ask(question).found(), "asked again: still the same knowledge base");

        Files.writeString(kb.resolve("upah-contoh.md"), NEW_DOCUMENT);
        index.replace(new KnowledgeBaseLoader().load(kb).documents());

        Answer after = answers.ask(question);
        assertTrue(after.found(), after.answer());
        assertEquals("upah-contoh", after.citations().get(0).documentId());
    }

    @Test
    void a_cached_answer_is_given_at_once_without_queueing_behind_searches() {
        Question question = Question.of("Siapa yang membentuk gugus tugas daerah?");
        Answer first = answers.askAsync(question).join();

        // Many new questions queued on the answer threads at the same time as the repeated one.
        List<CompletableFuture<Answer>> searches = IntStream.range(0, 50)
                .mapToObj(i -> answers.askAsync(Question.of("Apa tugas gugus tugas nomor " + i + "?"))).toList();
        CompletableFuture<Answer> repeated = answers.askAsync(question);

        assertTrue(repeated.isDone(), "the cached answer did not wait for the 50 searches");
        assertSame(first, repeated.join());
        searches.forEach(search -> assertEquals(search.join().answer(), answers.ask(Question.of(search.join().question())).answer()));
    }

    @Test
    void a_repeated_question_gets_the_same_answer_in_the_askers_own_wording() {

        Answer first = answers.ask(Question.of("Siapa yang membentuk gugus tugas daerah?"));
        Answer again = answers.ask(Question.of("Siapa yang membentuk gugus tugas daerah?"));
        Answer spaced = answers.ask(Question.of("  Siapa yang membentuk   gugus tugas daerah?"));
        Answer otherLimit = answers.ask(new Question("Siapa yang membentuk gugus tugas daerah?", Optional.empty(), 1, Optional.empty()));

        assertTrue(first.found());
        assertSame(first, again, "served from the cache");
        assertEquals("  Siapa yang membentuk   gugus tugas daerah?", spaced.question());
        assertEquals(first.answer(), spaced.answer());
        assertEquals(first.citations(), spaced.citations());
        assertEquals(1, otherLimit.citations().size(), "the limit is part of the question");
    }
}
