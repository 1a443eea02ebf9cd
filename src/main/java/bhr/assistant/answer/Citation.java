package bhr.assistant.answer;

import bhr.assistant.kb.Source;

import java.util.List;

/**
 * A source of an answer; {@code n} is the marker "[n]" the answer text uses for it.
 *
 * @param section heading path (and page) of the passage, as readers should cite it
 * @param url     the document's own link; for a compilation (which has none), the passage's first source
 * @param quote   the passage's sentences the answer uses, and those after them
 * @param status  the document's status (berlaku, dicabut, rancangan, berakhir, referensi)
 * @param sources the passage's own sources (title, publisher, date, url): where its statements are written
 * @param asOf    the date the passage's time-sensitive statements were true on (YYYY-MM or YYYY-MM-DD), or ""
 */
public record Citation(
        int n,
        String documentId,
        String passageId,
        String title,
        String section,
        String url,
        String quote,
        double score,
        String status,
        List<Source> sources,
        String asOf) {

    public Citation {
        sources = List.copyOf(sources);
    }

    /** A citation without sources of its own: the document is the source. */
    public Citation(int n, String documentId, String passageId, String title, String section, String url, String quote,
                    double score, String status) {
        this(n, documentId, passageId, title, section, url, quote, score, status, List.of(), "");
    }
}
