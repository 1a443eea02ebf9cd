package bhr.assistant.search;

import bhr.assistant.index.Lexicon;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites everyday Indonesian into the standard forms the knowledge base is written in, before analysis:
 * "gmn cara uji tuntas HAM utk umkm?" becomes "bagaimana cara uji tuntas HAM untuk umkm?". Words come from
 * config/lexicon/informal-id.tsv; fillers ("sih", "dong") are dropped; "anak2" style reduplication is undone.
 */
public final class QueryNormalizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NUMBER_OF_YEAR = Pattern.compile("(?i)\\b(\\d{1,4})\\s+tahun\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern REDUPLICATED = Pattern.compile("(\\p{L}{2,})2");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private final Map<String, String> informal;

    QueryNormalizer(Map<String, String> informal) {
        this.informal = informal;
    }

    public static QueryNormalizer standard() {
        return new QueryNormalizer(Lexicon.load("informal-id.tsv"));
    }

    public String normalize(String text) {
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (word.find()) {
            String token = word.group();
            String lower = token.toLowerCase(Locale.ROOT);
            String replacement = informal.get(lower);
            if (replacement == null) {
                Matcher doubled = REDUPLICATED.matcher(lower);
                replacement = doubled.matches() ? doubled.group(1) : token;
            }
            word.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        word.appendTail(out);
        // "Perpres 53 tahun 2021" is written "Perpres 53/2021" in the documents.
        String references = NUMBER_OF_YEAR.matcher(out).replaceAll("$1/$2");
        return SPACES.matcher(references).replaceAll(" ").strip();
    }
}
