package bhr.assistant.search;

import java.util.List;
import java.util.Map;

/**
 * The passages found for a question, with the question's words as the index weighs them: what the reader needs
 * to judge whether a passage answers.
 *
 * @param conceptsByLanguage the question's concepts, per analysis language; empty when it had only stopwords
 * @param unseenWeight       the weight of a word the index has never seen, the highest there is
 */
public record Retrieval(List<PassageHit> hits, Map<String, List<Concept>> conceptsByLanguage, double unseenWeight) {

    public Retrieval {
        hits = List.copyOf(hits);
        conceptsByLanguage = Map.copyOf(conceptsByLanguage);
    }

    public static Retrieval empty() {
        return new Retrieval(List.of(), Map.of(), 0);
    }

    public boolean hasQueryTerms() {
        return !conceptsByLanguage.isEmpty();
    }

    /** The question's concepts as analysed for passages in this language. */
    public List<Concept> concepts(String language) {
        return conceptsByLanguage.getOrDefault(language, List.of());
    }
}
