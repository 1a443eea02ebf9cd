package bhr.assistant.answer;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(startApplication = false)
@Property(name = "kb.dir", value = "src/test/resources/kb-fixture")
class AnswerServiceTest {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    @Inject
    AnswerService answers;

    @Test
    void answer_cites_the_passage_that_states_the_fact() {
        Answer answer = answers.ask(Question.of("Siapa yang membentuk gugus tugas daerah?"));

        assertTrue(answer.found());
        assertEquals("perpres-contoh#pasal-7-gugus-tugas-daerah", answer.citations().get(0).passageId());
        assertEquals("BAB II Gugus Tugas > Pasal 7 Gugus Tugas Daerah", answer.citations().get(0).section());
        assertTrue(answer.answer().contains("Gubernur membentuk"), answer.answer());
        assertEquals("id", answer.language());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gugus tugas daerah", "kewajiban kementerian", "uji tuntas perusahaan besar", "pelaku usaha ukuran usaha",
            "human rights due diligence"})
    void every_marker_has_its_citation_and_every_citation_its_marker(String text) {
        Answer answer = answers.ask(Question.of(text));

        assertTrue(answer.found(), text);
        Set<Integer> markers = new TreeSet<>();
        Matcher matcher = MARKER.matcher(answer.answer());
        while (matcher.find()) {
            markers.add(Integer.parseInt(matcher.group(1)));
        }
        Set<Integer> numbers = answer.citations().stream().map(Citation::n).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(numbers, markers);
        assertEquals(answer.citations().size(), numbers.size());
        for (int n = 1; n <= numbers.size(); n++) {
            assertTrue(numbers.contains(n), "numbered 1..k");
        }
        long sentences = answer.answer().split("\\[\\d+]").length;
        assertTrue(sentences >= 1 && answer.answer().matches("(?s).*\\[\\d+]\\s*((Catatan|Note):.*)?$"), answer.answer());
        for (Citation citation : answer.citations()) {
            assertFalse(citation.quote().isBlank());
            assertFalse(citation.url().isBlank());
            assertFalse(citation.title().isBlank());
        }
    }

    @Test
    void an_answer_from_a_draft_says_it_is_not_in_force() {
        Answer answer = answers.ask(Question.of("Kapan perusahaan dengan dua ribu pekerja wajib uji tuntas?"));

        assertTrue(answer.found());
        Citation draft = answer.citations().stream().filter(c -> c.documentId().equals("rancangan-contoh")).findFirst().orElseThrow();
        assertEquals("rancangan", draft.status());
        assertTrue(answer.answer().contains("sumber [" + draft.n() + "] masih rancangan"), answer.answer());
    }

    @Test
    void english_question_gets_an_english_answer_from_the_english_document() {
        Answer answer = answers.ask(Question.of("What is human rights due diligence?"));

        assertTrue(answer.found());
        assertEquals("en", answer.language());
        assertEquals("guiding-principles-contoh", answer.citations().get(0).documentId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Berapa harga tiket pesawat ke Bali bulan depan?", "resep rendang padang", "cuaca Jakarta besok"})
    void unrelated_question_is_not_found_and_suggests_questions(String text) {
        Answer answer = answers.ask(Question.of(text));

        assertFalse(answer.found(), answer.answer());
        assertTrue(answer.citations().isEmpty());
        assertTrue(answer.answer().startsWith("Maaf"));
        assertEquals(3, answer.answer().lines().filter(line -> line.startsWith("- ")).count(), answer.answer());
    }

    @Test
    void not_found_in_english_is_explained_in_english() {
        Answer answer = answers.ask(new Question("What is the weather in Jakarta tomorrow?", Optional.of("en"), 3, Optional.empty()));

        assertFalse(answer.found());
        assertTrue(answer.answer().startsWith("Sorry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND (", "title:gubernur", "*", "\"gugus tugas", "gugus~ OR ) ] ^2", "\\", "?", "apa itu?", "\u0000\u200b\u202e"})
    void lucene_syntax_and_junk_are_only_text(String text) {
        Answer answer = answers.ask(Question.of(text));

        assertNotNull(answer.answer());
        assertFalse(answer.answer().isBlank());
    }

    @Test
    void query_syntax_characters_do_not_change_the_result() {
        Answer plain = answers.ask(Question.of("gugus tugas daerah"));
        Answer withSyntax = answers.ask(Question.of("(gugus) +tugas \"daerah*"));

        assertEquals(plain.citations().get(0).passageId(), withSyntax.citations().get(0).passageId());
    }

    @Test
    void actor_filter_keeps_only_passages_naming_that_actor() {
        Answer answer = answers.ask(new Question("kewajiban", Optional.empty(), 5, Optional.of("kementerian-lembaga")));

        assertTrue(answer.found());
        assertEquals(List.of("perpres-contoh#kewajiban-kementerian-dan-lembaga"),
                answer.citations().stream().map(Citation::passageId).toList());
    }
}
