package bhr.assistant.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppConfigTest {

    @Test
    void nothing_set_means_no_whatsapp_and_no_complaint() {
        assertFalse(config(null, null, null, null, "https://graph.facebook.com/v23.0").requested());
    }

    @Test
    void some_settings_without_the_rest_name_every_missing_one_and_never_a_secrets_value() {
        WhatsAppConfig partial = config("EAA-secret-token", null, null, "verify", "https://graph.facebook.com/v23.0");
        assertTrue(partial.requested());
        List<String> problems = partial.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("WHATSAPP_PHONE_NUMBER_ID") && problems.get(1).startsWith("WHATSAPP_APP_SECRET"));
        assertTrue(problems.stream().noneMatch(problem -> problem.contains("EAA-secret-token")));
    }

    @Test
    void the_messages_endpoint_is_the_api_url_with_the_phone_number_id() {
        assertEquals("https://graph.facebook.com/v23.0/106540352242922/messages",
                config("t", "106540352242922", "s", "v", "https://graph.facebook.com/v23.0/").messagesEndpoint().toString());
        assertTrue(config("t", "106540352242922", "s", "v", "graph.facebook.com").problems().get(0).startsWith("WHATSAPP_API_URL"));
        assertTrue(config("t", "+62 811", "s", "v", "https://graph.facebook.com/v23.0").problems().get(0).contains("digits"));
    }

    private static WhatsAppConfig config(String token, String phoneNumberId, String secret, String verify, String url) {
        return new WhatsAppConfig(token, phoneNumberId, secret, verify, url, 10, 4, 8, 90);
    }
}
