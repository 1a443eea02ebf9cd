package bhr.assistant.whatsapp;

import bhr.assistant.chat.ChatMessages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both languages say everything, every pattern formats, and labels fit WhatsApp's limits. */
class WhatsAppMessagesTest {

    @Test
    void indonesian_and_english_have_the_same_keys_and_every_key_formats() {
        ChatMessages indonesian = ChatMessages.load("whatsapp-messages", "id");
        ChatMessages english = ChatMessages.load("whatsapp-messages", "en");
        assertEquals(indonesian.keys(), english.keys());
        for (ChatMessages ui : List.of(indonesian, english)) {
            for (String key : ui.keys()) {
                String text = ui.get(key, "x", 1, 2, 3, 4, 5);
                assertTrue(!text.isBlank() && !text.contains("{"), ui.language() + " " + key + ": " + text);
            }
        }
    }

    @Test
    void buttons_list_labels_and_rows_fit_whatsapps_limits() {
        for (String language : Set.of("id", "en")) {
            ChatMessages ui = ChatMessages.load("whatsapp-messages", language);
            for (String key : List.of("button.quotes", "button.more", "button.vote", "button.helpful", "button.notHelpful",
                    "examplesButton", "obligationsButton")) {
                assertTrue(ui.get(key).length() <= GraphMessages.MAX_BUTTON_TITLE, language + " " + key);
            }
            assertTrue(ui.get("obligationsMore", 1000).length() <= GraphMessages.MAX_BUTTON_TITLE);
            for (String key : ui.keys()) {
                if (key.startsWith("actor.") || key.endsWith("Section")) {
                    assertTrue(ui.get(key).length() <= GraphMessages.MAX_ROW_TITLE, language + " " + key);
                }
            }
            assertTrue(ui.get("examplesFooter").length() <= GraphMessages.MAX_FOOTER);
            assertTrue(ui.get("help").length() <= GraphMessages.MAX_INTERACTIVE_BODY);
        }
    }
}
