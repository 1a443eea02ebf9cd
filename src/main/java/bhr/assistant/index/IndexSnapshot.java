package bhr.assistant.index;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable version of the knowledge base: its documents and the Lucene index built from them.
 * A new version is built to the side and swapped in whole, so a reader sees either the old or the new
 * knowledge base, never a mix. Readers hold a reference while they search ({@link #tryAcquire()} /
 * {@link #release()}, the same reference counting SearcherManager uses), so the old index closes only
 * after its last search has finished.
 */
public final class IndexSnapshot {

    private final KnowledgeBaseVersion version;
    private final List<KnowledgeDocument> documents;
    private final Map<String, KnowledgeDocument> documentsById;
    private final Passage[] passagesByLuceneDoc;
    private final String[] languagesByLuceneDoc;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final PassageAnalyser analyser;
    /**
     * Passages analysed for reading, by Lucene document. Bounded by the terms they hold: a sentence term takes
     * about 40 bytes with its share of the sentence (interned strings, arrays), so 400,000 terms stay near 16 MB;
     * the bundled knowledge base holds about 80,000. A passage not remembered is analysed again when asked for.
     */
    private final Cache<Integer, PassageAnalysis> analysisByLuceneDoc = Caffeine.newBuilder()
            .maximumWeight(400_000)
            .weigher((Integer doc, PassageAnalysis analysis) -> analysis.weight())
            .build();

    IndexSnapshot(KnowledgeBaseVersion version, List<KnowledgeDocument> documents, Passage[] passagesByLuceneDoc,
                  String[] languagesByLuceneDoc, DirectoryReader reader, IndexSearcher searcher, Analyzers analyzers) {
        this.analyser = new PassageAnalyser(analyzers);
        this.version = version;
        this.documents = List.copyOf(documents);
        this.documentsById = documents.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(KnowledgeDocument::id, d -> d));
        this.passagesByLuceneDoc = passagesByLuceneDoc;
        this.languagesByLuceneDoc = languagesByLuceneDoc;
        this.reader = reader;
        this.searcher = searcher;
    }

    public KnowledgeBaseVersion version() {
        return version;
    }

    public List<KnowledgeDocument> documents() {
        return documents;
    }

    public Optional<KnowledgeDocument> document(String id) {
        return Optional.ofNullable(documentsById.get(id));
    }

    public int passageCount() {
        return passagesByLuceneDoc.length;
    }

    public Passage passage(int luceneDoc) {
        return passagesByLuceneDoc[luceneDoc];
    }

    /** The language of the passage's document. */
    public String language(int luceneDoc) {
        return languagesByLuceneDoc[luceneDoc];
    }

    /**
     * The passage's sentences and terms, worked out when first asked for and kept with this version: the passages
     * among the top hits are read again and again, question after question.
     */
    public PassageAnalysis analysis(int luceneDoc) {
        return analysisByLuceneDoc.get(luceneDoc, doc -> {
            Passage passage = passage(doc);
            return analyser.analyse(documentsById.get(passage.documentId()).metadata().title(), passage, language(doc));
        });
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    boolean tryAcquire() {
        return reader.tryIncRef();
    }

    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException("closing a retired index failed", e);
        }
    }

    /** Summary of a knowledge-base version for status and health output. */
    public record KnowledgeBaseVersion(long number, String contentHash, int documents, int passages, Instant builtAt) {
    }
}
