package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import jakarta.inject.Singleton;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.IntroSelector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the passages for a question: BM25 over title, heading and body, ties broken by passage id so the same
 * question always gives the same order. Each hit comes with its passage analysed for reading, and the retrieval
 * with the question's words weighted as the index sees them; whether they answer is the reader's decision.
 */
@Singleton
public class PassageRetriever {

    /** Added to passages in the user's language: enough to break near-ties between translations, no more. */
    static final float LANGUAGE_BOOST = 2.0f;

    private final KnowledgeIndex index;
    private final PassageQueryBuilder queryBuilder;
    private final QueryNormalizer normalizer = QueryNormalizer.standard();
    private final QueryExpander expander = QueryExpander.standard();

    public PassageRetriever(KnowledgeIndex index, Analyzers analyzers) {
        this.index = index;
        this.queryBuilder = new PassageQueryBuilder(analyzers);
    }

    /** The number of the knowledge-base version searched now; empty before the first one is ready. */
    public OptionalLong knowledgeBaseVersion() {
        return index.version().map(version -> OptionalLong.of(version.number())).orElseGet(OptionalLong::empty);
    }

    public Retrieval retrieve(SearchRequest request) {
        String text = normalizer.normalize(request.text());
        List<QueryExpander.Expansion> expansions = expander.expansions(text);
        return index.read(snapshot -> queryBuilder.build(text, expansions, snapshot.searcher())
                .map(built -> retrieve(snapshot, built, request))
                .orElseGet(Retrieval::empty));
    }

    private Retrieval retrieve(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, SearchRequest request) {
        try {
            int candidates = request.onePerDocumentFirst() ? Math.max(30, request.limit() * 5) : request.limit();
            List<ScoreDoc> top = top(snapshot, built, request, candidates);
            List<ScoreDoc> chosen = request.onePerDocumentFirst()
                    ? bestPerDocumentFirst(snapshot, top, request.limit())
                    : top.subList(0, Math.min(request.limit(), top.size()));
            return new Retrieval(hits(snapshot, chosen), concepts(built), idf(built.termLookup().passages(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    /**
     * The best {@code count} matching passages, best first, equal scores by passage id so results never depend on
     * index order. Passages not for the requested actor are left out, and those in the user's language get a small
     * boost. Only the matches scoring at least the count-th best score are sorted in full: sorting all of them by
     * score and id took a tenth of an answer's time (profiled).
     */
    private static List<ScoreDoc> top(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, SearchRequest request,
                                      int count) throws IOException {
        List<ScoreDoc> matches = new ArrayList<>();
        for (ScoreDoc match : ClauseScores.matches(built.clauses(), snapshot.searcher().getIndexReader().maxDoc())) {
            if (request.actor().isPresent() && !snapshot.passage(match.doc).actors().contains(request.actor().get())) {
                continue;
            }
            if (request.preferredLanguage().isPresent() && request.preferredLanguage().get().equals(snapshot.language(match.doc))) {
                match.score += LANGUAGE_BOOST;
            }
            matches.add(match);
        }
        if (matches.size() > count) {
            float lowest = nthHighest(matches, count);
            matches.removeIf(match -> match.score < lowest);
        }
        matches.sort(Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparing(hit -> snapshot.passage(hit.doc).id()));
        return matches.subList(0, Math.min(count, matches.size()));
    }

    /** The n-th highest score, found by partial sorting: a full sort of the scores had cost a tenth of an answer (profiled). */
    private static float nthHighest(List<ScoreDoc> matches, int n) {
        float[] scores = new float[matches.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = matches.get(i).score;
        }
        new IntroSelector() {
            private float pivot;

            @Override
            protected void setPivot(int i) {
                pivot = scores[i];
            }

            @Override
            protected int comparePivot(int j) {
                return Float.compare(pivot, scores[j]);
            }

            @Override
            protected void swap(int i, int j) {
                float swapped = scores[i];
                scores[i] = scores[j];
                scores[j] = swapped;
            }
        }.select(0, scores.length, scores.length - n);
        return scores[scores.length - n];
    }

    private static List<ScoreDoc> bestPerDocumentFirst(IndexSnapshot snapshot, List<ScoreDoc> ranked, int limit) {
        List<ScoreDoc> firsts = new ArrayList<>();
        List<ScoreDoc> seconds = new ArrayList<>();
        Set<String> documents = new HashSet<>();
        for (ScoreDoc scoreDoc : ranked) {
            (documents.add(snapshot.passage(scoreDoc.doc).documentId()) ? firsts : seconds).add(scoreDoc);
        }
        firsts.addAll(seconds);
        return firsts.subList(0, Math.min(limit, firsts.size()));
    }

    private static List<PassageHit> hits(IndexSnapshot snapshot, List<ScoreDoc> chosen) {
        List<PassageHit> hits = new ArrayList<>(chosen.size());
        for (ScoreDoc scoreDoc : chosen) {
            Passage passage = snapshot.passage(scoreDoc.doc);
            KnowledgeDocument document = snapshot.document(passage.documentId()).orElseThrow();
            hits.add(new PassageHit(passage, document.metadata(), scoreDoc.score, snapshot.analysis(scoreDoc.doc)));
        }
        return hits;
    }

    /** Each question term with its alternatives, weighted as the rarest of them the index knows, per language. */
    private static Map<String, List<Concept>> concepts(PassageQueryBuilder.BuiltQuery built) {
        Map<String, List<Concept>> byLanguage = new HashMap<>();
        built.termsByLanguage().forEach((language, terms) -> {
            Map<String, Set<String>> alternatives = built.alternativesByLanguage().getOrDefault(language, Map.of());
            TermLookup termLookup = built.termLookup();
            List<Concept> concepts = new ArrayList<>(terms.size());
            for (String term : terms) {
                if (term.length() == 1 && Character.isLetter(term.charAt(0))) {
                    continue; // a lone letter ("b" of a pasted tag) says nothing about the topic
                }
                Set<String> names = new HashSet<>(alternatives.getOrDefault(term, Set.of()));
                names.add(term);
                int docFreq = names.stream().mapToInt(name -> termLookup.docFreq(language, name))
                        .filter(frequency -> frequency > 0).min().orElse(0);
                concepts.add(new Concept(term, names, idf(termLookup.passages(), docFreq), docFreq > 0));
            }
            if (!concepts.isEmpty()) {
                byLanguage.put(language, concepts);
            }
        });
        return byLanguage;
    }

    /** BM25's idf; a term the index has never seen gets the highest weight, so a missing topic weighs heavily. */
    private static double idf(int passages, int docFreq) {
        int docCount = Math.max(1, passages);
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}
