package bhr.assistant.answer;

import bhr.assistant.index.HighlightedSentence;
import bhr.assistant.search.PassageHit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    private final AnswerConfig config;

    AnswerComposer(AnswerConfig config) {
        this.config = config;
    }

    record Composition(String text, List<Citation> citations) {
    }

    Composition compose(List<PassageHit> hits, int limit, Messages messages, String language) {
        List<PassageHit> usable = usable(hits, limit);
        List<Picked> picked = pickSentences(usable);

        Map<PassageHit, Integer> numbers = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        boolean otherLanguage = usable.stream().anyMatch(hit -> !hit.document().language().equals(language));
        if (otherLanguage && !messages.get("otherLanguageSources").isBlank()) {
            text.append(messages.get("otherLanguageSources")).append(' ');
        }
        for (Picked sentence : picked) {
            int n = numbers.computeIfAbsent(sentence.hit(), hit -> numbers.size() + 1);
            text.append(sentence.text()).append(" [").append(n).append("] ");
        }
        List<Citation> citations = new ArrayList<>();
        for (Map.Entry<PassageHit, Integer> entry : numbers.entrySet()) {
            PassageHit hit = entry.getKey();
            citations.add(new Citation(entry.getValue(), hit.document().id(), hit.passage().id(), hit.document().title(),
                    hit.passage().sectionLabel(), hit.document().url(), quote(hit), round(hit.score()), hit.document().status()));
            String status = hit.document().status();
            if (status.equals("rancangan") || status.equals("dicabut")) {
                text.append(messages.get("status." + status, entry.getValue())).append(' ');
            }
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

    private record Picked(PassageHit hit, String text, int start) {
    }

    private List<Picked> pickSentences(List<PassageHit> usable) {
        List<Picked> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < usable.size() && picked.size() < config.maxSentences(); i++) {
            PassageHit hit = usable.get(i);
            int quota = i == 0 ? FROM_BEST_PASSAGE : 1;
            List<HighlightedSentence> ranked = hit.sentences().stream()
                    .filter(sentence -> sentence.score() > 0)
                    .sorted(Comparator.comparingDouble(HighlightedSentence::score).reversed())
                    .toList();
            List<Picked> fromHit = new ArrayList<>();
            for (HighlightedSentence sentence : ranked) {
                if (fromHit.size() >= quota || picked.size() + fromHit.size() >= config.maxSentences()) {
                    break;
                }
                String clean = clean(sentence.text());
                if (!clean.isEmpty() && seen.add(key(clean))) {
                    fromHit.add(new Picked(hit, clean, sentence.start()));
                }
            }
            fromHit.sort(Comparator.comparingInt(Picked::start)); // reading order within a passage
            picked.addAll(fromHit);
        }
        if (picked.size() < MIN_SENTENCES && !usable.isEmpty()) {
            // Too little matched sentence by sentence (e.g. the match was in a heading): the best passage leads
            // with its key fact (a rule for our knowledge base), so its opening sentences answer.
            PassageHit best = usable.get(0);
            for (HighlightedSentence sentence : best.sentences().stream().sorted(Comparator.comparingInt(HighlightedSentence::start)).toList()) {
                String clean = clean(sentence.text());
                if (picked.size() >= MIN_SENTENCES) {
                    break;
                }
                if (!clean.isEmpty() && seen.add(key(clean))) {
                    picked.add(new Picked(best, clean, sentence.start()));
                }
            }
            if (picked.isEmpty()) {
                picked.add(new Picked(best, clean(best.passage().text()), 0));
            }
            picked.sort(Comparator.comparingInt((Picked p) -> usable.indexOf(p.hit())).thenComparingInt(Picked::start));
        }
        return picked;
    }

    private static String quote(PassageHit hit) {
        List<HighlightedSentence> matched = hit.sentences().stream().filter(sentence -> sentence.score() > 0).toList();
        List<HighlightedSentence> chosen = matched.isEmpty() ? hit.sentences() : matched;
        String joined = chosen.stream()
                .sorted(Comparator.comparingInt(HighlightedSentence::start))
                .map(sentence -> sentence.text().strip())
                .reduce((a, b) -> a + " " + b)
                .orElse(hit.passage().text());
        return truncate(joined.replaceAll("\\s+", " ").strip(), MAX_QUOTE_CHARS);
    }

    /** One line of plain text: list bullets and line breaks folded, overly long runs cut. */
    static String clean(String sentence) {
        String oneLine = sentence.replaceAll("(?m)^\\s*(?:[-*•]|\\d+[.)])\\s+", "").replaceAll("\\s+", " ").strip();
        return truncate(oneLine, MAX_SENTENCE_CHARS);
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private static String key(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double round(float score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
