package bhr.assistant.answer;

import java.util.regex.Pattern;

/** Cleans what users type before anything analyses it. */
final class QuestionText {

    // Compiled once: every question passes through here.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private QuestionText() {
    }

    /** Control and zero-width characters become spaces; runs of white space fold into one. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return WHITE_SPACE.matcher(INVISIBLE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}
