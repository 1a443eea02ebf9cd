package bhr.assistant.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** The HMAC-SHA256 test vector GitHub publishes for the same header scheme. */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void the_signature_of_the_raw_body_with_the_app_secret_matches() {
        WebhookSignature signature = new WebhookSignature(SECRET);
        assertEquals(SIGNATURE, "sha256=" + signature.sign(BODY));
        assertTrue(signature.matches(SIGNATURE, BODY));
        assertTrue(signature.matches(SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), BODY), "hex in any case");
    }

    @Test
    void a_missing_malformed_or_wrong_signature_does_not_match() {
        WebhookSignature signature = new WebhookSignature(SECRET);
        assertFalse(signature.matches(null, BODY));
        assertFalse(signature.matches("", BODY));
        assertFalse(signature.matches(SIGNATURE.substring(7), BODY), "without sha256=");
        assertFalse(signature.matches(SIGNATURE.substring(0, SIGNATURE.length() - 1) + "8", BODY));
        assertFalse(signature.matches(SIGNATURE, "Hello, World?".getBytes(StandardCharsets.UTF_8)));
        assertFalse(new WebhookSignature("another secret").matches(SIGNATURE, BODY));
    }

    @Test
    void the_verify_token_is_compared_whole() {
        assertTrue(WebhookSignature.sameSecret("token-1", "token-1"));
        assertFalse(WebhookSignature.sameSecret("token-", "token-1"));
        assertFalse(WebhookSignature.sameSecret(null, "token-1"));
        assertFalse(WebhookSignature.sameSecret("", ""), "an empty expected token never matches");
    }
}
