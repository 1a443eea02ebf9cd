package bhr.assistant.telegram;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static bhr.assistant.telegram.TelegramHtmlAssertions.assertValidHtml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramHtmlTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & <b>tebal</b> <a href='javascript:x'>";

    @Test
    void hostile_text_is_escaped_everywhere_it_appears() {
        Citation citation = new Citation(1, "doc", "doc#a", HOSTILE, HOSTILE, "https://example.org/?a=1&b=\"2\"", HOSTILE, 1.0, "rancangan");
        Answer answer = new Answer(HOSTILE, HOSTILE + " [1]", true, List.of(citation), "id");

        List<String> messages = new ArrayList<>(AnswerRenderer.answer(answer, TelegramMessages.forLanguage("id")));
        messages.addAll(AnswerRenderer.quotes(answer, java.util.Map.of("doc", bhr.assistant.chat.CitedVersions.Freshness.CURRENT), TelegramMessages.forLanguage("id")));
        for (String message : messages) {
            assertValidHtml(message);
            assertTrue(!message.contains("<script>") && !message.contains("<b>tebal</b>"), message);
        }
        assertTrue(messages.get(0).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"));
        assertTrue(messages.get(0).contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">"));
        assertTrue(messages.get(0).contains("(rancangan, belum berlaku)"));
    }

    @Test
    void links_are_only_made_for_web_urls() {
        assertEquals("judul", TelegramHtml.link("javascript:alert(1)", "judul"));
        assertEquals("<a href=\"https://x.org\">judul</a>", TelegramHtml.link("https://x.org", "judul"));
    }

    @Test
    void long_content_is_split_at_paragraphs_without_breaking_markup_or_losing_text() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            paragraphs.add(TelegramHtml.bold("Bagian " + i) + "\n" + TelegramHtml.escape("Isi paragraf " + i + " & uraian. ".repeat(10)));
        }
        paragraphs.add(TelegramHtml.escape("kata&kata ".repeat(1500))); // one paragraph far over the limit

        List<String> messages = TelegramHtml.split(paragraphs, TelegramHtml.MAX_MESSAGE);

        assertTrue(messages.size() > 2);
        messages.forEach(TelegramHtmlAssertions::assertValidHtml);
        String joined = String.join(" ", messages).replaceAll("\\s+", " ");
        for (int i = 0; i < 60; i++) {
            assertTrue(joined.contains("<b>Bagian " + i + "</b>"), "paragraph " + i + " kept");
        }
        assertEquals(1500, joined.split("kata&amp;kata", -1).length - 1, "no text lost in the hard split");
    }

    @Test
    void callback_data_stays_within_64_bytes() {
        assertTrue(new CallbackData(CallbackData.ACTOR, "kementerian-lembaga").encode().length() <= 64);
        assertTrue(CallbackData.parse("x".repeat(65)).isEmpty());
        assertEquals(new CallbackData("q", "abc"), CallbackData.parse("q:abc").orElseThrow());
    }
}
