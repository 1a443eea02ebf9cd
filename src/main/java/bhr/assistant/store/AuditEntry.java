package bhr.assistant.store;

import java.time.Instant;

/**
 * One change to the knowledge base, as the history lists it.
 *
 * @param actor    who made it: "admin-api", "telegram:&lt;hash&gt;", "kb-dir"
 * @param action   upload, delete, restore
 * @param oldHash  the document's original before the change ("" if none; "bundled:&lt;hash&gt;" for a bundled file)
 * @param newHash  after it ("" when deleted)
 * @param version  the document's version current after the change (for a delete, the version deleted); 0 in
 *                 entries written before versions were numbered
 * @param revision the manifest revision the change committed; 0 in entries written before revisions were recorded
 */
public record AuditEntry(Instant at, String actor, String action, String documentId, String oldHash, String newHash,
                         int version, long revision) {

    public AuditEntry withRevision(long committed) {
        return new AuditEntry(at, actor, action, documentId, oldHash, newHash, version, committed);
    }
}
