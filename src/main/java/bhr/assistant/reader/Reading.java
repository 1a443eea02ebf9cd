package bhr.assistant.reader;

import java.util.List;

/**
 * What the reader made of the retrieved passages: whether they answer the question, and the sentences of the
 * answer, the one stating the asked fact first.
 *
 * @param found      whether the passages answer the question (the answerability model's decision)
 * @param confidence the answerability model's probability that the lead sentence answers
 * @param intent     what kind of answer the question asks for
 * @param sentences  the answer's sentences in the order to show them; empty when nothing was read
 */
public record Reading(boolean found, double confidence, QuestionIntent intent, List<Chosen> sentences) {

    public Reading {
        sentences = List.copyOf(sentences);
    }

    /**
     * A sentence chosen for the answer.
     *
     * @param hit   its passage's place in the retrieval's hits
     * @param text  the sentence as written (a list keeps its line breaks)
     * @param start its offset in the passage
     * @param list  whether it is a list with its lead-in
     */
    public record Chosen(int hit, String text, int start, boolean list) {
    }
}
