package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Remembered clause scores must rank exactly as Lucene scoring the whole question would. */
class ClauseScoresTest {

    private static final Analyzers ANALYZERS = new Analyzers();
    private static KnowledgeIndex index;

    @BeforeAll
    static void indexBundledKnowledgeBase() throws IOException {
        index = new KnowledgeIndex(ANALYZERS);
        index.replace(new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gmn cara uji tuntas HAM utk umkm?",
            "What is human rights due diligence?",
            "pasal 7 perpres 60/2023",
            "Bagaimana pekerja mengadukan perusahaan ke Komnas HAM?",
            "kewajban pemrintah daerah",
            "PRISMA indikator HAM HAM HAM"})
    void sumOfRememberedClausesEqualsLuceneScoringTheWholeQuery(String question) {
        ClauseScores clauseScores = new ClauseScores();
        index.read(snapshot -> {
            IndexSearcher searcher = snapshot.searcher();
            String text = QueryNormalizer.standard().normalize(question);
            BooleanQuery query = new PassageQueryBuilder(ANALYZERS)
                    .build(text, QueryExpander.standard().expansions(text), searcher.getIndexReader()).orElseThrow().query();
            Map<Integer, Float> lucene = byDoc(search(searcher, query));
            assertFalse(lucene.isEmpty(), "the question should match passages");
            // First with every clause scored anew, then from what was remembered.
            for (int pass = 0; pass < 2; pass++) {
                Map<Integer, Float> summed = byDoc(matches(clauseScores, searcher, query));
                assertEquals(lucene.keySet(), summed.keySet(), "the same passages match");
                lucene.forEach((doc, score) -> assertEquals(score, summed.get(doc), score * 1e-6f, "score of passage " + doc));
            }
            return null;
        });
    }

    private static List<ScoreDoc> search(IndexSearcher searcher, BooleanQuery query) {
        try {
            return searcher.search(query, new AllMatches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ScoreDoc> matches(ClauseScores clauseScores, IndexSearcher searcher, BooleanQuery query) {
        try {
            return clauseScores.matches(searcher, query);
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
