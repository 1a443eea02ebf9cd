package bhr.assistant.index;

import bhr.assistant.BundledIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remembered-words highlighter must choose the same sentences, with the same scores, as Lucene's
 * UnifiedHighlighter reading the postings, configured as the service had it: sentences, {@link SentenceScorer},
 * no weight matches, phrases not strictly. One difference is deliberate: sentences are the JDK sentence
 * iterator's bounds read forwards. The stock highlighter asks it for the bound before each match, and reading
 * backwards the JDK iterator sometimes starts a sentence at the full stop ending the one before (". - 20 November
 * 2018: ..."), so the reference here is given the forward bounds too ({@link ForwardSentences}).
 */
class SentenceHighlighterTest {

    private static final Analyzers ANALYZERS = BundledIndex.analyzers();
    private static final KnowledgeIndex INDEX = BundledIndex.index();

    @ParameterizedTest
    @ValueSource(strings = {
            "gmn cara uji tuntas HAM utk umkm?",
            "What is human rights due diligence and remedy for workers?",
            "pasal 7 perpres 60/2023 kewajiban pemerintah daerah",
            "Bagaimana pekerja mengadukan perusahaan ke Komnas HAM?",
            "HAM HAM perusahaan perusahaan pekerja",
            "prisma indikator penilaian mandiri risiko",
            "zzzz kata yang tidak ada qwerty"})
    void choosesTheUnifiedHighlightersSentencesForEveryPassage(String question) {
        INDEX.read(snapshot -> {
            Query query = questionQuery(question);
            int[] allPassages = IntStream.range(0, snapshot.passageCount()).toArray();
            Set<Term> queryTerms = new HashSet<>();
            query.visit(QueryVisitor.termCollector(queryTerms));
            Map<String, Set<String>> wordsByField = new HashMap<>();
            queryTerms.forEach(term -> wordsByField.computeIfAbsent(term.field(), field -> new HashSet<>()).add(term.text()));
            List<List<HighlightedSentence>> remembered = snapshot.highlighter().bestSentences(wordsByField, allPassages, 3);
            List<List<HighlightedSentence>> lucene = unifiedHighlighter(snapshot, query, allPassages, 3);
            int withMatches = 0;
            for (int doc : allPassages) {
                assertEquals(lucene.get(doc), remembered.get(doc), "sentences of passage " + snapshot.passage(doc).id());
                withMatches += remembered.get(doc).stream().anyMatch(sentence -> sentence.score() > 0) ? 1 : 0;
            }
            // Asked again, the remembered words give the same answer.
            assertEquals(remembered, snapshot.highlighter().bestSentences(wordsByField, allPassages, 3));
            if (!question.startsWith("zzzz")) {
                assertTrue(withMatches > 0, "some passage should contain a question word");
            }
            return null;
        });
    }

    /** Term queries in every field of both languages, plus a phrase and a boost: what the query builder makes. */
    private static Query questionQuery(String question) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String language : Analyzers.LANGUAGES) {
            List<String> terms = TextAnalysis.terms(ANALYZERS.forLanguage(language), IndexFields.body(language), question);
            for (String term : terms) {
                query.add(new DisjunctionMaxQuery(List.of(
                        new BoostQuery(new TermQuery(new Term(IndexFields.title(language), term)), 1.3f),
                        new TermQuery(new Term(IndexFields.heading(language), term)),
                        new TermQuery(new Term(IndexFields.body(language), term))), 0.2f), BooleanClause.Occur.SHOULD);
            }
            if (terms.size() >= 2) {
                query.add(new BoostQuery(new PhraseQuery(IndexFields.body(language), terms.get(0), terms.get(1)), 2f),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static List<List<HighlightedSentence>> unifiedHighlighter(IndexSnapshot snapshot, Query query, int[] docIds, int perDocument) {
        ReferenceHighlighter highlighter = new ReferenceHighlighter(UnifiedHighlighter.builder(snapshot.searcher(), ANALYZERS.perField())
                .withBreakIterator(ForwardSentences::new)
                .withFormatter(new SentenceFormatter())
                .withScorer(new SentenceScorer())
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withMaxLength(20_000)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] texts = new CharSequence[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        texts[i] = fields[i].equals(IndexFields.body(snapshot.language(doc))) ? snapshot.passage(doc).text() : "";
                    }
                    values.add(texts);
                }
                return values;
            }
        };
        String[] fields = Analyzers.LANGUAGES.stream().map(IndexFields::body).toArray(String[]::new);
        int[] maxPassages = new int[fields.length];
        Arrays.fill(maxPassages, perDocument);
        try {
            Map<String, Object[]> byField = highlighter.highlight(fields, query, docIds, maxPassages);
            List<List<HighlightedSentence>> result = new ArrayList<>();
            for (int i = 0; i < docIds.length; i++) {
                result.add(sentences(byField.get(IndexFields.body(snapshot.language(docIds[i])))[i]));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK sentence iterator's bounds, found reading forwards; the bounds before and after an offset come from them. */
    private static final class ForwardSentences extends BreakIterator {
        private CharacterIterator text;
        private int[] bounds;
        private int current;

        @Override
        public void setText(CharacterIterator newText) {
            text = newText;
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.forLanguageTag("id"));
            sentences.setText(newText);
            List<Integer> found = new ArrayList<>();
            for (int bound = sentences.first(); bound != DONE; bound = sentences.next()) {
                found.add(bound);
            }
            bounds = found.stream().mapToInt(Integer::intValue).toArray();
            current = 0;
        }

        @Override
        public CharacterIterator getText() {
            return text;
        }

        @Override
        public int first() {
            current = 0;
            return bounds[current];
        }

        @Override
        public int last() {
            current = bounds.length - 1;
            return bounds[current];
        }

        @Override
        public int next(int n) {
            int target = current + n;
            if (target < 0 || target >= bounds.length) {
                return DONE;
            }
            current = target;
            return bounds[current];
        }

        @Override
        public int next() {
            return next(1);
        }

        @Override
        public int previous() {
            return next(-1);
        }

        @Override
        public int following(int offset) {
            for (int i = 0; i < bounds.length; i++) {
                if (bounds[i] > offset) {
                    current = i;
                    return bounds[i];
                }
            }
            return DONE;
        }

        @Override
        public int preceding(int offset) {
            for (int i = bounds.length - 1; i >= 0; i--) {
                if (bounds[i] < offset) {
                    current = i;
                    return bounds[i];
                }
            }
            return DONE;
        }

        @Override
        public int current() {
            return bounds[current];
        }
    }

    /** Lucene's highlighter, its per-field call made reachable. */
    private static class ReferenceHighlighter extends UnifiedHighlighter {
        ReferenceHighlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<HighlightedSentence> sentences(Object formatted) {
        return formatted == null ? List.of() : (List<HighlightedSentence>) formatted;
    }
}
