package bhr.assistant.telegram;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Whatever text comes in (seeded random Unicode), escaping leaves no markup and loses nothing. */
class TelegramHtmlPropertyTest {

    @Test
    void escaping_leaves_no_markup_and_loses_nothing() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(200); c > 0; c--) {
                text.appendCodePoint(random.nextInt(3) == 0 ? "<>&\"'".charAt(random.nextInt(5)) : random.nextInt(0x110000));
            }
            String escaped = TelegramHtml.escape(text.toString());
            assertFalse(escaped.contains("<") || escaped.contains(">") || escaped.contains("\""));
            assertEquals(text.toString(), escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
        }
    }
}
