package bhr.assistant.whatsapp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Meta signs every webhook call: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body with
 * the app secret. Checked over the bytes as received (a body parsed and written again would not match), and
 * compared in constant time, so the time taken does not tell how much of a forgery was right.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    WebhookSignature(String appSecret) {
        this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** True when the header is the body's signature; false for a missing, malformed or wrong one. */
    boolean matches(String header, byte[] body) {
        if (header == null || body == null) {
            return false;
        }
        byte[] expected = (PREFIX + sign(body)).getBytes(StandardCharsets.US_ASCII);
        // Meta writes the hex in lower case; any case is the same signature.
        byte[] given = header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The body's signature as lower-case hex, as Meta writes it after "sha256=". */
    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time comparison of two strings, for the verify token. */
    static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
