package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.HighlightedSentence;
import bhr.assistant.index.IndexFields;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the passages for a question: BM25 over title, heading and body, ties broken by passage id so the same
 * question always gives the same order, then the best sentences of each passage from the highlighter.
 */
@Singleton
public class PassageRetriever {

    private static final int SENTENCES_PER_PASSAGE = 3;
    /** How many top passages are checked for coverage of the question. */
    private static final int COVERAGE_DEPTH = 3;
    /** Added to passages in the user's language: enough to break near-ties between translations, no more. */
    static final float LANGUAGE_BOOST = 2.0f;
    private static final List<String> BODY_FIELDS = Analyzers.LANGUAGES.stream().map(IndexFields::body).toList();

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
            List<PassageHit> hits = hits(snapshot, built, chosen);
            return new Retrieval(hits, coverage(snapshot, built, chosen), built.termsByLanguage());
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

    private List<PassageHit> hits(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, List<ScoreDoc> chosen) throws IOException {
        if (chosen.isEmpty()) {
            return List.of();
        }
        int[] docIds = chosen.stream().mapToInt(scoreDoc -> scoreDoc.doc).toArray();
        // Only body fields are highlighted: the words of title, heading and exact-word clauses need no set.
        Map<String, Set<String>> wordsByField = new HashMap<>();
        for (String field : BODY_FIELDS) {
            Set<String> words = new HashSet<>();
            built.clauses().forEach(clause -> words.addAll(clause.wordsByField().getOrDefault(field, List.of())));
            wordsByField.put(field, words);
        }
        List<List<HighlightedSentence>> sentences = snapshot.highlighter().bestSentences(wordsByField, docIds, SENTENCES_PER_PASSAGE);
        List<PassageHit> hits = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Passage passage = snapshot.passage(docIds[i]);
            KnowledgeDocument document = snapshot.document(passage.documentId()).orElseThrow();
            hits.add(new PassageHit(passage, document.metadata(), chosen.get(i).score, sentences.get(i)));
        }
        return hits;
    }

    /**
     * How much of the question the best of the top passages covers: the share of the question's weight (its
     * terms weighted by IDF) found in the passage, its title and headings.
     */
    private static double coverage(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, List<ScoreDoc> chosen) {
        Map<String, List<Concept>> conceptsByLanguage = new HashMap<>();
        double best = 0;
        for (ScoreDoc hit : chosen.subList(0, Math.min(COVERAGE_DEPTH, chosen.size()))) {
            String language = snapshot.language(hit.doc);
            List<String> terms = built.termsByLanguage().get(language);
            if (terms != null) {
                List<Concept> concepts = conceptsByLanguage.computeIfAbsent(language, key -> concepts(built, language, terms));
                best = Math.max(best, share(concepts, snapshot.passageTerms(hit.doc)));
            }
        }
        return best;
    }

    /** A question term with the terms that stand for the same concept, weighted as the rarest of them the index knows. */
    private record Concept(Set<String> names, double weight) {
    }

    private static List<Concept> concepts(PassageQueryBuilder.BuiltQuery built, String language, List<String> terms) {
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
            concepts.add(new Concept(names, idf(termLookup.passages(), docFreq)));
        }
        return concepts;
    }

    /** The share of the concepts' weight found among a passage's sorted terms. */
    private static double share(List<Concept> concepts, String[] present) {
        double total = 0;
        double found = 0;
        for (Concept concept : concepts) {
            total += concept.weight();
            if (concept.names().stream().anyMatch(name -> Arrays.binarySearch(present, name) >= 0)) {
                found += concept.weight();
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** BM25's idf; a term the index has never seen gets the highest weight, so a missing topic weighs heavily. */
    private static double idf(int passages, int docFreq) {
        int docCount = Math.max(1, passages);
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}
