package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.IndexFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the Lucene query for a question. The text is analysed per language and turned into term and phrase
 * queries directly, so characters such as {@code AND ( title: * "} are only text, never query syntax.
 * <ul>
 *   <li>each term: the best of title, heading and body (a heading match says the section is about it);</li>
 *   <li>each pair of neighbouring terms: a sloppy phrase boost, so "uji tuntas" and "tenaga kerja" as
 *       phrases outrank passages that mention the words apart.</li>
 * </ul>
 */
final class PassageQueryBuilder {

    static final float TITLE_BOOST = 1.3f;
    static final float HEADING_BOOST = 1.6f;
    static final float PHRASE_BOOST = 0.7f;
    static final float TIE_BREAKER = 0.2f;
    /** Added to passages in the user's language: enough to break near-ties between translations, no more. */
    static final float LANGUAGE_BOOST = 2.0f;
    /** Caps the work a very long question can cause; 24 distinct terms is far beyond any real question. */
    static final int MAX_TERMS = 24;

    record BuiltQuery(Query query, Map<String, List<String>> termsByLanguage) {
    }

    private final Analyzers analyzers;

    PassageQueryBuilder(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    Optional<BuiltQuery> build(String text, Optional<String> actor, Optional<String> preferredLanguage) {
        BooleanQuery.Builder content = new BooleanQuery.Builder();
        Map<String, List<String>> termsByLanguage = new LinkedHashMap<>();
        for (String language : Analyzers.LANGUAGES) {
            List<QueryAnalysis.Token> tokens = QueryAnalysis.tokens(analyzers.forQuery(language), IndexFields.body(language), text);
            Set<String> distinct = new LinkedHashSet<>();
            for (QueryAnalysis.Token token : tokens) {
                if (distinct.size() < MAX_TERMS && !isStrayLetter(token.term())) {
                    distinct.add(token.term());
                }
            }
            if (distinct.isEmpty()) {
                continue;
            }
            termsByLanguage.put(language, List.copyOf(distinct));
            for (String term : distinct) {
                content.add(termQuery(language, term), BooleanClause.Occur.SHOULD);
            }
            for (Query phrase : phrases(language, tokens)) {
                content.add(phrase, BooleanClause.Occur.SHOULD);
            }
        }
        if (termsByLanguage.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(content.build(), BooleanClause.Occur.MUST);
        actor.ifPresent(value -> query.add(new TermQuery(new Term(IndexFields.ACTOR, value)), BooleanClause.Occur.FILTER));
        // Optional clause: it only adds to passages the content already matched, never matches on its own.
        preferredLanguage.ifPresent(language -> query.add(new BoostQuery(
                new ConstantScoreQuery(new TermQuery(new Term(IndexFields.LANGUAGE, language))), LANGUAGE_BOOST), BooleanClause.Occur.SHOULD));
        return Optional.of(new BuiltQuery(query.build(), termsByLanguage));
    }

    /** A lone letter ("b" of a pasted tag, "a" of a list) names no topic; a lone digit ("pasal 5") does. */
    private static boolean isStrayLetter(String term) {
        return term.length() == 1 && Character.isLetter(term.charAt(0));
    }

    private static Query termQuery(String language, String term) {
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(new TermQuery(new Term(IndexFields.title(language), term)), TITLE_BOOST),
                new BoostQuery(new TermQuery(new Term(IndexFields.heading(language), term)), HEADING_BOOST),
                new TermQuery(new Term(IndexFields.body(language), term))), TIE_BREAKER);
    }

    private static List<Query> phrases(String language, List<QueryAnalysis.Token> tokens) {
        List<Query> phrases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size() && phrases.size() < MAX_TERMS; i++) {
            QueryAnalysis.Token first = tokens.get(i);
            QueryAnalysis.Token second = tokens.get(i + 1);
            int gap = second.position() - first.position();
            if (gap < 1 || gap > 2 || first.term().equals(second.term()) || !seen.add(first.term() + " " + second.term())) {
                continue;
            }
            for (String field : List.of(IndexFields.body(language), IndexFields.heading(language))) {
                PhraseQuery phrase = new PhraseQuery.Builder()
                        .add(new Term(field, first.term()), 0)
                        .add(new Term(field, second.term()), gap)
                        .setSlop(1)
                        .build();
                phrases.add(new BoostQuery(phrase, PHRASE_BOOST));
            }
        }
        return phrases;
    }
}
