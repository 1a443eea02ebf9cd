package bhr.assistant.telegram;

import bhr.assistant.chat.ChatMessages;

import java.util.Locale;

/**
 * The bot's words per language: telegram-messages*.properties for what only the bot says (commands, buttons,
 * inline mode), chat-messages*.properties for the rest (see {@link ChatMessages}).
 */
final class TelegramMessages {

    private static final TelegramMessages INDONESIAN = new TelegramMessages(ChatMessages.load("telegram-messages", "id"));
    private static final TelegramMessages ENGLISH = new TelegramMessages(ChatMessages.load("telegram-messages", "en"));

    private final ChatMessages messages;

    private TelegramMessages(ChatMessages messages) {
        this.messages = messages;
    }

    static TelegramMessages forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : INDONESIAN;
    }

    /** English for users whose Telegram is set to English, Indonesian for everyone else. */
    static TelegramMessages forTelegramLanguage(String languageCode) {
        return forLanguage(languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "id");
    }

    String language() {
        return messages.language();
    }

    Locale locale() {
        return messages.locale();
    }

    String get(String key, Object... arguments) {
        return messages.get(key, arguments);
    }

    boolean has(String key) {
        return messages.has(key);
    }

    java.util.Set<String> keys() {
        return messages.keys();
    }
}
