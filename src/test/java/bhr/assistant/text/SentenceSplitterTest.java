package bhr.assistant.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text).stream().map(span -> span.of(text)).toList();
    }

    @Test
    void initials_and_titles_do_not_end_a_sentence() {
        assertEquals(List.of(
                        "Saat meluncurkan PRISMA, Menteri Hukum dan HAM Yasonna H. Laoly menegaskan bahwa PRISMA bukan alat pencap.",
                        "Menurutnya, PRISMA menyemangati perusahaan."),
                sentences("Saat meluncurkan PRISMA, Menteri Hukum dan HAM Yasonna H. Laoly menegaskan bahwa PRISMA bukan alat pencap. "
                        + "Menurutnya, PRISMA menyemangati perusahaan."));
        assertEquals(List.of("Prof. Dr. Ir. Budi Santoso, S.H., M.H. menyatakan hal itu di Jl. Merdeka No. 5.", "Kedua."),
                sentences("Prof. Dr. Ir. Budi Santoso, S.H., M.H. menyatakan hal itu di Jl. Merdeka No. 5. Kedua."));
    }

    @Test
    void abbreviations_of_both_languages_are_known() {
        assertEquals(List.of("Perpres No. 60 Tahun 2023 berlaku sejak diundangkan.", "Lalu ada RANHAM."),
                sentences("Perpres No. 60 Tahun 2023 berlaku sejak diundangkan. Lalu ada RANHAM."));
        assertEquals(List.of("Frameworks, e.g. The UNGPs and i.e. OECD guidance, apply.", "Next."),
                sentences("Frameworks, e.g. The UNGPs and i.e. OECD guidance, apply. Next."));
        assertEquals(List.of("PT Aneka Tambang Tbk. memiliki kebijakan HAM.", "Dendanya Rp. 5.000 per hari."),
                sentences("PT Aneka Tambang Tbk. memiliki kebijakan HAM. Dendanya Rp. 5.000 per hari."));
    }

    @Test
    void dll_ends_a_sentence_only_before_a_capital() {
        assertEquals(List.of("Contohnya upah, cuti, dll.", "Pemerintah juga mengawasi."),
                sentences("Contohnya upah, cuti, dll. Pemerintah juga mengawasi."));
        assertEquals(List.of("Contohnya upah, cuti, dll. yang diatur undang-undang."),
                sentences("Contohnya upah, cuti, dll. yang diatur undang-undang."));
    }

    @Test
    void a_list_stays_with_its_lead_in() {
        String text = "Stranas BHAM memuat tiga muatan pokok:\n\n1. Kewajiban negara.\n2. Tanggung jawab pelaku usaha.\n"
                + "3. Akses atas pemulihan.\n\nKalimat berikutnya berdiri sendiri.";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        assertEquals(2, spans.size());
        assertTrue(spans.get(0).list());
        assertEquals("Stranas BHAM memuat tiga muatan pokok:\n\n1. Kewajiban negara.\n2. Tanggung jawab pelaku usaha.\n3. Akses atas pemulihan.",
                spans.get(0).of(text));
        assertFalse(spans.get(1).list());
        assertEquals("Kalimat berikutnya berdiri sendiri.", spans.get(1).of(text));
    }

    @Test
    void a_list_after_a_full_sentence_is_a_unit_of_its_own() {
        String text = "Ada tiga hal penting.\n- pertama\n- kedua";
        assertEquals(List.of("Ada tiga hal penting.", "- pertama\n- kedua"), sentences(text));
        assertTrue(SentenceSplitter.split(text).get(1).list());
    }

    @Test
    void a_list_item_of_several_sentences_stays_one_item() {
        String text = "Kronologi yang baik menjawab pertanyaan berikut:\n- Apa yang terjadi? Jelaskan perbuatannya.\n- Kapan? Tulis tanggalnya.\n\nSimpan salinannya.";
        assertEquals(List.of("Kronologi yang baik menjawab pertanyaan berikut:\n- Apa yang terjadi? Jelaskan perbuatannya.\n- Kapan? Tulis tanggalnya.",
                "Simpan salinannya."), sentences(text));
    }

    @Test
    void a_bare_yes_or_no_joins_the_sentence_that_explains_it() {
        assertEquals(List.of("Ya. Perusahaan wajib mendaftarkan pekerjanya ke BPJS.", "Sanksinya administratif."),
                sentences("Ya. Perusahaan wajib mendaftarkan pekerjanya ke BPJS. Sanksinya administratif."));
    }

    @Test
    void blank_lines_and_question_marks_end_sentences() {
        assertEquals(List.of("Judul ini tanpa titik", "Apakah ini wajib?", "Tidak, ini sukarela!"),
                sentences("Judul ini tanpa titik\n\nApakah ini wajib? Tidak, ini sukarela!"));
        assertEquals(List.of("Kalimat yang dibungkus\ndi dua baris tetap satu."),
                sentences("Kalimat yang dibungkus\ndi dua baris tetap satu."));
    }

    @Test
    void a_full_stop_before_a_lower_case_word_or_inside_a_number_does_not_split() {
        assertEquals(List.of("Versi 2.0 diluncurkan. lalu dipakai 1.500 perusahaan."),
                sentences("Versi 2.0 diluncurkan. lalu dipakai 1.500 perusahaan."));
    }

    @Test
    void spans_cover_no_white_space_and_nothing_is_lost() {
        String text = "  Satu dua tiga.  Empat lima enam?\n\n- tujuh\n- delapan  ";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        assertEquals(List.of("Satu dua tiga.", "Empat lima enam?", "- tujuh\n- delapan"), spans.stream().map(span -> span.of(text)).toList());
        assertEquals("", sentences("   ").stream().reduce("", String::concat));
    }
}
