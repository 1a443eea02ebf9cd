package bhr.assistant.answer;

/** Cleans what users type before anything analyses it. */
final class QuestionText {

    private QuestionText() {
    }

    /** Control and zero-width characters become spaces; runs of white space fold into one. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
    }
}
