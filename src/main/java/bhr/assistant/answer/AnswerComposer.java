package bhr.assistant.answer;

import bhr.assistant.index.AnalysedSentence;
import bhr.assistant.kb.Passage;
import bhr.assistant.reader.Reading;
import bhr.assistant.search.PassageHit;
import bhr.assistant.text.ListItems;
import bhr.assistant.text.TimeSensitive;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the reader's sentences as the answer: each followed by the marker of the passage it comes from, the one
 * stating the asked fact first. Citations are numbered in the order the answer first uses them, and only passages
 * the answer uses are cited, so every marker has its citation and every citation its marker.
 */
final class AnswerComposer {

    /** A sentence longer than this (a run-on paragraph) is cut at a word boundary. */
    private static final int MAX_SENTENCE_CHARS = 600;
    private static final int MAX_QUOTE_CHARS = 600;
    /** A list shows this many items at most; the citation's quote and link have the rest. */
    private static final int MAX_LIST_ITEMS = 8;
    /**
     * A source's own footnote markers ("[4]" in encyclopaedia text): left in, they would read as this answer's
     * citation markers and link to the wrong source.
     */
    private static final Pattern FOOTNOTE = Pattern.compile("\\s*\\[\\d{1,3}]");

    /** A statement dated longer ago than this is marked with its date ("per Februari 2025") in the answer. */
    private static final int STALE_AFTER_MONTHS = 12;

    private final Clock clock;

    AnswerComposer(Clock clock) {
        this.clock = clock;
    }

    record Composition(String text, List<Citation> citations) {
    }

    /**
     * @param limit most passages to cite: sentences of further passages are left out (the lead never is)
     */
    Composition compose(List<PassageHit> hits, Reading reading, int limit, Messages messages, String language) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Reading.Chosen sentence : reading.sentences()) {
            if (!numbers.containsKey(sentence.hit()) && numbers.size() >= Math.max(1, limit)) {
                continue;
            }
            int n = numbers.computeIfAbsent(sentence.hit(), hit -> numbers.size() + 1);
            String marker = asOfNote(hits.get(sentence.hit()).passage().asOf(), sentence.text(), messages) + " [" + n + "]";
            if (sentence.list()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(list(withoutFootnotes(sentence.text()))).append(marker).append('\n');
            } else {
                text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? "" : " ")
                        .append(truncate(foldWhiteSpace(withoutFootnotes(sentence.text())), MAX_SENTENCE_CHARS)).append(marker);
            }
        }
        List<Citation> citations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Integer, Integer> entry : numbers.entrySet()) {
            PassageHit hit = hits.get(entry.getKey());
            Passage passage = hit.passage();
            String url = !hit.document().url().isEmpty() || passage.sources().isEmpty() ? hit.document().url() : passage.sources().get(0).url();
            citations.add(new Citation(entry.getValue(), hit.document().id(), passage.id(), hit.document().title(),
                    passage.sectionLabel(), url, quote(hit, reading, entry.getKey()), round(hit.score()), hit.document().status(),
                    passage.sources(), passage.asOf()));
            String status = hit.document().status();
            if (status.equals("rancangan") || status.equals("dicabut")) {
                notes.add(messages.get("status." + status, entry.getValue()));
            }
        }
        boolean otherLanguage = numbers.keySet().stream().anyMatch(hit -> !hits.get(hit).document().language().equals(language));
        if (otherLanguage && !messages.get("otherLanguageSources").isBlank()) {
            notes.add(messages.get("otherLanguageSources"));
        }
        String answer = text.toString().strip();
        if (!notes.isEmpty()) {
            answer += (answer.endsWith("]") && !answer.contains("\n") ? " " : "\n") + String.join(" ", notes);
        }
        return new Composition(answer, citations);
    }

    /**
     * " (per Februari 2025)" when the sentence states something time-sensitive ({@link TimeSensitive}), its passage's
     * as-of date is more than a year before today, and the sentence does not already say when it was true: an
     * undated "current" fact is a future wrong fact.
     */
    String asOfNote(String asOf, String sentence, Messages messages) {
        Optional<YearMonth> month = month(asOf);
        if (month.isEmpty() || !month.get().plusMonths(STALE_AFTER_MONTHS).isBefore(YearMonth.now(clock))
                || !TimeSensitive.statement(sentence)) {
            return "";
        }
        String monthName = messages.list("months").get(month.get().getMonthValue() - 1);
        String when = monthName + " " + month.get().getYear();
        return sentence.contains(when) ? "" : " " + messages.get("asOf", when);
    }

    private static Optional<YearMonth> month(String asOf) {
        try {
            return asOf.length() < 7 ? Optional.empty() : Optional.of(YearMonth.parse(asOf.substring(0, 7)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String withoutFootnotes(String sentence) {
        return sentence.indexOf('[') < 0 ? sentence : FOOTNOTE.matcher(sentence).replaceAll("");
    }

    /** A list with its lead-in, one item a line, each line's white space folded, long lists cut. */
    static String list(String block) {
        List<String> lines = new ArrayList<>();
        int items = 0;
        for (String line : block.split("\\R")) {
            String folded = foldWhiteSpace(line);
            if (folded.isEmpty()) {
                continue;
            }
            boolean item = ListItems.startsAt(folded, 0);
            if (item && ++items > MAX_LIST_ITEMS) {
                lines.add("- …");
                break;
            }
            lines.add(item && isBullet(folded) ? "- " + folded.substring(ListItems.markerLength(folded, 0)) : folded);
        }
        return String.join("\n", lines);
    }

    /** Bullets are written "- " whatever the source used ("•", "*"); numbered items keep their numbers. */
    private static boolean isBullet(String line) {
        char first = line.charAt(0);
        return first == '-' || first == '*' || first == '•';
    }

    /**
     * The passage's chosen sentences in reading order, then the sentences after them, up to the quote length: what a
     * reader checking the answer wants to see.
     */
    private static String quote(PassageHit hit, Reading reading, int hitIndex) {
        List<AnalysedSentence> sentences = hit.sentences();
        if (sentences.isEmpty()) {
            return truncate(foldWhiteSpace(hit.passage().text()), MAX_QUOTE_CHARS);
        }
        int first = reading.sentences().stream().filter(chosen -> chosen.hit() == hitIndex).mapToInt(Reading.Chosen::start)
                .map(start -> indexOf(sentences, start)).min().orElse(0);
        StringBuilder quote = new StringBuilder();
        for (int i = first; i < sentences.size() && quote.length() <= MAX_QUOTE_CHARS; i++) {
            String folded = foldWhiteSpace(sentences.get(i).text());
            if (!folded.isEmpty()) {
                quote.append(quote.isEmpty() ? "" : " ").append(folded);
            }
        }
        return truncate(quote.toString(), MAX_QUOTE_CHARS);
    }

    private static int indexOf(List<AnalysedSentence> sentences, int start) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).start() == start) {
                return i;
            }
        }
        return 0;
    }

    /** A character of the regex class {@code \\s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Each run of white space ({@code \\s}) as one space, none at either end. */
    static String foldWhiteSpace(String text) {
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

    static String truncate(String text, int max) {
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
