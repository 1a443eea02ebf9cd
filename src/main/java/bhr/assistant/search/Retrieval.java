package bhr.assistant.search;

import java.util.List;

/**
 * The passages found for a question and how much of the question they cover.
 *
 * @param coverage how much of the question the best-covering top passage contains
 * @param queryTerms the analysed terms of the question, per language; empty when it had only stopwords
 */
public record Retrieval(List<PassageHit> hits, Coverage coverage, java.util.Map<String, List<String>> queryTerms) {

    public Retrieval {
        hits = List.copyOf(hits);
        queryTerms = java.util.Map.copyOf(queryTerms);
    }

    public static Retrieval empty() {
        return new Retrieval(List.of(), Coverage.NONE, java.util.Map.of());
    }

    public boolean hasQueryTerms() {
        return !queryTerms.isEmpty();
    }
}
