package bhr.assistant.answer;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The assistant's own words, per language, from answer-messages_*.properties (copy lives in resources, not code). */
final class Messages {

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static Messages forLanguage(String language) {
        return new Messages(ResourceBundle.getBundle("answer-messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    List<String> list(String key) {
        return Arrays.stream(bundle.getString(key).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
