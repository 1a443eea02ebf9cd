package bhr.assistant.whatsapp;

import java.time.Instant;

/**
 * A user's message as the bot acts on it, read from a webhook notification.
 *
 * @param id     Meta's message id (wamid...): the key for dedupe and for the read receipt
 * @param from   the sender's WhatsApp number: held in memory only to reply, never logged or stored
 * @param sentAt when the user sent it: the 24-hour customer-service window runs from here
 * @param text   the text, a media caption, or the title of the button or list row pressed; "" when none
 * @param replyId the id of the button or list row pressed, for {@link Kind#BUTTON}; "" otherwise
 */
record IncomingMessage(String id, String from, Instant sentAt, Kind kind, String text, String replyId) {

    enum Kind {
        /** Text, or a photo, video or document with a caption. */
        TEXT,
        /** A reply button or list row pressed. */
        BUTTON,
        /** A photo, video or document without a caption. */
        MEDIA,
        VOICE,
        STICKER,
        LOCATION,
        /** The user opened the chat for the first time (request_welcome). */
        WELCOME,
        /** Contacts, unsupported or unknown kinds of message a user sent. */
        UNREADABLE,
        /** Reactions and system notices: nothing to reply to. */
        IGNORED
    }

    IncomingMessage {
        text = text == null ? "" : text;
        replyId = replyId == null ? "" : replyId;
    }
}
