package bhr.assistant.index;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

import java.util.ArrayList;
import java.util.List;

/**
 * Returns the highlighter's chosen passages (sentences, with our sentence break iterator) as data with their
 * scores instead of a marked-up string, so the answer composer can rank and cite sentences itself.
 */
final class SentenceFormatter extends PassageFormatter {

    @Override
    public Object format(Passage[] passages, String content) {
        List<HighlightedSentence> sentences = new ArrayList<>(passages.length);
        for (Passage passage : passages) {
            String text = content.substring(passage.getStartOffset(), passage.getEndOffset()).strip();
            if (!text.isEmpty()) {
                float score = passage.getNumMatches() > 0 ? passage.getScore() : 0f;
                sentences.add(new HighlightedSentence(text, score, passage.getStartOffset()));
            }
        }
        return List.copyOf(sentences);
    }
}
