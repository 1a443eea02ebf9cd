package bhr.assistant.reader;

import bhr.assistant.text.Mentions;

import java.util.List;

/**
 * Whether a sentence contains the kind of thing a question asks for: a date for "kapan", a number for "berapa",
 * a name for "siapa", a yes or no for "apakah wajib", a defining verb for "apa itu". A sentence that does is a
 * likelier answer; one that does not, however many of the question's words it repeats, is a likelier near miss.
 */
final class AnswerTypes {

    private AnswerTypes() {
    }

    /**
     * Whether the sentence has what the intent asks for; always false for a question of no particular kind. A date,
     * number or name counts only when the question does not already name it: "Kepulauan Tanimbar merupakan ..." does
     * not say where Kepulauan Tanimbar lies.
     *
     * @param question the question, lower-cased
     */
    static boolean present(QuestionIntent intent, Mentions mentions, String question) {
        return switch (intent) {
            case DATE -> anyNew(mentions.dates(), question);
            case NUMBER -> anyNew(mentions.numbers(), question);
            case PERSON -> anyNew(mentions.names(), question);
            case YES_NO -> mentions.yesNo();
            case DEFINITION -> mentions.defining();
            case REASON -> mentions.reason();
            case HOW -> mentions.steps();
            case LIST -> mentions.enumerates();
            case OTHER -> false;
        };
    }

    private static boolean anyNew(List<String> found, String question) {
        for (String mention : found) {
            if (!question.contains(mention)) {
                return true;
            }
        }
        return false;
    }
}
