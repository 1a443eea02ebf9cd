package bhr.assistant.store;

import java.time.Instant;
import java.util.Map;

/**
 * An uploaded document as the store keeps it: which original is current, in which format, with the metadata
 * given beside it (query parameters), and who put it there.
 *
 * @param hash        SHA-256 of the original; the original is stored under this name, never overwritten
 * @param contentType the declared and verified type
 * @param declared    metadata given with the upload (title, url, ...); the file's own front matter adds to it
 */
public record StoredDocument(String id, String hash, String contentType, Map<String, String> declared,
                             Instant updated, String updatedBy) {

    public StoredDocument {
        declared = Map.copyOf(declared);
    }
}
