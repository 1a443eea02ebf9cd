package bhr.assistant.search;

import java.util.Arrays;
import java.util.Set;

/**
 * A word of the question with the terms that stand for the same thing (its synonyms, translation, spelling
 * correction), weighted by how rare the rarest of them is in the knowledge base (BM25's idf): "prisma" weighs far
 * more than "perusahaan", and a word the knowledge base has never seen weighs most.
 *
 * @param term   the question's own analysed term
 * @param names  the term and its alternatives
 * @param weight idf of the rarest name the index knows; the idf of an unseen term when it knows none
 * @param known  whether the index has any of the names
 */
public record Concept(String term, Set<String> names, double weight, boolean known) {

    public Concept {
        names = Set.copyOf(names);
    }

    /** Whether any of the names is among the sorted terms. */
    public boolean foundIn(String[] sortedTerms) {
        for (String name : names) {
            if (Arrays.binarySearch(sortedTerms, name) >= 0) {
                return true;
            }
        }
        return false;
    }
}
