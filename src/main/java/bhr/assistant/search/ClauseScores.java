package bhr.assistant.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The clauses of questions' queries, each built and scored by Lucene once per index version and remembered under
 * a key that names it ("id term perusahaan", "exact umkm"). A question is one disjunction of optional clauses (a
 * word in title, heading or body, a synonym, an exact word), so a passage's score is the sum of the scores of the
 * clauses it matches, and a clause's scores depend only on the clause and the index. Questions share most of their
 * words ("HAM", "perusahaan", "pekerja"): scoring every passage that matches them was two fifths of an answer's
 * time (profiled), and looking up a remembered clause by its query (hashing and comparing nested queries) still a
 * tenth. A remembered clause costs a string look-up and an addition per passage.
 * <p>
 * Bounded by the memory held (see {@link #MAX_WEIGHT}), so a flood of made-up words costs searches, not memory.
 */
final class ClauseScores {

    /**
     * The budget, in units of 8 bytes: a key takes about 64 bytes plus 2 a character, a clause (its queries and
     * words) about 128 units more, and each passage score one. So at most about 16 MB, and a flood of made-up (or
     * made-up long) words evicts clauses rather than growing the heap.
     */
    static final int MAX_WEIGHT = 2_000_000;
    private static final int CLAUSE_WEIGHT = 128;

    /** A clause, the passages it matches in index order, and its score for each. */
    record Scored(Query query, int[] docs, float[] scores) {
    }

    private final Cache<String, Optional<Scored>> byKey = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((String key, Optional<Scored> scored) -> keyWeight(key) + scored.map(clause -> CLAUSE_WEIGHT + clause.docs().length).orElse(0))
            .build();

    /**
     * The clause under the key, built and scored the first time it is asked for; empty when it matches nothing.
     * The key must name everything the clause depends on besides the index: its fields, words and weight.
     */
    Optional<Scored> clause(String key, Supplier<Optional<? extends Query>> build, IndexSearcher searcher) {
        Optional<Scored> scored = byKey.getIfPresent(key);
        if (scored == null) {
            // Scored here rather than inside the cache's compute, which would hold a cache lock during the search.
            scored = build.get().map(query -> score(query, searcher));
            byKey.put(key, scored);
        }
        return scored;
    }

    /** What a key weighs in the budget, in units of 8 bytes. */
    static int keyWeight(String key) {
        return (64 + 2 * key.length()) / 8;
    }

    /** How many clauses (and words that match nothing) are remembered, once pending evictions are done. */
    long remembered() {
        byKey.cleanUp();
        return byKey.estimatedSize();
    }

    private static Scored score(Query clause, IndexSearcher searcher) {
        try {
            List<ScoreDoc> matches = searcher.search(clause, new AllMatches());
            matches.sort((a, b) -> Integer.compare(a.doc, b.doc));
            int[] docs = new int[matches.size()];
            float[] scores = new float[matches.size()];
            for (int i = 0; i < docs.length; i++) {
                docs[i] = matches.get(i).doc;
                scores[i] = matches.get(i).score;
            }
            return new Scored(clause, docs, scores);
        } catch (IOException e) {
            throw new UncheckedIOException("scoring a query clause failed", e);
        }
    }

    /** Every passage the clauses match, with the sum of their scores: what Lucene gives for their disjunction. */
    static List<ScoreDoc> matches(List<Scored> clauses, int maxDoc) {
        double[] sums = new double[maxDoc];
        boolean[] matched = new boolean[maxDoc];
        int count = 0;
        for (Scored clause : clauses) {
            for (int i = 0; i < clause.docs().length; i++) {
                int doc = clause.docs()[i];
                if (!matched[doc]) {
                    matched[doc] = true;
                    count++;
                }
                sums[doc] += clause.scores()[i];
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
}
