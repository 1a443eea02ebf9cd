package bhr.assistant.text;

import java.util.ArrayList;
import java.util.List;

/** Joining text pieces into messages no longer than a chat's limit, as Telegram and WhatsApp replies are split. */
public final class Chunks {

    private Chunks() {
    }

    /**
     * Joins the pieces, in order and with the separator between them, into as few chunks as fit the limit: a piece
     * that would not fit starts a new chunk. A piece is never cut here (a piece longer than the limit is a chunk of
     * its own), so callers cut them first where a reader would pause.
     */
    public static List<String> pack(Iterable<String> pieces, String separator, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && current.length() + separator.length() + piece.length() > limit) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(separator);
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }
}
