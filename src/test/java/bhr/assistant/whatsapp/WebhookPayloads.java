package bhr.assistant.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook notifications as the WhatsApp Cloud API posts them (the shape of Meta's examples), and their signature.
 * Each message gets a new id unless one is given.
 */
public final class WebhookPayloads {

    private static final AtomicLong IDS = new AtomicLong(1);

    private WebhookPayloads() {
    }

    public static String newMessageId() {
        return "wamid.HBgLNjI4MTIzNDU2Nzg5FQIAEhgUM0E" + IDS.getAndIncrement();
    }

    /** One notification holding the given messages (JSON objects) from one user. */
    public static String notification(String phoneNumberId, String from, String... messages) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"Siti\"},\"wa_id\":\"" + from + "\"}],\"messages\":["
                + String.join(",", messages) + "]},\"field\":\"messages\"}]}]}";
    }

    public static String text(String from, String body) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, textMessage(from, newMessageId(), body, Instant.now()));
    }

    public static String textMessage(String from, String id, String body, Instant sentAt) {
        return message(from, id, sentAt, "text", "\"text\":{\"body\":" + quoted(body) + "}");
    }

    public static String buttonReply(String from, String replyId, String title) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "interactive",
                "\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.fake1\"},\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":"
                        + quoted(replyId) + ",\"title\":" + quoted(title) + "}}"));
    }

    public static String listReply(String from, String rowId, String title) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "interactive",
                "\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":" + quoted(rowId) + ",\"title\":" + quoted(title)
                        + ",\"description\":\"\"}}"));
    }

    /** A photo with a caption ("" for none). */
    public static String image(String from, String caption) {
        String media = "{\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"id\":\"1234\"" + (caption.isEmpty() ? "" : ",\"caption\":" + quoted(caption)) + "}";
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "image", "\"image\":" + media));
    }

    public static String voice(String from) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "audio",
                "\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"abc\",\"id\":\"5678\",\"voice\":true}"));
    }

    public static String sticker(String from) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "sticker",
                "\"sticker\":{\"mime_type\":\"image/webp\",\"sha256\":\"abc\",\"id\":\"9012\",\"animated\":false}"));
    }

    public static String location(String from) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "location",
                "\"location\":{\"latitude\":-6.2,\"longitude\":106.8,\"name\":\"Monas\",\"address\":\"Jakarta\"}"));
    }

    public static String reaction(String from) {
        return notification(FakeGraphApi.PHONE_NUMBER_ID, from, message(from, newMessageId(), Instant.now(), "reaction",
                "\"reaction\":{\"message_id\":\"wamid.fake1\",\"emoji\":\"👍\"}"));
    }

    /** Status callbacks only (sent, delivered, read) for messages the business sent: nothing to answer. */
    public static String statuses(String recipient) {
        StringBuilder statuses = new StringBuilder();
        for (String status : new String[] {"sent", "delivered", "read"}) {
            if (statuses.length() > 0) {
                statuses.append(',');
            }
            statuses.append("{\"id\":\"wamid.fake1\",\"status\":\"").append(status).append("\",\"timestamp\":\"")
                    .append(Instant.now().getEpochSecond()).append("\",\"recipient_id\":\"").append(recipient)
                    .append("\",\"conversation\":{\"id\":\"c1\",\"origin\":{\"type\":\"service\"}},\"pricing\":{\"billable\":false,"
                            + "\"pricing_model\":\"PMP\",\"category\":\"service\"}}");
        }
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + FakeGraphApi.PHONE_NUMBER_ID + "\"},\"statuses\":[" + statuses + "]},\"field\":\"messages\"}]}]}";
    }

    private static String message(String from, String id, Instant sentAt, String type, String content) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"" + sentAt.getEpochSecond() + "\",\"type\":\"" + type
                + "\"," + content + "}";
    }

    /** "sha256=" and the HMAC-SHA256 of the body with the secret, as Meta signs. */
    public static String signature(String secret, String body) {
        return "sha256=" + new WebhookSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c)); // Meta escapes every non-ASCII character
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
