package bhr.assistant.telegram;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The bot's own words, per language, from telegram-messages*.properties (copy in resources, not code). */
final class TelegramMessages {

    private static final TelegramMessages INDONESIAN = new TelegramMessages("id");
    private static final TelegramMessages ENGLISH = new TelegramMessages("en");

    private final ResourceBundle bundle;
    private final String language;

    private TelegramMessages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("telegram-messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static TelegramMessages forLanguage(String language) {
        return "en".equals(language) ? ENGLISH : INDONESIAN;
    }

    /** English for users whose Telegram is set to English, Indonesian for everyone else. */
    static TelegramMessages forTelegramLanguage(String languageCode) {
        return forLanguage(languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "id");
    }

    String language() {
        return language;
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
