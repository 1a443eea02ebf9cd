package bhr.assistant.kb;

import java.time.Instant;
import java.util.List;

/**
 * A document ready to index: its metadata, its passages and where it came from.
 *
 * @param origin      the file it was read from (relative name), for reports
 * @param format      the format it was parsed as
 * @param contentHash SHA-256 of the original bytes, hex
 * @param updated     last modification of the original
 */
public record KnowledgeDocument(
        DocumentMetadata metadata,
        List<Passage> passages,
        String origin,
        DocumentFormat format,
        String contentHash,
        Instant updated) {

    public KnowledgeDocument {
        passages = List.copyOf(passages);
    }

    public String id() {
        return metadata.id();
    }
}
