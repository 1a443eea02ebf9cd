package bhr.assistant.index;

import bhr.assistant.text.Mentions;

/**
 * A sentence of a passage (or a list with its lead-in) with its analysed terms: what the reader weighs.
 *
 * @param text  the sentence as written, line breaks of a list kept
 * @param start its offset in the passage text, for reading order
 * @param list  whether it is a list with its lead-in
 * @param terms its distinct analysed terms, sorted (binary search)
 * @param sequence its analysed terms in text order, repeats included: which question words stand side by side
 * @param words    its words as written, lower-cased, distinct and sorted: names and numbers the stemmer may change
 * @param mentions the dates, numbers and names it mentions, and whether it defines, says yes or no, gives steps...
 */
public record AnalysedSentence(String text, int start, boolean list, String[] terms, String[] sequence, String[] words,
                               Mentions mentions) {
}
