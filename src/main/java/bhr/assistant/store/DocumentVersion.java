package bhr.assistant.store;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a document: its content (by SHA-256) and its metadata, both fixed once committed. Versions are
 * numbered from 1 per document; a new upload, even of the same bytes with another title, is a new version, so
 * no metadata is ever overwritten.
 *
 * @param hash        SHA-256 of the original, hex
 * @param contentType the format (an upload's declared and verified type; for a bundled file, its format's type)
 * @param metadata    the document's metadata as it was served (title, url, kind, language, source, ...); reading
 *                    the original again with these declared gives the same document
 * @param bundled     the knowledge-base directory's file (KB_DIR) rather than an upload: its original lives in
 *                    KB_DIR, and restoring it means serving KB_DIR's file for this id again
 * @param by          who made it: "admin-api", "telegram:&lt;hash&gt;", "kb-dir"
 */
public record DocumentVersion(int number, String hash, String contentType, Map<String, String> metadata, boolean bundled,
                              Instant at, String by) {

    public DocumentVersion {
        metadata = Map.copyOf(metadata);
    }
}
