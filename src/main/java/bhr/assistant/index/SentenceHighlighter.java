package bhr.assistant.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The best sentences of passages for a question, as data ({@link HighlightedSentence}). It is the sentence
 * selection of Lucene's UnifiedHighlighter (each sentence with a question word is scored by {@link SentenceScorer},
 * BM25 over its matched words; the best few are kept in reading order; a passage without any gets its first
 * sentences), using Lucene's own {@link Passage}, scorer and formatter classes.
 * <p>
 * What differs is where the words come from: each passage is analysed and split into sentences once per index
 * version and remembered, where the stock highlighter reads every question word back from the postings of every
 * passage and runs the sentence breaker again. That was two fifths of an answer's time (profiled).
 * {@code SentenceHighlighterTest} checks that the choice and the scores are the UnifiedHighlighter's.
 */
public final class SentenceHighlighter {

    /**
     * A remembered word takes about 140 bytes (measured), so at most about 21 MB; the bundled knowledge base has
     * 46,000 words. A passage not remembered is analysed again when asked for.
     */
    private static final int MAX_WORDS_REMEMBERED = 150_000;
    private static final Locale SENTENCE_LOCALE = Locale.forLanguageTag("id");
    /** The UnifiedHighlighter splits sentences on this character too (its separator between field values). */
    private static final char VALUE_SEPARATOR = '\u0000';

    private final IntFunction<String> fieldOf;
    private final IntFunction<String> textOf;
    private final Analyzer analyzer;
    private final PassageScorer scorer = new SentenceScorer();
    private final PassageFormatter formatter = new SentenceFormatter();
    private final Cache<Integer, Words> wordsByDoc = Caffeine.newBuilder()
            .maximumWeight(MAX_WORDS_REMEMBERED)
            .weigher((Integer doc, Words words) -> Math.max(1, words.terms().length))
            .build();

    /**
     * @param fieldOf  the body field of a Lucene document (its language's)
     * @param textOf   the text indexed in that field
     * @param analyzer the analyzer the index was built with, per field
     */
    SentenceHighlighter(IntFunction<String> fieldOf, IntFunction<String> textOf, Analyzer analyzer) {
        this.fieldOf = fieldOf;
        this.textOf = textOf;
        this.analyzer = analyzer;
    }

    /**
     * A passage's analysed words in text order (by start offset, then end offset, then term, as the
     * highlighter merges them) with how often each word's term occurs in the passage, where each term occurs (so a
     * question's words are looked up, not every word of the passage compared with them), and the sentence bounds.
     */
    private record Words(String text, int[] sentenceBounds, int[] starts, int[] ends, BytesRef[] terms,
                         Map<String, int[]> positionsByTerm, int[] freqsInPassage) {
    }

    /**
     * For each Lucene document, its best sentences for the question's words, at most {@code perDocument}.
     *
     * @param wantedByField every word of every clause of the question's query, by field (phrases are not
     *                      highlighted strictly)
     */
    public List<List<HighlightedSentence>> bestSentences(Map<String, Set<String>> wantedByField, int[] docIds, int perDocument) {
        List<List<HighlightedSentence>> result = new ArrayList<>(docIds.length);
        for (int doc : docIds) {
            Words words = wordsByDoc.get(doc, this::analyse);
            result.add(best(words, wantedByField.getOrDefault(fieldOf.apply(doc), Set.of()), perDocument));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<HighlightedSentence> best(Words words, Set<String> wanted, int perDocument) {
        String text = words.text();
        if (text.isEmpty()) {
            return List.of();
        }
        Passage[] passages = scoredSentences(words, wanted, perDocument);
        if (passages.length == 0) {
            passages = firstSentences(words, perDocument);
        }
        return passages.length == 0 ? List.of() : (List<HighlightedSentence>) formatter.format(passages, text);
    }

    /** The UnifiedHighlighter's FieldHighlighter loop, over the remembered words that the question asks for. */
    private Passage[] scoredSentences(Words words, Set<String> wanted, int perDocument) {
        int contentLength = words.text().length();
        PriorityQueue<Passage> best = new PriorityQueue<>(perDocument + 1, SCORE_THEN_START);
        Passage passage = new Passage();
        int lastPassageEnd = 0;
        for (int i : wantedPositions(words, wanted)) {
            int start = words.starts()[i];
            int end = words.ends()[i];
            if (start < contentLength && end > contentLength) {
                continue;
            }
            if (start >= passage.getEndOffset()) {
                passage = offer(best, passage, contentLength, perDocument);
                if (start >= contentLength) {
                    break;
                }
                int center = start + (end - start) / 2;
                passage.setStartOffset(Math.min(start, Math.max(preceding(words, Math.max(start + 1, center)), lastPassageEnd)));
                lastPassageEnd = Math.max(end, Math.min(following(words, Math.min(end - 1, center)), contentLength));
                passage.setEndOffset(lastPassageEnd);
            }
            passage.addMatch(start, end, words.terms()[i], words.freqsInPassage()[i]);
        }
        offer(best, passage, contentLength, perDocument);
        Passage[] passages = best.toArray(new Passage[0]);
        Arrays.sort(passages, Comparator.comparingInt(Passage::getStartOffset));
        return passages;
    }

    /** The highlighter's order: lowest score first, equal scores earlier sentence first (so it goes first). */
    private static final Comparator<Passage> SCORE_THEN_START = (left, right) -> left.getScore() < right.getScore() ? -1
            : left.getScore() > right.getScore() ? 1
            : left.getStartOffset() - right.getStartOffset();

    /** Where the wanted words occur in the passage, in text order. */
    private static int[] wantedPositions(Words words, Set<String> wanted) {
        List<int[]> found = new ArrayList<>();
        int count = 0;
        for (String word : wanted) {
            int[] at = words.positionsByTerm().get(word);
            if (at != null) {
                found.add(at);
                count += at.length;
            }
        }
        int[] positions = new int[count];
        int filled = 0;
        for (int[] at : found) {
            System.arraycopy(at, 0, positions, filled, at.length);
            filled += at.length;
        }
        Arrays.sort(positions);
        return positions;
    }

    /** Scores a finished sentence and keeps it if it is among the best; returns the passage to fill next. */
    private Passage offer(PriorityQueue<Passage> best, Passage passage, int contentLength, int perDocument) {
        if (passage.getStartOffset() == -1) {
            return passage;
        }
        passage.setScore(scorer.score(passage, contentLength));
        if (best.size() == perDocument && passage.getScore() < best.peek().getScore()) {
            passage.reset();
            return passage;
        }
        best.offer(passage);
        if (best.size() > perDocument) {
            Passage evicted = best.poll();
            evicted.reset();
            return evicted;
        }
        return new Passage();
    }

    private static Passage[] firstSentences(Words words, int count) {
        int[] bounds = words.sentenceBounds();
        List<Passage> passages = new ArrayList<>(count);
        for (int i = 0; i + 1 < bounds.length && passages.size() < count; i++) {
            Passage passage = new Passage();
            passage.setStartOffset(bounds[i]);
            passage.setEndOffset(bounds[i + 1]);
            passages.add(passage);
        }
        return passages.toArray(new Passage[0]);
    }

    /** The last sentence bound before the offset, as BreakIterator.preceding: 0 if none. */
    private static int preceding(Words words, int offset) {
        int[] bounds = words.sentenceBounds();
        int index = Arrays.binarySearch(bounds, offset);
        int before = (index >= 0 ? index : -index - 1) - 1;
        return before >= 0 ? bounds[before] : BreakIterator.DONE;
    }

    /** The first sentence bound after the offset, as BreakIterator.following: DONE if none. */
    private static int following(Words words, int offset) {
        int[] bounds = words.sentenceBounds();
        int index = Arrays.binarySearch(bounds, offset);
        int after = index >= 0 ? index + 1 : -index - 1;
        return after < bounds.length ? bounds[after] : BreakIterator.DONE;
    }

    private Words analyse(int doc) {
        String field = fieldOf.apply(doc);
        String text = textOf.apply(doc);
        List<int[]> offsets = new ArrayList<>();
        List<BytesRef> terms = new ArrayList<>();
        // One copy of each term's bytes, shared by all its words.
        Map<BytesRef, BytesRef> distinct = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                BytesRef bytes = distinct.get(term.getBytesRef());
                if (bytes == null) {
                    bytes = BytesRef.deepCopyOf(term.getBytesRef());
                    distinct.put(bytes, bytes);
                }
                offsets.add(new int[] {offset.startOffset(), offset.endOffset(), terms.size()});
                terms.add(bytes);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a passage failed", e);
        }
        offsets.sort(Comparator.<int[]>comparingInt(o -> o[0]).thenComparingInt(o -> o[1])
                .thenComparing(o -> terms.get(o[2])));
        int count = offsets.size();
        int[] starts = new int[count];
        int[] ends = new int[count];
        BytesRef[] sortedTerms = new BytesRef[count];
        Map<BytesRef, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int[] token = offsets.get(i);
            starts[i] = token[0];
            ends[i] = token[1];
            sortedTerms[i] = terms.get(token[2]);
            positions.computeIfAbsent(sortedTerms[i], key -> new ArrayList<>()).add(i);
        }
        // A term's frequency in the passage is the number of its positions.
        Map<String, int[]> positionsByTerm = new HashMap<>();
        int[] freqsInPassage = new int[count];
        positions.forEach((term, at) -> {
            positionsByTerm.put(term.utf8ToString(), at.stream().mapToInt(Integer::intValue).toArray());
            at.forEach(position -> freqsInPassage[position] = at.size());
        });
        return new Words(text, sentenceBounds(text), starts, ends, sortedTerms, positionsByTerm, freqsInPassage);
    }

    private static int[] sentenceBounds(String text) {
        BreakIterator sentences = new SplittingBreakIterator(BreakIterator.getSentenceInstance(SENTENCE_LOCALE), VALUE_SEPARATOR);
        sentences.setText(text);
        List<Integer> bounds = new ArrayList<>();
        for (int bound = sentences.first(); bound != BreakIterator.DONE; bound = sentences.next()) {
            bounds.add(bound);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }
}
