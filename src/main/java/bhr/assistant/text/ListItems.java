package bhr.assistant.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** List items as the knowledge base writes them: "- ", "* ", "• ", "1. ", "2) ", "a. ", "(1) ", "(b) " at a line's start. */
public final class ListItems {

    private static final Pattern MARKER = Pattern.compile("(?:[-*•]|\\d{1,3}[.)]|[a-zA-Z][.)]|\\(\\d{1,3}\\)|\\([a-z]\\))[ \\t]+");

    private ListItems() {
    }

    /** Whether a list item starts at the offset: a marker there, with only spaces or tabs between it and the line's start. */
    public static boolean startsAt(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return markerLength(text, offset) > 0;
    }

    /** The length of the item marker with its following space at the offset, 0 when there is none. */
    public static int markerLength(String text, int offset) {
        if (offset >= text.length()) {
            return 0;
        }
        Matcher marker = MARKER.matcher(text).region(offset, text.length());
        return marker.lookingAt() ? marker.end() - offset : 0;
    }
}
