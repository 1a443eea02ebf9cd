package bhr.assistant.index;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Golden tests: pin what the Indonesian analyzer makes of real words, so a change of analysis shows up here
 * before it shows up in answers. Wrong stems are pinned too (marked), as they are today.
 */
class IndonesianAnalysisTest {

    private final Analyzer indonesian = new Analyzers().forLanguage("id");

    @ParameterizedTest(name = "{0} and {1} share the stem {2}")
    @CsvSource({
            "perlindungan, melindungi, lindung",
            "pekerja, pekerjaan, kerja",
            "penghormatan, menghormati, hormat",
            "pelanggaran, melanggar, langgar",
    })
    void derived_forms_meet_at_one_stem(String first, String second, String stem) {
        assertEquals(List.of(stem), terms(first));
        assertEquals(List.of(stem), terms(second));
    }

    @Test
    void reduplicated_words_split_into_their_base() {
        assertEquals(List.of("hak", "hak"), terms("hak-hak"));
    }

    @Test
    void stopwords_are_dropped() {
        assertEquals(List.of("stranas", "bham"), terms("Apa itu Stranas BHAM?"));
    }

    @ParameterizedTest(name = "{0} -> {1} (known over-stemming)")
    @CsvSource({
            "perusahaan, usaha",
            "pengaduan, adu",
            "pemerintah, erintah",
            "pemulihan, ulih",
    })
    void known_over_stemming_is_pinned(String word, String stem) {
        assertEquals(List.of(stem), terms(word));
    }

    @ParameterizedTest(name = "{0} stays whole")
    @CsvSource({"penghargaan", "masalah"})
    void protected_words_keep_their_form(String word) {
        assertEquals(List.of(word), terms(word));
    }

    @Test
    void informal_spelling_passes_unchanged() {
        assertEquals(List.of("gmn", "utk", "umkm"), terms("gmn utk umkm"));
    }

    private List<String> terms(String text) {
        return TextAnalysis.terms(indonesian, "body_id", text);
    }
}
