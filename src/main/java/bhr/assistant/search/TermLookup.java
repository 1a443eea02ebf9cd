package bhr.assistant.search;

import bhr.assistant.index.IndexFields;
import com.github.benmanes.caffeine.cache.Cache;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index statistics of a question's terms, each looked up once per index version: one term-dictionary seek per
 * field and term, through one reused enumerator per field, shared by the query builder (document frequencies, and term
 * queries that carry their statistics so Lucene does not seek again when it weighs them) and by coverage.
 * Profiled before this: separate seeks for the same terms were half of an answer's garbage and a fifth of its time.
 */
final class TermLookup {

    private final IndexReader reader;
    private final IndexReaderContext top;
    private final Map<String, TermsEnum[]> enumsByField = new HashMap<>();
    private final Cache<Term, TermStates> known;
    private final Cache<String, Integer> docFreqs;

    /**
     * @param known    statistics already looked up in this reader, shared by all questions on it
     * @param docFreqs document frequencies per language and term already worked out in this reader
     */
    TermLookup(IndexReader reader, Cache<Term, TermStates> known, Cache<String, Integer> docFreqs) {
        this.reader = reader;
        this.top = reader.getContext();
        this.known = known;
        this.docFreqs = docFreqs;
    }

    /**
     * In how many passages the term occurs in body, heading or title of that language (the most of the three).
     * Kept per index version: building a query (alternatives, common words) and checking coverage ask for the
     * same terms again and again, and three look-ups of term statistics per term were a tenth of an answer (profiled).
     */
    int docFreq(String language, String text) {
        String key = language + ' ' + text;
        Integer cached = docFreqs.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        int docFreq = 0;
        for (String field : List.of(IndexFields.body(language), IndexFields.heading(language), IndexFields.title(language))) {
            docFreq = Math.max(docFreq, states(new Term(field, text)).docFreq());
        }
        docFreqs.put(key, docFreq);
        return docFreq;
    }

    int passages() {
        return reader.numDocs();
    }

    /** A query for the term in the field, or empty when no passage has it (it could only cost time). */
    Optional<TermQuery> termQuery(String field, String text) {
        Term term = new Term(field, text);
        TermStates states = states(term);
        return states.docFreq() == 0 ? Optional.empty() : Optional.of(new TermQuery(term, states));
    }

    /** Whether every one of the terms occurs in the field: a phrase of them can match nothing otherwise. */
    boolean hasAll(String field, String... texts) {
        for (String text : texts) {
            if (states(new Term(field, text)).docFreq() == 0) {
                return false;
            }
        }
        return true;
    }

    private TermStates states(Term term) {
        TermStates states = known.getIfPresent(term);
        if (states == null) {
            // Looked up here rather than inside the cache's compute, which would hold a cache lock during the seek.
            states = lookUp(term);
            known.put(term, states);
        }
        return states;
    }

    private TermStates lookUp(Term term) {
        try {
            TermStates states = new TermStates(top);
            TermsEnum[] enums = enumsByField.computeIfAbsent(term.field(), field -> new TermsEnum[top.leaves().size()]);
            BytesRef bytes = term.bytes();
            for (LeafReaderContext leaf : top.leaves()) {
                if (enums[leaf.ord] == null) {
                    Terms terms = leaf.reader().terms(term.field());
                    if (terms == null) {
                        continue;
                    }
                    enums[leaf.ord] = terms.iterator();
                }
                TermsEnum terms = enums[leaf.ord];
                if (terms.seekExact(bytes)) {
                    states.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
                }
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index failed", e);
        }
    }
}
