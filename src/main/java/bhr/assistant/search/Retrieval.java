package bhr.assistant.search;

import java.util.List;

/**
 * The passages found for a question and how much of the question they cover.
 *
 * @param coverage share of the question's weight (IDF of its terms, a concept counting as found under any of its
 *                 names) in the best-covering top passage, 0 to 1: a question about something the knowledge base
 *                 never mentions scores low even when a common word of it matches somewhere
 * @param queryTerms the analysed terms of the question, per language; empty when it had only stopwords
 */
public record Retrieval(List<PassageHit> hits, double coverage, java.util.Map<String, List<String>> queryTerms) {

    public Retrieval {
        hits = List.copyOf(hits);
        queryTerms = java.util.Map.copyOf(queryTerms);
    }

    public static Retrieval empty() {
        return new Retrieval(List.of(), 0, java.util.Map.of());
    }

    public boolean hasQueryTerms() {
        return !queryTerms.isEmpty();
    }
}
