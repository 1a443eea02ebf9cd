package bhr.assistant.index;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private final SentenceHighlighter highlighter;
    private final Analyzers analyzers;
    private final Map<Integer, String[]> termsByLuceneDoc = new ConcurrentHashMap<>();

    IndexSnapshot(KnowledgeBaseVersion version, List<KnowledgeDocument> documents, Passage[] passagesByLuceneDoc,
                  String[] languagesByLuceneDoc, DirectoryReader reader, IndexSearcher searcher, SentenceHighlighter highlighter, Analyzers analyzers) {
        this.analyzers = analyzers;
        this.version = version;
        this.documents = List.copyOf(documents);
        this.documentsById = documents.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(KnowledgeDocument::id, d -> d));
        this.passagesByLuceneDoc = passagesByLuceneDoc;
        this.languagesByLuceneDoc = languagesByLuceneDoc;
        this.reader = reader;
        this.searcher = searcher;
        this.highlighter = highlighter;
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
     * The analysed terms of a passage with its document title and headings, sorted for binary search: what a
     * question's coverage is checked against. Worked out when first asked for and kept with this version, so
     * passages that are often among the top hits are not analysed again for every question (profiled). The
     * strings are interned: the same stem in many passages is stored once.
     */
    public String[] passageTerms(int luceneDoc) {
        return termsByLuceneDoc.computeIfAbsent(luceneDoc, this::analyse);
    }

    private String[] analyse(int luceneDoc) {
        Passage passage = passage(luceneDoc);
        KnowledgeDocument document = documentsById.get(passage.documentId());
        String language = language(luceneDoc);
        String text = document.metadata().title() + "\n" + String.join("\n", passage.headingPath()) + "\n" + passage.text();
        return TextAnalysis.terms(analyzers.forLanguage(language), IndexFields.body(language), text).stream()
                .distinct().sorted().map(String::intern).toArray(String[]::new);
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    public SentenceHighlighter highlighter() {
        return highlighter;
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
