package bhr.assistant.whatsapp;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.chat.ChatMessages;
import bhr.assistant.chat.CitedVersions;
import bhr.assistant.kb.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppRendererTest {

    private static final ChatMessages INDONESIAN = ChatMessages.load("whatsapp-messages", "id");

    private static final Citation WITH_SOURCES = new Citation(1, "faq-asn", "faq-asn#x", "Tanya Jawab ASN", "Aksi BHAM",
            "https://peraturan.bpk.go.id/p60", "Kalimat *penting* dikutip.", 1.0, "rancangan", List.of(
            new Source("Perpres 60/2023", "JDIH BPK RI", "2023-09-26", "https://peraturan.bpk.go.id/p60"),
            new Source("Berita", "ANTARA", "2025-03", "https://www.antaranews.com/berita/1"),
            new Source("Ketiga", "Kompas", "2025", "https://www.kompas.com/3")), "2026-02");

    @Test
    void a_citation_names_document_section_status_link_and_up_to_two_of_its_own_sources() {
        assertEquals("""
                [1] Tanya Jawab ASN — _Aksi BHAM_ (rancangan, belum berlaku)
                https://peraturan.bpk.go.id/p60
                ↳ Perpres 60/2023, JDIH BPK RI, 2023-09-26
                ↳ Berita, ANTARA, 2025-03
                https://www.antaranews.com/berita/1""", WhatsAppRenderer.citation(WITH_SOURCES, INDONESIAN));
    }

    @Test
    void an_answer_is_its_paragraphs_then_the_sources_never_html() {
        Answer answer = new Answer("Apa itu Stranas?", "Stranas BHAM adalah strategi nasional [1].\n\n- butir satu [1]", true,
                List.of(WITH_SOURCES), "id");
        List<String> paragraphs = WhatsAppRenderer.answer(answer, INDONESIAN);
        assertEquals(3, paragraphs.size());
        assertEquals("- butir satu [1]", paragraphs.get(1));
        assertTrue(paragraphs.get(2).startsWith("*Sumber:*\n[1] Tanya Jawab ASN"), paragraphs.get(2));
        assertFalse(String.join("", paragraphs).contains("<"));
    }

    @Test
    void quotes_show_the_passage_as_a_quote_or_say_the_document_changed() {
        Answer answer = new Answer("Apa itu Stranas?", "x [1]", true, List.of(WITH_SOURCES), "id");
        String current = String.join("\n\n", WhatsAppRenderer.quotes(answer, Map.of("faq-asn", CitedVersions.Freshness.CURRENT), INDONESIAN));
        assertTrue(current.startsWith("*Kutipan sumber untuk: Apa itu Stranas?*") && current.endsWith("\n> Kalimat ∗penting∗ dikutip."), current);
        String deleted = String.join("\n\n", WhatsAppRenderer.quotes(answer, Map.of(), INDONESIAN));
        assertTrue(deleted.endsWith("_Dokumen ini sudah dihapus dari basis pengetahuan, jadi kutipannya tidak ditampilkan lagi._"), deleted);
    }
}
