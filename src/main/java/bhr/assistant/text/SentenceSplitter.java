package bhr.assistant.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits passage text into the sentences an answer is built from, in Indonesian and English.
 * <ul>
 *   <li>A full stop ends a sentence only before a capital letter, a digit, a quote or a bracket, and never after an
 *       abbreviation or title ("Yasonna H. Laoly", "Dr.", "No. 60", "S.H.", "e.g.", "Rp. 5.000"); "dll." and
 *       "dsb." end one when a capital follows.</li>
 *   <li>A blank line always ends a sentence; a line break ends one before a list item.</li>
 *   <li>A list stays whole and with its lead-in: a sentence ending in ":" (or without a full stop) followed by
 *       list items ("- ", "1. ", "a. ", "(1) ") becomes one span marked {@code list}.</li>
 * </ul>
 * The JDK's sentence iterator, used before, broke "Yasonna H. Laoly" after "H." and left a list's first number
 * at the end of its lead-in; answers then began with fragments.
 */
public final class SentenceSplitter {

    /** Titles, initials and abbreviations after which a full stop never ends a sentence (compared lower-cased). */
    private static final Set<String> NEVER_ENDS = Set.of(
            "dr", "drs", "dra", "prof", "ir", "h", "hj", "kh", "st", "sdr", "sdri", "bpk", "yth", "mr", "mrs",
            "ms", "jl", "jln", "kab", "kec", "kel", "prov", "no", "nos", "hlm", "hal", "rp", "art", "para",
            "e.g", "i.e", "cf", "vs", "s.h", "m.h", "s.e", "m.si", "m.sc", "ph.d", "s.sos", "s.ip", "m.a", "a.n",
            "u.p", "m.t", "s.t", "s.kom", "lt", "tel", "telp", "fig", "vol", "ed", "pt", "cv", "ud", "tbk");
    /** Abbreviations that end a sentence when the next word starts with a capital ("..., dan sebagainya. Lalu"). */
    private static final Set<String> ENDS_BEFORE_CAPITAL = Set.of("dll", "dsb", "dst", "dkk", "etc", "tsb");

    private SentenceSplitter() {
    }

    /**
     * A sentence's place in the text.
     *
     * @param start offset of its first character (no leading white space)
     * @param end   offset after its last character (no trailing white space)
     * @param list  whether it is a list with its lead-in
     */
    public record Span(int start, int end, boolean list) {

        public String of(String text) {
            return text.substring(start, end);
        }
    }

    public static List<Span> split(String text) {
        List<Span> sentences = new ArrayList<>();
        for (int[] line : plainSentences(text)) {
            sentences.add(new Span(line[0], line[1], false));
        }
        return joinShortOnes(text, groupLists(text, sentences));
    }

    /**
     * A sentence of one or two words ("Ya.", "Tidak.", "Pasal 88.") says little alone: it joins the sentence after
     * it, so an answer never begins with a bare "Ya." and the reason comes with it.
     */
    private static List<Span> joinShortOnes(String text, List<Span> spans) {
        List<Span> joined = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (i + 1 < spans.size() && !span.list() && words(span.of(text)) <= SHORT_SENTENCE_WORDS) {
                Span next = spans.get(i + 1);
                joined.add(new Span(span.start(), next.end(), next.list()));
                i++;
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    private static final int SHORT_SENTENCE_WORDS = 2;

    private static int words(String sentence) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < sentence.length(); i++) {
            boolean letter = Character.isLetterOrDigit(sentence.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** Sentence bounds before lists are grouped: every list item is a sentence of its own here. */
    private static List<int[]> plainSentences(String text) {
        List<int[]> bounds = new ArrayList<>();
        int length = text.length();
        int start = skipSpace(text, 0);
        int i = afterMarker(text, start);
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n') {
                int next = skipSpace(text, i);
                boolean blankLine = text.substring(i, next).chars().filter(ch -> ch == '\n').count() >= 2;
                if (blankLine || next >= length || ListItems.startsAt(text, next)) {
                    add(bounds, text, start, i);
                    start = next;
                    i = afterMarker(text, next);
                    continue;
                }
            } else if ((c == '.' || c == '!' || c == '?' || c == '…') && !ListItems.startsAt(text, start)) {
                // A list item is one unit to its line's end, however many sentences it holds.
                int end = i + 1;
                while (end < length && ".!?…\"'”’)]".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (end >= length || (Character.isWhitespace(text.charAt(end)) && endsSentence(text, start, i, end))) {
                    add(bounds, text, start, end);
                    start = skipSpace(text, end);
                    i = afterMarker(text, start);
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(bounds, text, start, length);
        return bounds;
    }

    /** Past a list item's marker ("1. " must not end the item's sentence), or the offset itself. */
    private static int afterMarker(String text, int offset) {
        return ListItems.startsAt(text, offset) ? offset + ListItems.markerLength(text, offset) : offset;
    }

    /** Whether the stop at {@code stop} (its punctuation running to {@code after}) ends the sentence. */
    private static boolean endsSentence(String text, int sentenceStart, int stop, int after) {
        int next = skipSpace(text, after);
        if (next >= text.length()) {
            return true;
        }
        if (text.charAt(after) == '\n' && ListItems.startsAt(text, next)) {
            return true;
        }
        char following = text.charAt(next);
        boolean opensSentence = Character.isUpperCase(following) || Character.isDigit(following)
                || "\"'“‘([".indexOf(following) >= 0 || Character.getType(following) == Character.OTHER_LETTER;
        if (!opensSentence || text.charAt(stop) != '.') {
            return opensSentence;
        }
        String word = wordBefore(text, sentenceStart, stop).toLowerCase(Locale.ROOT);
        if (ENDS_BEFORE_CAPITAL.contains(word)) {
            return Character.isUpperCase(following);
        }
        if (NEVER_ENDS.contains(word)) {
            return false;
        }
        // A lone capital ("H.") is an initial; a run of letters with full stops inside ("S.H", "U.S") an abbreviation.
        boolean initial = word.length() == 1 && Character.isLetter(word.charAt(0));
        return !initial && !word.contains(".");
    }

    /** The word the full stop ends, with any full stops inside it ("s.h" of "S.H."), without leading brackets. */
    private static String wordBefore(String text, int sentenceStart, int stop) {
        int begin = stop;
        while (begin > sentenceStart) {
            char c = text.charAt(begin - 1);
            if (Character.isLetter(c) || c == '.') {
                begin--;
            } else {
                break;
            }
        }
        return text.substring(begin, stop);
    }

    /** Joins each run of list items with the sentence that leads into it. */
    private static List<Span> groupLists(String text, List<Span> sentences) {
        List<Span> grouped = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            Span sentence = sentences.get(i);
            int itemsFrom = ListItems.startsAt(text, sentence.start()) ? i : i + 1;
            int itemsTo = itemsFrom;
            while (itemsTo < sentences.size() && ListItems.startsAt(text, sentences.get(itemsTo).start())
                    && (itemsTo == itemsFrom || sameList(text, sentences.get(itemsTo - 1), sentences.get(itemsTo)))) {
                itemsTo++;
            }
            boolean leadIn = itemsFrom == i + 1 && itemsTo > itemsFrom && leadsIntoList(sentence.of(text));
            if (itemsFrom == i && itemsTo > i) {
                grouped.add(new Span(sentence.start(), sentences.get(itemsTo - 1).end(), true));
                i = itemsTo;
            } else if (leadIn) {
                grouped.add(new Span(sentence.start(), sentences.get(itemsTo - 1).end(), true));
                i = itemsTo;
            } else {
                grouped.add(sentence);
                i++;
            }
        }
        return grouped;
    }

    /**
     * Whether an item continues the list of the one before: no blank line between them, or the item before is an
     * item line too (a list written with blank lines between its items).
     */
    private static boolean sameList(String text, Span previous, Span item) {
        String between = text.substring(previous.end(), item.start());
        return between.chars().filter(c -> c == '\n').count() < 2 || ListItems.startsAt(text, previous.start());
    }

    /** A sentence that introduces a list: it ends in a colon, or it has no closing full stop of its own. */
    private static boolean leadsIntoList(String sentence) {
        char last = sentence.charAt(sentence.length() - 1);
        return last == ':' || (last != '.' && last != '!' && last != '?' && last != '…');
    }

    private static void add(List<int[]> bounds, String text, int start, int end) {
        int trimmedEnd = end;
        while (trimmedEnd > start && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
            trimmedEnd--;
        }
        if (trimmedEnd > start) {
            bounds.add(new int[] {start, trimmedEnd});
        }
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
