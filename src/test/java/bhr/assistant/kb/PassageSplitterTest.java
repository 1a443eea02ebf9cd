package bhr.assistant.kb;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassageSplitterTest {

    private final PassageSplitter splitter = new PassageSplitter(40);

    @Test
    void short_section_stays_one_passage_with_a_stable_id() {
        Section section = new Section(List.of("BAB II", "Pasal 7"), "", "Gubernur membentuk gugus tugas daerah.", List.of());
        List<Passage> first = splitter.split("stranas", List.of(section));
        List<Passage> again = splitter.split("stranas", List.of(section));

        assertEquals(1, first.size());
        assertEquals("stranas#pasal-7", first.get(0).id());
        assertEquals(first, again);
    }

    @Test
    void long_section_splits_at_sentence_boundaries_with_one_sentence_of_overlap() {
        String text = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "Kalimat nomor " + i + " menjelaskan satu kewajiban pelaku usaha secara singkat.")
                .collect(Collectors.joining(" "));
        List<Passage> passages = splitter.split("doc", List.of(new Section(List.of("Bagian"), "", text, List.of())));

        assertTrue(passages.size() > 1);
        assertEquals("doc#bagian", passages.get(0).id());
        assertEquals("doc#bagian/2", passages.get(1).id());
        for (Passage passage : passages) {
            assertTrue(PassageSplitter.wordCount(passage.text()) <= 40, passage.text());
            assertTrue(passage.text().startsWith("Kalimat nomor"), "starts at a sentence: " + passage.text());
            assertTrue(passage.text().endsWith("singkat."), "ends at a sentence: " + passage.text());
        }
        List<String> firstSentences = PassageSplitter.sentences(passages.get(0).text());
        assertTrue(passages.get(1).text().startsWith(firstSentences.get(firstSentences.size() - 1)), "overlap of one sentence");
    }

    @Test
    void same_heading_twice_gets_a_distinct_id_from_its_parent() {
        List<Passage> passages = splitter.split("faq", List.of(
                new Section(List.of("UMKM", "Contoh"), "", "Satu.", List.of()),
                new Section(List.of("Eksportir", "Contoh"), "", "Dua.", List.of())));

        assertEquals("faq#contoh", passages.get(0).id());
        assertEquals("faq#eksportir-contoh", passages.get(1).id());
    }
}
