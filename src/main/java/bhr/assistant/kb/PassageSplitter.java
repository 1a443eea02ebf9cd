package bhr.assistant.kb;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits sections into passages small enough to cite. A section within the word budget stays whole; a longer
 * one is cut at paragraph boundaries, a longer paragraph at sentence boundaries, and each later part starts
 * with the last sentence of the part before, so a fact split across the cut stays readable in both.
 */
public final class PassageSplitter {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final int maxWords;

    public PassageSplitter(int maxWords) {
        if (maxWords < 20) {
            throw new IllegalArgumentException("maxWords must be at least 20");
        }
        this.maxWords = maxWords;
    }

    /** Passages that cite no source (tests, synthetic corpora). */
    public List<Passage> split(String documentId, List<Section> sections) {
        return split(documentId, sections, section -> List.of());
    }

    /** @param sourcesOf the sources every passage of a section cites */
    public List<Passage> split(String documentId, List<Section> sections, Function<Section, List<Source>> sourcesOf) {
        List<Passage> passages = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (Section section : sections) {
            String baseId = uniqueId(documentId, section, usedIds);
            List<String> parts = chunks(section.text());
            List<Source> sources = sourcesOf.apply(section);
            for (int part = 0; part < parts.size(); part++) {
                String id = part == 0 ? baseId : baseId + "/" + (part + 1);
                passages.add(new Passage(id, documentId, section.headingPath(), section.locator(), parts.get(part),
                        section.actors(), sources, section.asOf(), passages.size()));
            }
        }
        return passages;
    }

    /** Document id, '#', the slug of the innermost heading (or locator); outer headings are added only on a clash. */
    private static String uniqueId(String documentId, Section section, Set<String> usedIds) {
        List<String> names = new ArrayList<>(section.headingPath());
        if (!section.locator().isEmpty()) {
            names.add(section.locator());
        }
        if (names.isEmpty()) {
            names.add("awal");
        }
        String candidate = null;
        for (int depth = 1; depth <= names.size(); depth++) {
            candidate = documentId + "#" + Slugs.slug(String.join(" ", names.subList(names.size() - depth, names.size())));
            if (!usedIds.contains(candidate)) {
                usedIds.add(candidate);
                return candidate;
            }
        }
        for (int n = 2; ; n++) {
            String numbered = candidate + "-" + n;
            if (usedIds.add(numbered)) {
                return numbered;
            }
        }
    }

    List<String> chunks(String text) {
        List<String> units = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (wordCount(paragraph) <= maxWords) {
                units.add(paragraph.strip());
                continue;
            }
            for (String sentence : sentences(paragraph)) {
                units.addAll(wordCount(sentence) <= maxWords ? List.of(sentence) : wordWindows(sentence));
            }
        }
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentWords = 0;
        for (String unit : units) {
            int words = wordCount(unit);
            if (words == 0) {
                continue;
            }
            if (currentWords > 0 && currentWords + words > maxWords) {
                String finished = String.join("\n\n", current);
                chunks.add(finished);
                current.clear();
                currentWords = 0;
                List<String> finishedSentences = sentences(finished);
                String overlap = finishedSentences.get(finishedSentences.size() - 1);
                if (wordCount(overlap) + words <= maxWords) {
                    current.add(overlap);
                    currentWords = wordCount(overlap);
                }
            }
            current.add(unit);
            currentWords += words;
        }
        if (currentWords > 0) {
            chunks.add(String.join("\n\n", current));
        }
        return chunks;
    }

    static List<String> sentences(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(INDONESIAN);
        iterator.setText(text);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** A single "sentence" longer than the budget (a table dump, a run-on list) is cut at word boundaries. */
    private List<String> wordWindows(String text) {
        String[] words = text.strip().split("\\s+");
        List<String> windows = new ArrayList<>();
        for (int start = 0; start < words.length; start += maxWords) {
            windows.add(String.join(" ", Arrays.copyOfRange(words, start, Math.min(words.length, start + maxWords))));
        }
        return windows;
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
