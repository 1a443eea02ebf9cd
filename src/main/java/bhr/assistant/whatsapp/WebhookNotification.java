package bhr.assistant.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook notification from the WhatsApp Cloud API, as much of it as the bot reads: {@code entry[] -> changes[]
 * -> value.messages[]}. Status callbacks ({@code value.statuses[]}: sent, delivered, read, failed) and other fields
 * are not read: they need no reply. Unknown properties are ignored, so Meta adding fields breaks nothing.
 */
@Serdeable
record WebhookNotification(@Nullable String object, @Nullable List<Entry> entry) {

    @Serdeable
    record Entry(@Nullable String id, @Nullable List<Change> changes) {
    }

    @Serdeable
    record Change(@Nullable String field, @Nullable Value value) {
    }

    @Serdeable
    record Value(@Nullable Metadata metadata, @Nullable List<Message> messages) {
    }

    @Serdeable
    record Metadata(@Nullable @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    @Serdeable
    record Message(@Nullable String from, @Nullable String id, @Nullable String timestamp, @Nullable String type,
                   @Nullable Text text, @Nullable Media image, @Nullable Media video, @Nullable Media document,
                   @Nullable Media audio, @Nullable Media sticker, @Nullable Interactive interactive, @Nullable Button button) {
    }

    @Serdeable
    record Text(@Nullable String body) {
    }

    @Serdeable
    record Media(@Nullable String caption, @Nullable Boolean voice) {
    }

    @Serdeable
    record Interactive(@Nullable String type, @Nullable @JsonProperty("button_reply") Reply buttonReply,
                       @Nullable @JsonProperty("list_reply") Reply listReply) {
    }

    @Serdeable
    record Reply(@Nullable String id, @Nullable String title) {
    }

    /** A quick-reply button of a template message; the bot sends none, but a user may press an old one. */
    @Serdeable
    record Button(@Nullable String payload, @Nullable String text) {
    }

    /**
     * The users' messages to this phone number, in the order Meta listed them. Messages to another number of the
     * same app (one webhook may serve several) and messages without a sender or id are left out.
     */
    List<IncomingMessage> messagesTo(String phoneNumberId) {
        List<IncomingMessage> incoming = new ArrayList<>();
        for (Entry e : entry == null ? List.<Entry>of() : entry) {
            for (Change change : e == null || e.changes() == null ? List.<Change>of() : e.changes()) {
                if (change == null || change.value() == null || change.value().messages() == null) {
                    continue; // statuses, errors and other fields: nothing to answer
                }
                Metadata metadata = change.value().metadata();
                if (metadata != null && metadata.phoneNumberId() != null && !metadata.phoneNumberId().equals(phoneNumberId)) {
                    continue;
                }
                for (Message message : change.value().messages()) {
                    if (message != null && present(message.from()) && present(message.id())) {
                        incoming.add(read(message));
                    }
                }
            }
        }
        return incoming;
    }

    private static IncomingMessage read(Message message) {
        Instant sentAt = sentAt(message.timestamp());
        String type = message.type() == null ? "" : message.type();
        IncomingMessage.Kind kind;
        String text = "";
        String replyId = "";
        switch (type) {
            case "text" -> {
                text = message.text() == null ? "" : nonNull(message.text().body());
                kind = IncomingMessage.Kind.TEXT;
            }
            case "image", "video", "document" -> {
                Media media = "image".equals(type) ? message.image() : "video".equals(type) ? message.video() : message.document();
                text = media == null ? "" : nonNull(media.caption());
                kind = text.isBlank() ? IncomingMessage.Kind.MEDIA : IncomingMessage.Kind.TEXT;
            }
            case "audio" -> kind = IncomingMessage.Kind.VOICE;
            case "sticker" -> kind = IncomingMessage.Kind.STICKER;
            case "location" -> kind = IncomingMessage.Kind.LOCATION;
            case "interactive" -> {
                Reply reply = message.interactive() == null ? null
                        : message.interactive().buttonReply() != null ? message.interactive().buttonReply() : message.interactive().listReply();
                replyId = reply == null ? "" : nonNull(reply.id());
                text = reply == null ? "" : nonNull(reply.title());
                kind = replyId.isEmpty() ? IncomingMessage.Kind.UNREADABLE : IncomingMessage.Kind.BUTTON;
            }
            case "button" -> {
                // A template's quick reply: its text is what the user chose to say.
                text = message.button() == null ? "" : nonNull(message.button().text());
                kind = text.isBlank() ? IncomingMessage.Kind.UNREADABLE : IncomingMessage.Kind.TEXT;
            }
            case "request_welcome" -> kind = IncomingMessage.Kind.WELCOME;
            case "reaction", "system", "ephemeral" -> kind = IncomingMessage.Kind.IGNORED;
            default -> kind = IncomingMessage.Kind.UNREADABLE; // contacts, unsupported, order, and kinds Meta adds later
        }
        return new IncomingMessage(message.id(), message.from(), sentAt, kind, text, replyId);
    }

    /** Meta's timestamp is Unix seconds as a string; a missing or malformed one counts as now. */
    private static Instant sentAt(String timestamp) {
        try {
            return timestamp == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
