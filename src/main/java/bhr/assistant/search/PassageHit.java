package bhr.assistant.search;

import bhr.assistant.index.AnalysedSentence;
import bhr.assistant.index.PassageAnalysis;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.Passage;

import java.util.List;

/**
 * A retrieved passage with its document, its score and its analysis for reading (sentences and terms).
 */
public record PassageHit(Passage passage, DocumentMetadata document, float score, PassageAnalysis analysis) {

    /** The passage's sentences in reading order. */
    public List<AnalysedSentence> sentences() {
        return analysis.sentences();
    }
}
