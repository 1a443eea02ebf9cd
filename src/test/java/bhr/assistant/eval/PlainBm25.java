package bhr.assistant.eval;

import bhr.assistant.index.TextAnalysis;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The baseline: Lucene BM25 with the stock IndonesianAnalyzer, one field holding heading and text, the question
 * analysed into OR-ed terms. No expansion, no phrases, no abstention (it always answers).
 */
final class PlainBm25 implements Ranker {

    private static final String FIELD = "text";
    private static final String ID = "id";

    private final Analyzer analyzer = new IndonesianAnalyzer();
    private final IndexSearcher searcher;

    PlainBm25(List<KnowledgeDocument> documents) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
                for (KnowledgeDocument document : documents) {
                    for (Passage passage : document.passages()) {
                        Document lucene = new Document();
                        lucene.add(new StringField(ID, passage.id(), Field.Store.YES));
                        lucene.add(new TextField(FIELD, String.join(" ", passage.headingPath()) + "\n" + passage.text(), Field.Store.NO));
                        writer.addDocument(lucene);
                    }
                }
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Ranking rank(String question) {
        try {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (String term : TextAnalysis.terms(analyzer, FIELD, question)) {
                query.add(new TermQuery(new Term(FIELD, term)), BooleanClause.Occur.SHOULD);
            }
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), 10).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc, Set.of(ID)).get(ID));
            }
            return new Ranking(ids, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "plain BM25 (stock IndonesianAnalyzer)";
    }
}
