package bhr.assistant.search;

import bhr.assistant.index.HighlightedSentence;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.Passage;

import java.util.List;

/**
 * A retrieved passage with its document and the sentences that best match the question.
 *
 * @param sentences the highlighter's best sentences, in reading order; score 0 marks a sentence chosen as a
 *                  summary because none matched
 */
public record PassageHit(Passage passage, DocumentMetadata document, float score, List<HighlightedSentence> sentences) {

    public PassageHit {
        sentences = List.copyOf(sentences);
    }
}
