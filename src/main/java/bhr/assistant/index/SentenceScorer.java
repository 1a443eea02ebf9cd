package bhr.assistant.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default sentence scoring (BM25 over the sentence's distinct matched terms, times a position norm),
 * computed without the 32 KB hash table the stock scorer allocates for every sentence it scores: that alone
 * was about 2 MB of garbage per answer (profiled), which at a few hundred answers a second keeps the young
 * generation collecting. A sentence matches a handful of terms, so a pairwise comparison is cheaper anyway.
 */
final class SentenceScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDocument = passage.getMatchTermFreqsInDoc();
        boolean[] counted = new boolean[matches];
        double score = 0;
        // Distinct terms in order of first match, as the stock scorer sums them, so scores are identical.
        for (int i = 0; i < matches; i++) {
            if (counted[i]) {
                continue;
            }
            int freqInSentence = 1;
            for (int j = i + 1; j < matches; j++) {
                if (!counted[j] && terms[j].bytesEquals(terms[i])) {
                    counted[j] = true;
                    freqInSentence++;
                }
            }
            score += tf(freqInSentence, passage.getLength()) * weight(contentLength, freqsInDocument[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }
}
