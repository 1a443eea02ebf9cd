package bhr.assistant.store;

import java.time.Instant;

/**
 * One change to the knowledge base.
 *
 * @param actor   who made it: "admin-api", "telegram:&lt;hash&gt;", "kb-dir"
 * @param action  upload, delete, restore, reindex
 * @param oldHash the document's original before the change ("" if none; "bundled:&lt;hash&gt;" for a bundled file)
 * @param newHash after it ("" when deleted)
 */
public record AuditEntry(Instant at, String actor, String action, String documentId, String oldHash, String newHash) {
}
