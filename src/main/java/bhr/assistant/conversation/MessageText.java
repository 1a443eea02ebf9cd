package bhr.assistant.conversation;

import java.util.regex.Pattern;

/**
 * What a chat message says in words: emoji, pictographs, markup and stray symbols removed before anything analyses
 * it, so "apa itu PRISMA 🙏" is the question "apa itu PRISMA".
 */
public final class MessageText {

    private static final Pattern TAGS = Pattern.compile("<[^<>]{1,200}>");
    /** Emoji, pictographs, their joiners and variation selectors, and other symbols (Unicode So, Sk, Sm, Co, Cs). */
    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\p{Sm}\\p{Co}\\p{Cs}\\x{200D}\\x{FE0E}\\x{FE0F}\\x{20E3}\\x{E0020}-\\x{E007F}]+");
    /** Markdown and chat emphasis marks ("*tebal*", "_miring_", "~coret~", "`kode`"), never part of a word here. */
    private static final Pattern EMPHASIS = Pattern.compile("[*_~`#|\\\\]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MessageText() {
    }

    /** The message without emoji, markup and stray symbols, white space folded. */
    public static String words(String message) {
        String text = TAGS.matcher(message).replaceAll(" ");
        text = SYMBOLS.matcher(text).replaceAll(" ");
        text = EMPHASIS.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Whether the message has any letter or digit at all. */
    public static boolean hasWords(String message) {
        return message.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
