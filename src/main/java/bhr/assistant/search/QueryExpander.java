package bhr.assistant.search;

import bhr.assistant.index.Lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the words and phrases of a question that the knowledge base names differently (abbreviations, everyday
 * words, English), from config/lexicon/synonyms.tsv. Longer phrases win over the words inside them.
 */
final class QueryExpander {

    /** A phrase found in the question and the words that stand for the same concept in the knowledge base. */
    record Expansion(String source, String added) {
    }

    /** Splits words, keeping the characters that occur inside keys: "k/l", "self-assessment", "pakistan's". */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}/'-]+");

    /** Longest key, in words: phrases are looked up by word n-grams, longest first. */
    private final int longestKey;
    private final Map<String, String> synonyms;

    QueryExpander(Map<String, String> synonyms) {
        this.synonyms = synonyms;
        this.longestKey = synonyms.keySet().stream().mapToInt(key -> key.split(" ").length).max().orElse(1);
    }

    static QueryExpander standard() {
        return new QueryExpander(Lexicon.load("synonyms.tsv"));
    }

    /** The phrases of the text that have expansions; a longer phrase wins over the words inside it. */
    List<Expansion> expansions(String text) {
        String[] words = WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT).strip());
        List<Expansion> found = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            int matched = 0;
            for (int n = Math.min(longestKey, words.length - i); n >= 1 && matched == 0; n--) {
                String phrase = String.join(" ", Arrays.asList(words).subList(i, i + n));
                String added = synonyms.get(phrase);
                if (added != null) {
                    found.add(new Expansion(phrase, added));
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return found;
    }
}
