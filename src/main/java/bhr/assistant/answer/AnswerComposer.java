package bhr.assistant.answer;

import bhr.assistant.index.HighlightedSentence;
import bhr.assistant.search.PassageHit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the short extractive answer: the best-matching sentences of the best passages, each followed by the
 * marker of the passage it comes from. Citations are numbered in the order the answer first uses them, and
 * only passages the answer uses are cited, so every marker has its citation and every citation its marker.
 */
final class AnswerComposer {

    /** A sentence longer than this (a list run together) is cut at a word boundary. */
    private static final int MAX_SENTENCE_CHARS = 400;
    private static final int MAX_QUOTE_CHARS = 600;
    private static final int MIN_SENTENCES = 2;
    private static final int FROM_BEST_PASSAGE = 2;
    static final float SECONDARY_SENTENCE_SHARE = 0.6f;
    /** Sentences sharing this much of their vocabulary say the same thing; the later one is dropped. */
    private static final double NEAR_DUPLICATE = 0.6;
    // Compiled once: they run on every sentence of every answer.
    /** A list item's bullet or number. */
    private static final String MARKER = "(?:[-*•]|\\d+[.)])";
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*" + MARKER + "\\s+");
    /** The number of a list's first item, which the sentence breaker leaves at the end of the lead-in line ("...: 1."). */
    private static final Pattern DANGLING_LIST_MARKER = Pattern.compile("\\n\\s*" + MARKER + "\\s*\\z");

    private final AnswerConfig config;

    AnswerComposer(AnswerConfig config) {
        this.config = config;
    }

    record Composition(String text, List<Citation> citations) {
    }

    Composition compose(List<PassageHit> hits, int limit, Messages messages, String language) {
        List<PassageHit> usable = usable(hits, limit);
        List<Picked> picked = pickSentences(usable);

        // Keyed by the hit's rank: hashing the hit record itself hashes its passage text and sentences.
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Picked sentence : picked) {
            int n = numbers.computeIfAbsent(sentence.rank(), rank -> numbers.size() + 1);
            text.append(sentence.text()).append(" [").append(n).append("] ");
        }
        List<Citation> citations = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : numbers.entrySet()) {
            PassageHit hit = usable.get(entry.getKey());
            citations.add(new Citation(entry.getValue(), hit.document().id(), hit.passage().id(), hit.document().title(),
                    hit.passage().sectionLabel(), hit.document().url(), quote(hit), round(hit.score()), hit.document().status()));
            String status = hit.document().status();
            if (status.equals("rancangan") || status.equals("dicabut")) {
                text.append(messages.get("status." + status, entry.getValue())).append(' ');
            }
        }
        boolean otherLanguage = picked.stream().anyMatch(sentence -> !sentence.hit().document().language().equals(language));
        if (otherLanguage && !messages.get("otherLanguageSources").isBlank()) {
            text.append(messages.get("otherLanguageSources"));
        }
        return new Composition(text.toString().strip(), citations);
    }

    /** The best passage always; others only while they score near it, up to the limit. */
    private List<PassageHit> usable(List<PassageHit> hits, int limit) {
        if (hits.isEmpty()) {
            return List.of();
        }
        float best = hits.stream().map(PassageHit::score).max(Float::compare).orElse(0f);
        List<PassageHit> usable = new ArrayList<>();
        for (PassageHit hit : hits) {
            if (usable.size() < limit && (usable.isEmpty() || hit.score() >= config.relativeFloor() * best)) {
                usable.add(hit);
            }
        }
        return usable;
    }

    /** @param rank the hit's place among the usable hits, 0 for the best */
    private record Picked(PassageHit hit, int rank, String text, int start) {
    }

    private List<Picked> pickSentences(List<PassageHit> usable) {
        List<Picked> picked = new ArrayList<>();
        List<int[]> wordsSoFar = new ArrayList<>();
        float bestSentence = usable.isEmpty() ? 0 : usable.get(0).sentences().stream()
                .map(HighlightedSentence::score).max(Float::compare).orElse(0f);
        for (int i = 0; i < usable.size() && picked.size() < config.maxSentences(); i++) {
            PassageHit hit = usable.get(i);
            int quota = Math.min(i == 0 ? FROM_BEST_PASSAGE : 1, config.maxSentences() - picked.size());
            List<Picked> fromHit = new ArrayList<>();
            for (HighlightedSentence sentence : preferred(hit, i == 0)) {
                if (fromHit.size() >= quota) {
                    break;
                }
                // A further passage adds a sentence only if it matches the question nearly as well as the best
                // one does; a sentence that shares a word or two ("Perpres 60/2023") would only wander off topic.
                if (i > 0 && sentence.score() < SECONDARY_SENTENCE_SHARE * bestSentence) {
                    continue;
                }
                addIfNew(hit, i, sentence, fromHit, wordsSoFar);
            }
            picked.addAll(fromHit);
        }
        if (picked.size() < MIN_SENTENCES && !usable.isEmpty()) {
            // Too little matched sentence by sentence (e.g. the match was in a heading): the best passage's
            // opening sentences carry its key fact, so they answer.
            PassageHit best = usable.get(0);
            List<HighlightedSentence> inReadingOrder = best.sentences().stream()
                    .sorted(Comparator.comparingInt(HighlightedSentence::start)).toList();
            for (HighlightedSentence sentence : inReadingOrder) {
                if (picked.size() >= MIN_SENTENCES) {
                    break;
                }
                addIfNew(best, 0, sentence, picked, wordsSoFar);
            }
            if (picked.isEmpty()) {
                picked.add(new Picked(best, 0, clean(best.passage().text()), 0));
            }
        }
        // Citation order first, then reading order inside each passage.
        picked.sort(Comparator.comparingInt(Picked::rank).thenComparingInt(Picked::start));
        return picked;
    }

    /**
     * Matched sentences, best first. In the best passage its first matched sentence leads: our documents state
     * the key fact first, so for "apa itu ..." that is the definition, even when a shorter later sentence scores higher.
     */
    private static List<HighlightedSentence> preferred(PassageHit hit, boolean leadFirst) {
        List<HighlightedSentence> ranked = new ArrayList<>(hit.sentences().stream()
                .filter(sentence -> sentence.score() > 0)
                .sorted(Comparator.comparingDouble(HighlightedSentence::score).reversed())
                .toList());
        if (leadFirst && !ranked.isEmpty()) {
            HighlightedSentence lead = ranked.stream().min(Comparator.comparingInt(HighlightedSentence::start)).orElseThrow();
            ranked.remove(lead);
            ranked.add(0, lead);
        }
        return ranked;
    }

    /** Adds the sentence unless it (nearly) repeats one already chosen, as FAQ and module often do. */
    private static void addIfNew(PassageHit hit, int rank, HighlightedSentence sentence, List<Picked> into, List<int[]> wordsSoFar) {
        String clean = clean(sentence.text());
        if (clean.endsWith(":")) {
            return; // the lead-in to a list ("... memuat tiga muatan pokok:") says nothing without the list
        }
        int[] words = words(clean);
        if (words.length == 0 || wordsSoFar.stream().anyMatch(seen -> similarity(seen, words) >= NEAR_DUPLICATE)) {
            return;
        }
        wordsSoFar.add(words);
        into.add(new Picked(hit, rank, clean, sentence.start()));
    }

    /**
     * The distinct lower-cased runs of letters and digits, as sorted hashes: it runs on every candidate sentence,
     * and sets of word strings were a tenth of an answer (profiled). Two words sharing a hash only nudge a
     * near-duplicate check.
     */
    static int[] words(String sentence) {
        int[] hashes = new int[sentence.length() / 2 + 1];
        int count = 0;
        int hash = 0;
        boolean inWord = false;
        for (int i = 0; i <= sentence.length(); i++) {
            char c = i < sentence.length() ? sentence.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                hash = 31 * hash + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                hashes[count++] = hash;
                hash = 0;
                inWord = false;
            }
        }
        return Arrays.stream(hashes, 0, count).sorted().distinct().toArray();
    }

    /** Jaccard similarity of two sorted sets of word hashes. */
    static double similarity(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    /** The hit's matched sentences (else its first ones) in reading order, on one line, cut to the quote length. */
    private static String quote(PassageHit hit) {
        List<HighlightedSentence> matched = hit.sentences().stream().filter(sentence -> sentence.score() > 0).toList();
        List<HighlightedSentence> chosen = matched.isEmpty() ? hit.sentences() : matched;
        if (chosen.isEmpty()) {
            return truncate(foldWhiteSpace(hit.passage().text()), MAX_QUOTE_CHARS);
        }
        StringBuilder quote = new StringBuilder();
        for (HighlightedSentence sentence : chosen.stream().sorted(Comparator.comparingInt(HighlightedSentence::start)).toList()) {
            if (quote.length() > MAX_QUOTE_CHARS) {
                break; // the rest would be cut off
            }
            String folded = foldWhiteSpace(sentence.text());
            if (!folded.isEmpty()) {
                quote.append(quote.isEmpty() ? "" : " ").append(folded);
            }
        }
        return truncate(quote.toString(), MAX_QUOTE_CHARS);
    }

    /** One line of plain text: list bullets and line breaks folded, overly long runs cut. */
    static String clean(String sentence) {
        String withoutMarkers = sentence;
        if (hasLineBreak(sentence)) {
            withoutMarkers = LIST_MARKER.matcher(DANGLING_LIST_MARKER.matcher(sentence).replaceAll("")).replaceAll("");
        } else {
            // One line: a list marker can only open it (the regexes were a tenth of an answer, profiled).
            Matcher marker = LIST_MARKER.matcher(sentence);
            if (marker.lookingAt()) {
                withoutMarkers = sentence.substring(marker.end());
            }
        }
        return truncate(foldWhiteSpace(withoutMarkers), MAX_SENTENCE_CHARS);
    }

    /** A character at which a multi-line regex's ^ may match after it. */
    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** Whether the text has white space other than single spaces between other characters. */
    private static boolean needsFolding(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (isWhiteSpace(c) && (c != ' ' || i == 0 || i == last || text.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** A character of the regex class {@code \\s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Each run of white space ({@code \\s}) as one space, none at either end. */
    static String foldWhiteSpace(String text) {
        if (!needsFolding(text)) {
            return text.strip();
        }
        StringBuilder folded = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWhiteSpace(c)) {
                pendingSpace = folded.length() > 0;
            } else {
                if (pendingSpace) {
                    folded.append(' ');
                    pendingSpace = false;
                }
                folded.append(c);
            }
        }
        return folded.toString().strip();
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private static double round(float score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
