package bhr.assistant.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzers per language. Lucene analyzers are thread-safe and cache their token streams per thread,
 * so one instance of each serves the whole process.
 */
public final class Analyzers {

    public static final List<String> LANGUAGES = List.of("id", "en");

    /** Words whose stems collide with unrelated words; kept whole (config/lexicon/protected-id.txt). */
    private static final CharArraySet PROTECTED = wordList("protected-id.txt");
    /** English function words, removed from questions only (config/lexicon/function-words-en.txt). */
    private static final CharArraySet ENGLISH_FUNCTION_WORDS = union(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, wordList("function-words-en.txt"));

    private final Analyzer indonesian = new IndonesianAnalyzer(IndonesianAnalyzer.getDefaultStopSet(), PROTECTED);
    private final Analyzer english = new EnglishAnalyzer();
    /**
     * For questions only: the same stemming, with the other language's stopwords removed too. People mix
     * languages ("what is uji tuntas HAM", "apa itu due diligence"); a stopword of one language is never a
     * content word of the other, and left in it would look like an unknown topic.
     */
    private final Analyzer indonesianQuery = new IndonesianAnalyzer(union(IndonesianAnalyzer.getDefaultStopSet(), ENGLISH_FUNCTION_WORDS),
            PROTECTED);
    private final Analyzer englishQuery = new EnglishAnalyzer(union(ENGLISH_FUNCTION_WORDS, IndonesianAnalyzer.getDefaultStopSet()));
    /** Lower-cased, unstemmed words without the stopwords of either language: for the exact-match field. */
    private final Analyzer exact = new StandardAnalyzer(union(IndonesianAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    private final Analyzer perField;

    public Analyzers() {
        Map<String, Analyzer> byField = new HashMap<>();
        for (String language : LANGUAGES) {
            for (String field : List.of(IndexFields.title(language), IndexFields.heading(language), IndexFields.body(language))) {
                byField.put(field, forLanguage(language));
            }
        }
        byField.put(IndexFields.EXACT, exact);
        perField = new PerFieldAnalyzerWrapper(indonesian, byField);
    }

    private static CharArraySet wordList(String name) {
        return CharArraySet.unmodifiableSet(new CharArraySet(Lexicon.words(name), true));
    }

    private static CharArraySet union(CharArraySet first, CharArraySet second) {
        CharArraySet union = new CharArraySet(first.size() + second.size(), true);
        union.addAll(first);
        union.addAll(second);
        return CharArraySet.unmodifiableSet(union);
    }

    public Analyzer forLanguage(String language) {
        return "en".equals(language) ? english : indonesian;
    }

    public Analyzer exact() {
        return exact;
    }

    public Analyzer forQuery(String language) {
        return "en".equals(language) ? englishQuery : indonesianQuery;
    }

    /** Routes each field to its language's analyzer: what the index writer and the passage analyser use. */
    public Analyzer perField() {
        return perField;
    }
}
