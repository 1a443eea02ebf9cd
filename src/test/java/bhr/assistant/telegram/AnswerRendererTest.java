package bhr.assistant.telegram;

import bhr.assistant.answer.Citation;
import bhr.assistant.kb.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerRendererTest {

    @Test
    void a_citation_shows_its_passage_s_own_sources_as_links_with_publisher_and_date() {
        Citation citation = new Citation(1, "faq-asn", "faq-asn#x", "Tanya Jawab ASN", "Aksi BHAM", "https://peraturan.bpk.go.id/p60",
                "kutipan", 1.0, "referensi", List.of(
                new Source("Perpres 60/2023 <Stranas>", "JDIH BPK RI", "2023-09-26", "https://peraturan.bpk.go.id/p60"),
                new Source("Berita", "ANTARA", "2025-03", "https://www.antaranews.com/berita/1"),
                new Source("Ketiga", "Kompas", "2025", "https://www.kompas.com/3")), "2026-02");

        String line = AnswerRenderer.citationLine(citation, TelegramMessages.forLanguage("id"));

        assertTrue(line.contains("<a href=\"https://peraturan.bpk.go.id/p60\">Perpres 60/2023 &lt;Stranas&gt;</a>, JDIH BPK RI, 2023-09-26"), line);
        assertTrue(line.contains("<a href=\"https://www.antaranews.com/berita/1\">Berita</a>, ANTARA, 2025-03"), line);
        assertTrue(!line.contains("Ketiga"), "at most two sources in a chat line: " + line);
        TelegramHtmlAssertions.assertValidHtml(line);
    }

    @Test
    void a_citation_without_sources_of_its_own_has_one_line() {
        Citation citation = new Citation(1, "doc", "doc#a", "Judul", "Bagian", "https://example.org/doc", "kutipan", 1.0, "berlaku");

        assertEquals(1, AnswerRenderer.citationLine(citation, TelegramMessages.forLanguage("id")).lines().count());
    }
}
