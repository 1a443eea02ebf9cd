package bhr.assistant.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppTextTest {

    @Test
    void paragraphs_are_packed_whole_into_messages_within_the_limit() {
        List<String> parts = WhatsAppText.split(List.of("a".repeat(60), "b".repeat(30), "c".repeat(30)), 100);
        assertEquals(List.of("a".repeat(60) + "\n\n" + "b".repeat(30), "c".repeat(30)), parts);
    }

    @Test
    void a_long_paragraph_is_cut_at_a_line_break_else_after_a_sentence_else_between_words() {
        assertEquals(List.of("x".repeat(70), "y".repeat(50)), WhatsAppText.split(List.of("x".repeat(70) + "\n" + "y".repeat(50)), 100));
        String sentences = "Kalimat pertama cukup panjang untuk diuji. Kalimat kedua juga cukup panjang, dan terus berlanjut tanpa henti sampai melewati batas.";
        List<String> cut = WhatsAppText.split(List.of(sentences), 80);
        assertEquals("Kalimat pertama cukup panjang untuk diuji.", cut.get(0));
        List<String> words = WhatsAppText.split(List.of("kata ".repeat(30).strip()), 52);
        words.forEach(part -> assertTrue(part.length() <= 52 && !part.startsWith(" ") && part.matches("(kata ?)+"), part));
    }

    @Test
    void a_link_is_never_cut() {
        String url = "https://peraturan.go.id/id/perpres-no-60-tahun-2023";
        List<String> parts = WhatsAppText.split(List.of("teks ".repeat(15) + url + " lanjut"), 90);
        assertTrue(parts.stream().anyMatch(part -> part.contains(url)), parts.toString());
    }

    @Test
    void one_word_longer_than_a_message_is_cut_hard_but_never_inside_an_emoji() {
        String word = "a".repeat(99) + "😀" + "b".repeat(50);
        List<String> parts = WhatsAppText.split(List.of(word), 100);
        assertEquals(word, String.join("", parts));
        parts.forEach(part -> assertTrue(part.length() <= 100 && !Character.isHighSurrogate(part.charAt(part.length() - 1))));
    }

    @Test
    void any_text_is_split_within_the_limit_and_nothing_is_lost() {
        Random random = new Random(20);
        String[] words = {"uji", "tuntas", "HAM", "😀", "https://ham.go.id/a_b", "Perpres.", "60/2023?", "\n", "- butir", "kewajiban!"};
        for (int round = 0; round < 300; round++) {
            List<String> paragraphs = new ArrayList<>();
            for (int p = 0, count = 1 + random.nextInt(4); p < count; p++) {
                StringBuilder paragraph = new StringBuilder();
                for (int w = 0, length = random.nextInt(1500); w < length; w++) {
                    paragraph.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "" : " ");
                }
                paragraphs.add(paragraph.toString());
            }
            int limit = 50 + random.nextInt(4100);
            List<String> parts = WhatsAppText.split(paragraphs, limit);
            parts.forEach(part -> assertTrue(part.length() <= limit && !part.isBlank()));
            assertEquals(String.join("", paragraphs).replaceAll("\\s", ""), String.join("", parts).replaceAll("\\s", ""));
        }
    }

    @Test
    void pairs_of_markers_from_documents_are_made_inert_but_links_and_single_markers_are_kept() {
        assertEquals("∗) coret yang tidak perlu ∗)", WhatsAppText.plain("*) coret yang tidak perlu *)"));
        assertEquals("nama ˍfileˍ dan ∼coret∼", WhatsAppText.plain("nama _file_ dan ~coret~"));
        assertEquals("lihat https://a.go.id/x_y_z dan 5 * 3", WhatsAppText.plain("lihat https://a.go.id/x_y_z dan 5 * 3"));
        assertEquals("*Sumber ∗Tambahan∗:*", WhatsAppText.bold(" Sumber *Tambahan*: "), "markers inside stay inert");
        assertEquals("_BAB II > Pasal 3_", WhatsAppText.italic("BAB II >\n Pasal 3"));
        assertEquals("> baris satu\n> baris dua", WhatsAppText.quote("baris satu\n  baris dua  "));
    }

    @Test
    void payloads_keep_to_whatsapps_limits() {
        assertEquals(20, GraphMessages.cut("x".repeat(30), 20).length());
        assertTrue(GraphMessages.cut("x".repeat(30), 20).endsWith("…"));
        assertEquals("a".repeat(18) + "…", GraphMessages.cut("a".repeat(18) + "😀😀", 20), "never half an emoji");
        GraphMessages.Outgoing buttons = GraphMessages.buttons("62811", "b".repeat(2000), List.of(new GraphMessages.Choice("q:1", "t".repeat(40)),
                new GraphMessages.Choice("m:1", "m"), new GraphMessages.Choice("v:1", "v"), new GraphMessages.Choice("x:1", "x")));
        assertTrue(buttons.plainText().length() <= GraphMessages.MAX_INTERACTIVE_BODY);
        assertEquals(3, ((List<?>) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) buttons.payload().get("interactive")).get("action")).get("buttons")).size());
        assertEquals(GraphMessages.MAX_TEXT, GraphMessages.text("62811", "t".repeat(5000)).plainText().length());
    }
}
