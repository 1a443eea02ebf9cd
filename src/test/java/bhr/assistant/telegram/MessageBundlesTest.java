package bhr.assistant.telegram;

import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both languages say everything, and every value is a pattern that formats as written. */
class MessageBundlesTest {

    @Test
    void indonesian_and_english_have_the_same_keys() {
        assertEquals(TelegramMessages.forLanguage("id").keys(), TelegramMessages.forLanguage("en").keys());
        for (String name : Set.of("chat-messages", "telegram-messages")) {
            Set<String> shared = new TreeSet<>(bundle(name, "id").keySet());
            assertEquals(shared, new TreeSet<>(bundle(name, "en").keySet()), name);
        }
    }

    @Test
    void every_quote_is_written_twice_so_message_format_keeps_it() {
        for (String name : Set.of("chat-messages", "telegram-messages")) {
            for (String language : Set.of("id", "en")) {
                ResourceBundle bundle = bundle(name, language);
                for (String key : bundle.keySet()) {
                    String pattern = bundle.getString(key);
                    assertTrue(!pattern.replace("''", "").contains("'"), name + "_" + language + " " + key + ": " + pattern);
                }
            }
        }
    }

    @Test
    void every_key_formats() {
        for (String language : Set.of("id", "en")) {
            TelegramMessages ui = TelegramMessages.forLanguage(language);
            for (String key : ui.keys()) {
                String text = ui.get(key, "x", 1, 2, 3, 4, 5);
                assertTrue(!text.isBlank() && !text.contains("{"), language + " " + key + ": " + text);
            }
        }
    }

    private static ResourceBundle bundle(String name, String language) {
        return ResourceBundle.getBundle(name, java.util.Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
