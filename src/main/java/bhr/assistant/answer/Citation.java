package bhr.assistant.answer;

/**
 * A source of an answer; {@code n} is the marker "[n]" the answer text uses for it.
 *
 * @param section heading path (and page) of the passage, as readers should cite it
 * @param quote   the passage's sentences that best match the question
 * @param status  the document's status (berlaku, dicabut, rancangan, referensi)
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
        String status) {
}
