package bhr.assistant.chat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the assistant says in chats, in Indonesian or English, from a message bundle (copy in resources, not code):
 * chat-messages*.properties for what every channel says, and a channel's own bundle for its own words (commands,
 * buttons), looked up first. Values are MessageFormat patterns, formatted for the language's locale, so numbers
 * come out as each language writes them ("1.000" in Indonesian, "1,000" in English).
 */
public final class ChatMessages {

    private static final String SHARED = "chat-messages";

    private final String language;
    private final Locale locale;
    private final ResourceBundle own;
    private final ResourceBundle shared;

    private ChatMessages(String channelBundle, String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.shared = bundle(SHARED, locale);
        this.own = channelBundle == null ? null : bundle(channelBundle, locale);
    }

    /**
     * @param channelBundle base name of the channel's own bundle (e.g. "telegram-messages"); null for the shared words only
     * @param language      "en" for English; anything else is Indonesian
     */
    public static ChatMessages load(String channelBundle, String language) {
        return new ChatMessages(channelBundle, "en".equals(language) ? "en" : "id");
    }

    /** "id" or "en". */
    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The text under the key with the arguments filled in; a key missing from both bundles is a bug and throws. */
    public String get(String key, Object... arguments) {
        return new MessageFormat(pattern(key), locale).format(arguments);
    }

    /** True when either bundle has the key: for words that come from data (a document's status) and may be new. */
    public boolean has(String key) {
        return (own != null && own.containsKey(key)) || shared.containsKey(key);
    }

    private String pattern(String key) {
        if (own != null && own.containsKey(key)) {
            return own.getString(key);
        }
        return shared.getString(key);
    }

    /** The keys this language has, the channel's and the shared ones: for checking both languages say everything. */
    public java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.TreeSet<>(shared.keySet());
        if (own != null) {
            keys.addAll(own.keySet());
        }
        return keys;
    }

    /** Each language's own file only: a key missing in English must not quietly fall back to Indonesian. */
    private static ResourceBundle bundle(String name, Locale locale) {
        try {
            return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message bundle " + name + " for " + locale + " is missing", e);
        }
    }
}
