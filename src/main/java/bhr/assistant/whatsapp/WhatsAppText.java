package bhr.assistant.whatsapp;

import bhr.assistant.text.Chunks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WhatsApp's own formatting, never HTML: {@code *bold*}, {@code _italic_}, {@code > } quotes, "- " lists, and links
 * as plain URLs (WhatsApp makes them tappable). Text from documents and users is made inert first, so that its own
 * asterisks or underscores ("*) coret yang tidak perlu") never turn the rest of a message bold; and messages are
 * split at paragraph, line, sentence or word boundaries to fit WhatsApp's 4096 characters.
 */
final class WhatsAppText {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final String MARKERS = "*_~`";
    /** Look-alikes that WhatsApp does not read as markers: ∗ ˍ ∼ ˋ. */
    private static final String INERT = "\u2217\u02cd\u223c\u02cb";
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]\\s");

    private WhatsAppText() {
    }

    /**
     * Text shown as it is. A marker character that appears at least twice (outside links) could pair up into
     * formatting, so each such one becomes its look-alike; a single one, and links, are left alone.
     */
    static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder outside = new StringBuilder(text);
        Matcher urls = URL.matcher(text);
        while (urls.find()) {
            for (int i = urls.start(); i < urls.end(); i++) {
                outside.setCharAt(i, ' ');
            }
        }
        StringBuilder result = new StringBuilder(text);
        for (int m = 0; m < MARKERS.length(); m++) {
            char marker = MARKERS.charAt(m);
            if (outside.chars().filter(c -> c == marker).count() < 2) {
                continue;
            }
            for (int i = 0; i < outside.length(); i++) {
                if (outside.charAt(i) == marker) {
                    result.setCharAt(i, INERT.charAt(m));
                }
            }
        }
        return result.toString();
    }

    /** *text* (bold) on one line; blank text stays as it is. */
    static String bold(String text) {
        return wrap(plain(text), '*');
    }

    /** _text_ (italic) on one line. */
    static String italic(String text) {
        return wrap(plain(text), '_');
    }

    /** Each line as a quote ("> "). */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (String line : plain(text).strip().split("\n")) {
            if (quoted.length() > 0) {
                quoted.append('\n');
            }
            quoted.append("> ").append(line.strip());
        }
        return quoted.toString();
    }

    /** WhatsApp formats a marker pair only around text that neither starts nor ends with a space, on one line. */
    private static String wrap(String text, char marker) {
        String inner = text.replaceAll("\\s*\\n\\s*", " ").strip();
        return inner.isEmpty() ? inner : marker + inner + marker;
    }

    /**
     * Paragraphs joined by blank lines into as few messages as fit in {@code limit} characters. A paragraph too long
     * for one message is cut at a line break, else after a sentence, else between words: never inside a word or a
     * link (unless one word alone is longer than a message).
     */
    static List<String> split(List<String> paragraphs, int limit) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : paragraphs) {
            pieces(paragraph.strip(), limit).stream().filter(piece -> !piece.isEmpty()).forEach(pieces::add);
        }
        return Chunks.pack(pieces, "\n\n", limit);
    }

    /** The paragraph in pieces of at most {@code limit}, each cut where a reader would pause. */
    private static List<String> pieces(String paragraph, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = paragraph;
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }

    /** Where to end a piece of at most {@code limit}: after the last line break, sentence or space in its second half. */
    private static int cutPoint(String text, int limit) {
        int floor = limit / 2;
        int newline = text.lastIndexOf('\n', limit);
        if (newline >= floor) {
            return newline + 1;
        }
        int sentence = -1;
        Matcher ends = SENTENCE_END.matcher(text.substring(0, limit + 1));
        while (ends.find()) {
            sentence = ends.end();
        }
        if (sentence >= floor) {
            return sentence;
        }
        int space = text.lastIndexOf(' ', limit);
        if (space > 0) {
            return space + 1;
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
