package bhr.assistant.index;

/**
 * A sentence of a passage as the highlighter rates it for a query.
 *
 * @param text  the sentence
 * @param score how well it matches (0 when it was chosen only as a summary, with no query term in it)
 * @param start its offset in the passage, to restore reading order
 */
public record HighlightedSentence(String text, float score, int start) {
}
