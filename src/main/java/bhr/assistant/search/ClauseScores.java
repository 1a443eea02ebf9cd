package bhr.assistant.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a question's query as the sum of its clauses' scores, each clause scored by Lucene once per index version
 * and remembered. A question is one disjunction of optional clauses (a word in title, heading or body, a synonym,
 * an exact word), so a passage's score is the sum of the scores of the clauses it matches, and a clause's scores
 * depend only on the clause and the index. Questions share most of their words ("HAM", "perusahaan", "pekerja"),
 * and scoring every passage that matches them was two fifths of an answer's time (profiled): a remembered clause
 * costs an addition per passage instead.
 * <p>
 * Bounded by the number of passage scores held, so a flood of made-up words costs searches, not memory.
 */
final class ClauseScores {

    /** About 8 MB: a passage number and a score per entry. */
    static final int MAX_SCORES = 1_000_000;

    /** The passages a clause matches, in index order, with the clause's score for each. */
    private record Scored(int[] docs, float[] scores) {
    }

    private final Cache<Query, Scored> byClause = Caffeine.newBuilder()
            .maximumWeight(MAX_SCORES)
            .weigher((Query clause, Scored scored) -> Math.max(1, scored.docs().length))
            .build();

    /** Every passage the query matches with its score, as Lucene scores the whole disjunction. */
    List<ScoreDoc> matches(IndexSearcher searcher, BooleanQuery query) throws IOException {
        int maxDoc = searcher.getIndexReader().maxDoc();
        double[] sums = new double[maxDoc];
        boolean[] matched = new boolean[maxDoc];
        int count = 0;
        for (BooleanClause clause : query.clauses()) {
            Scored scored = scored(searcher, clause.getQuery());
            for (int i = 0; i < scored.docs().length; i++) {
                int doc = scored.docs()[i];
                if (!matched[doc]) {
                    matched[doc] = true;
                    count++;
                }
                sums[doc] += scored.scores()[i];
            }
        }
        List<ScoreDoc> matches = new ArrayList<>(count);
        for (int doc = 0; doc < maxDoc; doc++) {
            if (matched[doc]) {
                matches.add(new ScoreDoc(doc, (float) sums[doc]));
            }
        }
        return matches;
    }

    private Scored scored(IndexSearcher searcher, Query clause) throws IOException {
        Scored scored = byClause.getIfPresent(clause);
        if (scored == null) {
            // Scored here rather than inside the cache's compute, which would hold a cache lock during the search.
            List<ScoreDoc> matches = searcher.search(clause, new AllMatches());
            int[] docs = new int[matches.size()];
            float[] scores = new float[matches.size()];
            matches.sort((a, b) -> Integer.compare(a.doc, b.doc));
            for (int i = 0; i < docs.length; i++) {
                docs[i] = matches.get(i).doc;
                scores[i] = matches.get(i).score;
            }
            scored = new Scored(docs, scores);
            byClause.put(clause, scored);
        }
        return scored;
    }
}
