package bhr.assistant.telegram;

import bhr.assistant.text.Chunks;

import java.util.ArrayList;
import java.util.List;

/**
 * Telegram HTML: escaping and splitting. TelegramBots sends text as given, so everything from users or the
 * knowledge base passes through {@link #escape}; messages are cut at paragraph boundaries to stay within
 * Telegram's 4096-character limit, and never inside a tag or an entity.
 */
final class TelegramHtml {

    static final int MAX_MESSAGE = 4096;

    private TelegramHtml() {
    }

    /** Escapes the characters Telegram's HTML parse mode treats as markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\">(.*?)</a>", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

    /**
     * The text of a message without its markup, for when Telegram refuses the HTML: links become "text (url)",
     * other tags go, and the escaped characters come back. At most {@link #MAX_MESSAGE} characters.
     */
    static String toPlainText(String html) {
        if (html == null) {
            return "";
        }
        String links = LINK.matcher(html).replaceAll(link -> java.util.regex.Matcher.quoteReplacement(
                link.group(2).equals(link.group(1)) ? link.group(2) : link.group(2) + " (" + link.group(1) + ")"));
        String text = TAG.matcher(links).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        if (text.length() <= MAX_MESSAGE) {
            return text;
        }
        int cut = MAX_MESSAGE - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never half an emoji
        }
        return text.substring(0, cut) + "…";
    }

    static String link(String url, String text) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return escape(text);
        }
        return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }

    static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    static String italic(String text) {
        return "<i>" + escape(text) + "</i>";
    }

    /**
     * Joins paragraphs (each valid HTML on its own) with blank lines into as few messages as fit the limit.
     * A paragraph too long for one message is cut at its line breaks, and a line at a space outside markup.
     */
    static List<String> split(List<String> paragraphs, int limit) {
        List<String> pieces = new ArrayList<>();
        for (String paragraph : paragraphs) {
            pieces.addAll(fit(paragraph, limit));
        }
        return Chunks.pack(pieces, "\n\n", limit);
    }

    private static List<String> fit(String paragraph, int limit) {
        if (paragraph.length() <= limit) {
            return List.of(paragraph);
        }
        List<String> parts = new ArrayList<>();
        for (String line : paragraph.split("\n")) {
            parts.addAll(line.length() <= limit ? List.of(line) : cutOutsideMarkup(line, limit));
        }
        return Chunks.pack(parts, "\n", limit);
    }

    /** Cuts a long line at the last space before the limit that is not inside a tag (entities hold no spaces). */
    private static List<String> cutOutsideMarkup(String line, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (rest.length() > limit) {
            int cut = -1;
            boolean inTag = false;
            for (int i = 0; i < limit; i++) {
                char c = rest.charAt(i);
                if (c == '<') {
                    inTag = true;
                } else if (c == '>') {
                    inTag = false;
                } else if (c == ' ' && !inTag) {
                    cut = i;
                }
            }
            if (cut <= 0) {
                cut = safeHardCut(rest, limit);
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** A cut for a run with no spaces at all: back off so no entity (&amp;) or surrogate pair is split. */
    private static int safeHardCut(String text, int limit) {
        int cut = limit;
        int ampersand = text.lastIndexOf('&', cut - 1);
        if (ampersand >= 0 && ampersand > cut - 8 && text.indexOf(';', ampersand) >= cut) {
            cut = ampersand;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return Math.max(1, cut);
    }
}
