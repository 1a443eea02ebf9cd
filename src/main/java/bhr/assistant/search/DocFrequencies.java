package bhr.assistant.search;

import bhr.assistant.index.IndexFields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * In how many passages a term occurs (in body, heading or title), looked up once per question: building the
 * query and measuring coverage ask for the same names several times, and each lookup is a term-dictionary seek
 * per field (profiled at a tenth of an answer before it was memoised).
 */
final class DocFrequencies {

    private final IndexReader reader;
    private final Map<String, Integer> known = new HashMap<>();

    DocFrequencies(IndexReader reader) {
        this.reader = reader;
    }

    int of(String language, String term) {
        return known.computeIfAbsent(language + ':' + term, key -> lookUp(language, term));
    }

    int passages() {
        return reader.numDocs();
    }

    private int lookUp(String language, String term) {
        try {
            int docFreq = 0;
            for (String field : new String[] {IndexFields.body(language), IndexFields.heading(language), IndexFields.title(language)}) {
                docFreq = Math.max(docFreq, reader.docFreq(new Term(field, term)));
            }
            return docFreq;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index failed", e);
        }
    }
}
