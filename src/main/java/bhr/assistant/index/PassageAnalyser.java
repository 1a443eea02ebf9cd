package bhr.assistant.index;

import bhr.assistant.kb.Passage;
import bhr.assistant.text.Mentions;
import bhr.assistant.text.SentenceSplitter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a passage into sentences ({@link SentenceSplitter}) and analyses it once with its language's analyzer,
 * giving each sentence the terms whose offsets fall inside it, so the passage is tokenised once, not per sentence.
 */
final class PassageAnalyser {

    private final Analyzers analyzers;

    PassageAnalyser(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    PassageAnalysis analyse(String title, Passage passage, String language) {
        Analyzer analyzer = analyzers.forLanguage(language);
        String field = IndexFields.body(language);
        String text = passage.text();
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        List<TreeSet<String>> termsBySentence = new ArrayList<>(spans.size());
        List<List<String>> sequences = new ArrayList<>(spans.size());
        spans.forEach(span -> {
            termsBySentence.add(new TreeSet<>());
            sequences.add(new ArrayList<>());
        });
        TreeSet<String> all = new TreeSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int sentence = 0;
            while (tokens.incrementToken()) {
                // Tokens come in text order; a token in the gap between two sentences belongs to neither.
                while (sentence < spans.size() && offset.startOffset() >= spans.get(sentence).end()) {
                    sentence++;
                }
                String value = term.toString().intern();
                all.add(value);
                if (sentence < spans.size() && offset.startOffset() >= spans.get(sentence).start()) {
                    termsBySentence.get(sentence).add(value);
                    sequences.get(sentence).add(value);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        List<AnalysedSentence> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            SentenceSplitter.Span span = spans.get(i);
            String sentence = span.of(text);
            sentences.add(new AnalysedSentence(sentence, span.start(), span.list(),
                    termsBySentence.get(i).toArray(String[]::new), sequences.get(i).toArray(String[]::new), words(sentence),
                    Mentions.in(sentence, span.list())));
        }
        List<String> headings = passage.headingPath();
        String ownHeading = headings.isEmpty() ? "" : headings.get(headings.size() - 1);
        all.addAll(TextAnalysis.terms(analyzer, field, title + "\n" + String.join("\n", headings)));
        TreeSet<String> words = new TreeSet<>(List.of(words(title + "\n" + String.join("\n", headings))));
        sentences.forEach(sentence -> words.addAll(List.of(sentence.words())));
        return new PassageAnalysis(intern(all), intern(new TreeSet<>(TextAnalysis.terms(analyzer, field, ownHeading))), sentences,
                intern(words));
    }

    /** The sentence's runs of letters and digits, lower-cased, distinct and sorted. */
    static String[] words(String sentence) {
        TreeSet<String> words = new TreeSet<>();
        int start = -1;
        for (int i = 0; i <= sentence.length(); i++) {
            boolean inWord = i < sentence.length() && Character.isLetterOrDigit(sentence.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(sentence.substring(start, i).toLowerCase(java.util.Locale.ROOT));
                start = -1;
            }
        }
        return intern(words);
    }

    /** The strings interned: the same stem in many passages is stored once. */
    private static String[] intern(TreeSet<String> terms) {
        return terms.stream().map(String::intern).toArray(String[]::new);
    }
}
