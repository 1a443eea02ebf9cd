package bhr.assistant.index;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a complete index for a list of documents. The knowledge base is small (hundreds to a few thousand
 * passages) and its originals are the source of truth, so the index is rebuilt from them at start-up and on
 * every change into a directory of its own ({@link IndexDirectories}), never updated in place: no index on
 * disk is ever half-written and then served.
 */
public final class IndexBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexBuilder.class);

    /** Title and exact words are only matched word by word, never as phrases: no positions to write. */
    private static final FieldType WORDS_TYPE = wordsType();
    private static final Set<String> ID_ONLY = Set.of(IndexFields.ID);

    private final Analyzers analyzers;
    private final IndexDirectories directories;

    public IndexBuilder(Analyzers analyzers, IndexDirectories directories) {
        this.analyzers = analyzers;
        this.directories = directories;
    }

    public IndexSnapshot build(List<KnowledgeDocument> documents, long versionNumber) throws IOException {
        IndexDirectories.Version storage = directories.create();
        try {
            return build(documents, versionNumber, storage);
        } catch (IOException e) {
            storage.delete();
            if (storage.path().isEmpty()) {
                throw e;
            }
            // The files are only a cache of the originals: a full or failing disk must not stop a change that
            // could otherwise be saved, so this version is built in memory (slower to search) instead.
            LOG.warn("Writing index files failed ({}); this version is kept in memory", e.toString());
            IndexDirectories.Version inMemory = IndexDirectories.Version.inMemory();
            return build(documents, versionNumber, inMemory);
        } catch (RuntimeException e) {
            storage.delete();
            throw e;
        }
    }

    private IndexSnapshot build(List<KnowledgeDocument> documents, long versionNumber, IndexDirectories.Version storage) throws IOException {
        List<KnowledgeDocument> sorted = documents.stream().sorted(Comparator.comparing(KnowledgeDocument::id)).toList();
        Directory directory = storage.directory();
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true)
                // A version is written once and read as it is: packing its files into a compound file afterwards
                // only copies them again, about 90 ms of a cold start (measured).
                .setUseCompoundFile(false);
        Map<String, Passage> passagesById = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (KnowledgeDocument document : sorted) {
                for (Passage passage : document.passages()) {
                    writer.addDocument(toLucene(document, passage));
                    passagesById.put(passage.id(), passage);
                }
            }
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        // The files go when the reader closes, that is after the last search of a retired version.
        reader.getReaderCacheHelper().addClosedListener(key -> storage.delete());
        Passage[] byLuceneDoc = new Passage[reader.maxDoc()];
        String[] languageByLuceneDoc = new String[reader.maxDoc()];
        Map<String, String> languageByDocument = new HashMap<>();
        sorted.forEach(document -> languageByDocument.put(document.id(), document.metadata().language()));
        StoredFields storedFields = reader.storedFields();
        for (int doc = 0; doc < byLuceneDoc.length; doc++) {
            byLuceneDoc[doc] = passagesById.get(storedFields.document(doc, ID_ONLY).get(IndexFields.ID));
            languageByLuceneDoc[doc] = languageByDocument.get(byLuceneDoc[doc].documentId());
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        IndexSnapshot.KnowledgeBaseVersion version = new IndexSnapshot.KnowledgeBaseVersion(
                versionNumber, contentHash(sorted), sorted.size(), byLuceneDoc.length, Instant.now());
        return new IndexSnapshot(version, sorted, byLuceneDoc, languageByLuceneDoc, reader, searcher, analyzers);
    }

    private static Document toLucene(KnowledgeDocument document, Passage passage) {
        String language = document.metadata().language();
        Document lucene = new Document();
        lucene.add(new StoredField(IndexFields.ID, passage.id()));
        lucene.add(new Field(IndexFields.title(language), document.metadata().title(), WORDS_TYPE));
        // The passage's own heading is indexed twice, so a section outranks its subsections (which carry the
        // heading as an ancestor) for a question that names it: "Prinsip 31 UNGPs", "PRISMA indikator".
        String ownHeading = passage.headingPath().isEmpty() ? "" : passage.headingPath().get(passage.headingPath().size() - 1);
        String heading = String.join(" ", passage.headingPath()) + " " + ownHeading + " " + passage.locator();
        lucene.add(new TextField(IndexFields.heading(language), heading, Field.Store.NO));
        // Positions for article-reference phrases; no offsets, as passages are analysed for reading in memory.
        lucene.add(new TextField(IndexFields.body(language), passage.text(), Field.Store.NO));
        lucene.add(new Field(IndexFields.EXACT, heading + "\n" + passage.text(), WORDS_TYPE));
        return lucene;
    }

    /** Order-independent fingerprint of the documents' originals: equal content gives an equal hash. */
    private static String contentHash(List<KnowledgeDocument> sortedDocuments) {
        StringBuilder all = new StringBuilder();
        for (KnowledgeDocument document : sortedDocuments) {
            all.append(document.id()).append('=').append(document.contentHash()).append('\n');
        }
        return bhr.assistant.kb.DocumentReader.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static FieldType wordsType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }
}
