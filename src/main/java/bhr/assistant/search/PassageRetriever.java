package bhr.assistant.search;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.HighlightedSentence;
import bhr.assistant.index.IndexFields;
import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import jakarta.inject.Singleton;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the passages for a question: BM25 over title, heading and body, ties broken by passage id so the same
 * question always gives the same order, then the best sentences of each passage from the highlighter.
 */
@Singleton
public class PassageRetriever {

    /** Score first, then passage id: equal scores never reorder between runs. */
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.ID, SortField.Type.STRING));
    private static final int SENTENCES_PER_PASSAGE = 3;
    /** How many top passages are checked for coverage of the question. */
    private static final int COVERAGE_DEPTH = 3;

    private final KnowledgeIndex index;
    private final Analyzers analyzers;
    private final PassageQueryBuilder queryBuilder;
    private final QueryNormalizer normalizer = QueryNormalizer.standard();

    public PassageRetriever(KnowledgeIndex index, Analyzers analyzers) {
        this.index = index;
        this.analyzers = analyzers;
        this.queryBuilder = new PassageQueryBuilder(analyzers);
    }

    public Retrieval retrieve(SearchRequest request) {
        return queryBuilder.build(normalizer.normalize(request.text()), request.actor(), request.preferredLanguage())
                .map(built -> index.read(snapshot -> retrieve(snapshot, built, request)))
                .orElseGet(Retrieval::empty);
    }

    private Retrieval retrieve(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, SearchRequest request) {
        try {
            int candidates = request.onePerDocumentFirst() ? Math.max(30, request.limit() * 5) : request.limit();
            TopDocs top = snapshot.searcher().search(built.query(), candidates, BY_SCORE_THEN_ID, true);
            List<ScoreDoc> chosen = request.onePerDocumentFirst()
                    ? bestPerDocumentFirst(snapshot, top.scoreDocs, request.limit())
                    : List.of(top.scoreDocs).subList(0, Math.min(request.limit(), top.scoreDocs.length));
            List<PassageHit> hits = hits(snapshot, built, chosen);
            return new Retrieval(hits, coverage(snapshot, built, hits), built.termsByLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
    }

    private static List<ScoreDoc> bestPerDocumentFirst(IndexSnapshot snapshot, ScoreDoc[] ranked, int limit) {
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
        List<String> bodyFields = Analyzers.LANGUAGES.stream().map(IndexFields::body).toList();
        List<List<HighlightedSentence>> sentences = snapshot.highlighter().bestSentences(bodyFields, built.query(), docIds, SENTENCES_PER_PASSAGE);
        List<PassageHit> hits = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Passage passage = snapshot.passage(docIds[i]);
            KnowledgeDocument document = snapshot.document(passage.documentId()).orElseThrow();
            hits.add(new PassageHit(passage, document.metadata(), chosen.get(i).score, sentences.get(i)));
        }
        return hits;
    }

    /** IDF-weighted share of the question's terms present in the best-covering of the top passages. */
    private double coverage(IndexSnapshot snapshot, PassageQueryBuilder.BuiltQuery built, List<PassageHit> hits) throws IOException {
        IndexReader reader = snapshot.searcher().getIndexReader();
        double best = 0;
        for (PassageHit hit : hits.subList(0, Math.min(COVERAGE_DEPTH, hits.size()))) {
            String language = hit.document().language();
            List<String> terms = built.termsByLanguage().get(language);
            if (terms == null) {
                continue;
            }
            Set<String> present = new HashSet<>();
            String passageText = hit.document().title() + "\n" + String.join("\n", hit.passage().headingPath()) + "\n" + hit.passage().text();
            QueryAnalysis.tokens(analyzers.forLanguage(language), IndexFields.body(language), passageText)
                    .forEach(token -> present.add(token.term()));
            double total = 0;
            double found = 0;
            for (String term : terms) {
                double weight = idf(reader, language, term);
                total += weight;
                if (present.contains(term)) {
                    found += weight;
                }
            }
            best = Math.max(best, total == 0 ? 0 : found / total);
        }
        return best;
    }

    /** BM25's idf; a term the index has never seen gets the highest weight, so a missing topic weighs heavily. */
    private static double idf(IndexReader reader, String language, String term) throws IOException {
        int docFreq = 0;
        for (String field : List.of(IndexFields.body(language), IndexFields.heading(language), IndexFields.title(language))) {
            docFreq = Math.max(docFreq, reader.docFreq(new Term(field, term)));
        }
        int docCount = Math.max(1, reader.numDocs());
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

}
