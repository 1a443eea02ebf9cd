package bhr.assistant.answer;

import java.util.List;

/**
 * An answer with its provenance: every "[n]" in {@code answer} names the citation with that {@code n}.
 *
 * @param found    false when no passage was good enough; {@code answer} then says so and how to ask
 * @param language the language the answer is written in ("id" or "en")
 */
public record Answer(String question, String answer, boolean found, List<Citation> citations, String language) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
