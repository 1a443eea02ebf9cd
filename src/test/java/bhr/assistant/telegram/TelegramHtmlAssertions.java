package bhr.assistant.telegram;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a message is valid Telegram HTML of the kind the bot sends: known tags, balanced, entities only. */
final class TelegramHtmlAssertions {

    private static final Pattern TAG = Pattern.compile("<(/?)(b|i|blockquote|a)(?: href=\"[^\"<>]*\")?>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot);");

    private TelegramHtmlAssertions() {
    }

    static void assertValidHtml(String html) {
        assertTrue(html.length() <= TelegramHtml.MAX_MESSAGE, "over 4096 characters: " + html.length());
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                assertTrue(tag.lookingAt(), "unexpected markup at " + i + ": " + html.substring(i, Math.min(html.length(), i + 30)));
                if (tag.group(1).isEmpty()) {
                    open.push(tag.group(2));
                } else {
                    assertEquals(open.pop(), tag.group(2), "tags nest properly");
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                assertTrue(entity.lookingAt(), "bare & at " + i);
                i = entity.end();
            } else {
                assertTrue(c != '>', "bare > at " + i);
                i++;
            }
        }
        assertTrue(open.isEmpty(), "unclosed tags " + open);
    }
}
