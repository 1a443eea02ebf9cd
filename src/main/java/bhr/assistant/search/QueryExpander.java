package bhr.assistant.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words and phrases of a question that the knowledge base names differently (abbreviations, everyday
 * words, English), from config/lexicon/synonyms.tsv. Longer phrases win over the words inside them.
 */
final class QueryExpander {

    /** A phrase found in the question and the words that stand for the same concept in the knowledge base. */
    record Expansion(String source, String added) {
    }

    private final List<Map.Entry<String, Pattern>> phrases;
    private final Map<String, String> synonyms;

    QueryExpander(Map<String, String> synonyms) {
        this.synonyms = synonyms;
        this.phrases = synonyms.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(key -> Map.entry(key, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}])")))
                .toList();
    }

    static QueryExpander standard() {
        return new QueryExpander(Lexicon.load("synonyms.tsv"));
    }

    List<Expansion> expansions(String text) {
        StringBuilder remaining = new StringBuilder(text.toLowerCase(Locale.ROOT));
        List<Expansion> found = new ArrayList<>();
        for (Map.Entry<String, Pattern> phrase : phrases) {
            Matcher matcher = phrase.getValue().matcher(remaining);
            boolean matched = false;
            while (matcher.find()) {
                matched = true;
                // Blank the match so "due diligence" inside "human rights due diligence" is not expanded twice.
                for (int i = matcher.start(); i < matcher.end(); i++) {
                    remaining.setCharAt(i, ' ');
                }
            }
            if (matched) {
                found.add(new Expansion(phrase.getKey(), synonyms.get(phrase.getKey())));
            }
        }
        return found;
    }
}
