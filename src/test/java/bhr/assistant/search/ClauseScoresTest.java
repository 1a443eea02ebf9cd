package bhr.assistant.search;

import bhr.assistant.BundledIndex;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembered clause scores must rank exactly as Lucene scoring the whole question would. */
class ClauseScoresTest {

    private static final Analyzers ANALYZERS = BundledIndex.analyzers();
    private static final KnowledgeIndex INDEX = BundledIndex.index();

    @ParameterizedTest
    @ValueSource(strings = {
            "gmn cara uji tuntas HAM utk umkm?",
            "What is human rights due diligence?",
            "pasal 7 perpres 60/2023",
            "Bagaimana pekerja mengadukan perusahaan ke Komnas HAM?",
            "kewajban pemrintah daerah",
            "PRISMA indikator HAM HAM HAM"})
    void sumOfRememberedClausesEqualsLuceneScoringTheWholeQuery(String question) {
        PassageQueryBuilder builder = new PassageQueryBuilder(ANALYZERS);
        INDEX.read(snapshot -> {
            IndexSearcher searcher = snapshot.searcher();
            String text = QueryNormalizer.standard().normalize(question);
            List<ClauseScores.Scored> firstTime = null;
            // First with every clause built and scored anew, then as remembered.
            for (int pass = 0; pass < 2; pass++) {
                PassageQueryBuilder.BuiltQuery built = builder.build(text, QueryExpander.standard().expansions(text), searcher).orElseThrow();
                Map<Integer, Float> lucene = byDoc(search(searcher, built.query()));
                assertFalse(lucene.isEmpty(), "the question should match passages");
                Map<Integer, Float> summed = byDoc(ClauseScores.matches(built.clauses(), searcher.getIndexReader().maxDoc()));
                assertEquals(lucene.keySet(), summed.keySet(), "the same passages match");
                lucene.forEach((doc, score) -> assertEquals(score, summed.get(doc), score * 1e-6f, "score of passage " + doc));
                assertEquals(built.query().clauses().size(), built.clauses().size());
                if (firstTime == null) {
                    firstTime = built.clauses();
                } else {
                    for (int i = 0; i < firstTime.size(); i++) {
                        assertSame(firstTime.get(i), built.clauses().get(i), "clause " + i + " is remembered, not scored again");
                    }
                }
            }
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 250})
    void aFloodOfMadeUpWordsIsForgottenNotHoarded(int wordLength) {
        ClauseScores clauseScores = new ClauseScores();
        String padding = "k".repeat(wordLength);
        for (int i = 0; i < 300_000; i++) {
            String key = "id term " + padding + i;
            INDEX.read(snapshot -> clauseScores.clause(key, Optional::empty, snapshot.searcher()));
        }
        long remembered = clauseScores.remembered();
        // As many as fit if all were as light as the shortest key.
        long budget = ClauseScores.MAX_WEIGHT / ClauseScores.keyWeight("id term " + padding + 0);
        assertTrue(remembered <= budget, "remembered " + remembered + " words that match nothing, budget " + budget);
        assertTrue(remembered > budget / 2, "words that match nothing are remembered too, up to the budget: " + remembered);
    }

    private static List<ScoreDoc> search(IndexSearcher searcher, BooleanQuery query) {
        try {
            return searcher.search(query, new AllMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Integer, Float> byDoc(List<ScoreDoc> matches) {
        Map<Integer, Float> byDoc = new TreeMap<>();
        matches.forEach(match -> byDoc.put(match.doc, match.score));
        return byDoc;
    }
}
