package bhr.assistant.index;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Lucene's UnifiedHighlighter, asked for the best sentences of passages as data ({@link SentenceFormatter})
 * rather than as marked-up snippets. Built once per index snapshot: it holds no per-query state.
 */
public final class SentenceHighlighter extends UnifiedHighlighter {

    /** The text of a field of a Lucene document, "" where the document has no such field. */
    interface FieldText {
        String of(String field, int luceneDoc);
    }

    private final FieldText fieldText;

    SentenceHighlighter(FieldText fieldText, UnifiedHighlighter.Builder builder) {
        super(builder);
        this.fieldText = fieldText;
    }

    /** Texts from the passages held in memory, instead of decompressing stored fields on every answer (profiled). */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            CharSequence[] texts = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                texts[i] = fieldText.of(fields[i], doc);
            }
            values.add(texts);
        }
        return values;
    }

    /**
     * For each Lucene document, its best sentences in the given body field (empty if the field is absent).
     * Documents may mix languages: each field is highlighted, and every document takes the one it has.
     */
    @SuppressWarnings("unchecked")
    public List<List<HighlightedSentence>> bestSentences(List<String> fields, Query query, int[] docIds, int perDocument) throws IOException {
        int[] maxPassages = new int[fields.size()];
        Arrays.fill(maxPassages, perDocument);
        Map<String, Object[]> byField = highlightFieldsAsObjects(fields.toArray(String[]::new), query, docIds, maxPassages);
        List<List<HighlightedSentence>> result = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            List<HighlightedSentence> sentences = List.of();
            for (String field : fields) {
                Object[] values = byField.get(field);
                if (values != null && values[i] instanceof List<?> list && !list.isEmpty()) {
                    sentences = (List<HighlightedSentence>) list;
                    break;
                }
            }
            result.add(sentences);
        }
        return result;
    }
}
