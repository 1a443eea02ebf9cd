package bhr.assistant.index;

import java.util.List;

/**
 * A passage analysed for reading: its sentences with their terms, the terms of its own heading, and every term of
 * the passage with its document title and headings. Worked out once per index version ({@link IndexSnapshot}).
 *
 * @param terms        distinct terms of title, headings and text, sorted
 * @param headingTerms distinct terms of the passage's own (innermost) heading, sorted
 * @param sentences    in reading order
 * @param words        distinct words as written (lower-cased) of title, headings and text, sorted: names and years
 */
public record PassageAnalysis(String[] terms, String[] headingTerms, List<AnalysedSentence> sentences, String[] words) {

    public PassageAnalysis {
        sentences = List.copyOf(sentences);
    }

    /** No analysis: for listings that show a passage without reading it for a question (Telegram's /kewajiban). */
    public static PassageAnalysis none() {
        return new PassageAnalysis(new String[0], new String[0], List.of(), new String[0]);
    }

    /** The number of terms held, to weigh what a version remembers. */
    int weight() {
        int weight = terms.length + headingTerms.length + words.length;
        for (AnalysedSentence sentence : sentences) {
            weight += sentence.terms().length + sentence.sequence().length + sentence.words().length;
        }
        return Math.max(1, weight);
    }
}
